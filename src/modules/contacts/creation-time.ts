// When a contact was created elsewhere (another CRM, a spreadsheet), given when it is created
// here: callers send ISO 8601, imports their own date formats turned into ISO first.

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const EARLIEST = Date.UTC(1970, 0, 1);
// A clock a little ahead of ours is not a date in the future.
const CLOCK_SKEW_MS = 5 * 60_000;

/** The instant, or why the value cannot be a contact's creation time. */
export function parseCreationTime(value: string, now = Date.now()): { at: Date } | { problem: string } {
  const match = ISO.exec(value.trim());
  if (!match) return { problem: 'must be a date (YYYY-MM-DD) or a date and time with its offset (2024-05-31T14:30:00Z)' };
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  const calendar = new Date(Date.UTC(year!, month! - 1, day!));
  const realDay = calendar.getUTCFullYear() === year && calendar.getUTCMonth() === month! - 1 && calendar.getUTCDate() === day;
  if (!realDay || (match[4] !== undefined && (hour! > 23 || minute! > 59 || (match[6] !== undefined && second! > 59)))) {
    return { problem: 'is not a real date' };
  }
  const at = new Date(match[4] === undefined ? calendar.getTime() : Date.parse(value.trim()));
  if (at.getTime() < EARLIEST) return { problem: 'must not be before 1970' };
  if (at.getTime() > now + CLOCK_SKEW_MS) return { problem: 'must not be in the future' };
  return { at };
}
