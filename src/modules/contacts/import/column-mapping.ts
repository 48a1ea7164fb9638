// Guesses which contact field each column of an imported CSV fills. Pure: the import wizard shows
// the guess, the marketer corrects it, and only the confirmed mapping reaches the service.
import type { CustomFieldType } from '../custom-fields.js';
import { foldToAscii, matchKey } from './header-keys.js';
import { AGREED, COMMON, detectVendor, type HeaderHome, type KeyedTable } from './vendors/index.js';


export const STANDARD_FIELDS = [
  'email',
  'external_id',
  'first_name',
  'last_name',
  'full_name',
  'phone',
  'job_title',
  'company_name',
  'website',
  'country',
  'city',
  'lifecycle_stage',
  'lead_status',
  'owner_email',
  'source',
  'source_detail',
  'origin',
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'utm_term',
  'utm_content',
  'referrer',
  'tags',
  'do_not_email',
  'do_not_call',
  'created_at',
  'mobile_phone',
  'street',
  'state',
  'postal_code',
  'notes',
  'opt_in_time',
  'opt_in_ip',
  'confirm_time',
  'confirm_ip',
  'unsubscribed_at',
  'cleaned_at',
] as const;

/**
 * A contact field every workspace has, or what an import makes of a column: `full_name` is split
 * into first/last, `notes` become a note on the timeline, the opt-in and confirmation times and
 * addresses become consent records, an unsubscribe or clean (bounce) time an email opt-out.
 */
export type StandardField = (typeof STANDARD_FIELDS)[number];

export type MappingTarget =
  | { kind: 'field'; field: StandardField }
  | { kind: 'custom'; key: string }
  | { kind: 'ignore' };

export type ColumnMapping = {
  /** Zero-based position of the column in the file. */
  column: number;
  /** The column's name as it appears in the file. */
  header: string;
  target: MappingTarget;
  /** `exact`: the header is our own key; `alias`: another tool's name for it; `none`: a suggestion only. */
  confidence: 'exact' | 'alias' | 'none';
  /** For a custom field: the type the tool's column holds (a score is a number), when known. */
  type?: CustomFieldType;
};

type Candidate = { target: MappingTarget; type?: CustomFieldType; rank: number; confidence: 'exact' | 'alias' };

const OWN_KEYS: ReadonlyMap<string, StandardField> = new Map(STANDARD_FIELDS.map((field) => [matchKey(field), field]));

/**
 * Where a header goes: our own key first (rank 0), then the table of the file's tool, the
 * spreadsheet names, and the names every tool that writes them agrees on. Lower rank wins a field.
 */
function candidateFor(key: string, vendor: KeyedTable | null): Candidate | undefined {
  const own = OWN_KEYS.get(key);
  if (own) return { target: { kind: 'field', field: own }, rank: 0, confidence: 'exact' };
  const tiers: Array<[ReadonlyMap<string, { home: HeaderHome; rank: number }> | undefined, number]> = [
    [vendor?.homes, 0],
    [COMMON.homes, 1000],
    [AGREED, 2000],
  ];
  for (const [homes, base] of tiers) {
    const entry = homes?.get(key);
    if (!entry) continue;
    const { home } = entry;
    if (typeof home === 'string') return { target: { kind: 'field', field: home }, rank: base + entry.rank, confidence: 'alias' };
    return { target: { kind: 'custom', key: home.custom }, type: home.type, rank: base + entry.rank, confidence: 'alias' };
  }
  return undefined;
}

// The one key of this shape that every JavaScript object inherits: as a custom field key it would
// read a function from `fields[key]` and from templates (`{{ contact.fields.constructor }}`).
const RESERVED_KEYS = new Set(['constructor']);

/**
 * A custom field key suggested for a column header: "What is your current occupation" →
 * "what_is_your_current_occupation", "TotalVisits" → "total_visits", "País" → "pais".
 * Always a valid custom field key (`CUSTOM_KEY_PATTERN` in custom-fields.ts). A header with no
 * Latin letters or digits (emoji, other scripts, punctuation) falls back to `column_<n>`, counting
 * columns from 1 as a spreadsheet does, or to `custom_field` when the column is not given.
 */
export function customKeyFor(header: string, column?: number): string {
  let key = foldToAscii(header)
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2') // camelCase: "TotalVisits" → "Total_Visits"
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2') // acronyms: "HTTPReferer" → "HTTP_Referer"
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (key === '') return column === undefined ? 'custom_field' : `column_${column + 1}`;
  if (!/^[a-z]/.test(key)) key = `field_${key}`;
  if (RESERVED_KEYS.has(key)) key = `${key}_field`;
  return key.slice(0, 63).replace(/_+$/, '');
}

/** The tool whose export a header row is, when it can be told ("HubSpot"), else null. */
export function guessVendor(headers: readonly string[]): string | null {
  return detectVendor(headers)?.table.vendor ?? null;
}

/**
 * Guesses a target for every column of a file from its header row.
 * Headers match our own keys ("first_name", "Do Not Email") and the header tables of the tools
 * marketers come from (`vendors/`: HubSpot, Mautic, Salesforce, Mailchimp, RD Station…), ignoring
 * case, accents and punctuation; the tool is recognised from the headers only it writes, and its
 * table decides headers tools disagree on. No two columns get the same field: our own key beats
 * an alias, an earlier alias beats a later one, and then the leftmost column wins; the others
 * become custom field suggestions, as do unknown headers, so no column is dropped unseen. Empty
 * headers (a trailing comma in the header row) are ignored. Custom keys are unique and never
 * equal a standard field key.
 */
export function guessMapping(headers: readonly string[]): ColumnMapping[] {
  const vendor = detectVendor(headers);
  const candidates = headers.map((header) => (header.trim() === '' ? undefined : candidateFor(matchKey(header), vendor)));

  const winner = new Map<string, number>();
  candidates.forEach((candidate, column) => {
    if (!candidate) return;
    const id = targetId(candidate.target);
    const current = winner.get(id);
    if (current === undefined || candidate.rank < candidates[current]!.rank) winner.set(id, column);
  });
  // A full-name column next to first/last columns would write the same names twice; next to a
  // last name alone it is the first name (HubSpot in Portuguese exports "Nome" and "Sobrenome").
  if (winner.has('field:first_name')) winner.delete('field:full_name');
  else if (winner.has('field:last_name') && winner.has('field:full_name')) {
    const column = winner.get('field:full_name')!;
    candidates[column] = { ...candidates[column]!, target: { kind: 'field', field: 'first_name' } };
    winner.delete('field:full_name');
    winner.set('field:first_name', column);
  }

  const usedKeys = new Set<string>([...STANDARD_FIELDS, ...candidates.flatMap((c, column) => (c?.target.kind === 'custom' && winner.get(targetId(c.target)) === column ? [c.target.key] : []))]);
  return headers.map((header, column): ColumnMapping => {
    if (header.trim() === '') return { column, header, target: { kind: 'ignore' }, confidence: 'none' };
    const candidate = candidates[column];
    if (candidate && winner.get(targetId(candidate.target)) === column) {
      return { column, header, target: candidate.target, confidence: candidate.confidence, ...(candidate.type ? { type: candidate.type } : {}) };
    }
    const key = uniqueKey(customKeyFor(header, column), usedKeys);
    usedKeys.add(key);
    return { column, header, target: { kind: 'custom', key }, confidence: 'none', ...(candidate?.type ? { type: candidate.type } : {}) };
  });
}

const targetId = (target: MappingTarget) => (target.kind === 'field' ? `field:${target.field}` : target.kind === 'custom' ? `custom:${target.key}` : 'ignore');

function uniqueKey(key: string, used: ReadonlySet<string>): string {
  if (!used.has(key)) return key;
  for (let n = 2; ; n++) {
    const suffix = `_${n}`;
    const candidate = key.slice(0, 63 - suffix.length).replace(/_+$/, '') + suffix;
    if (!used.has(candidate)) return candidate;
  }
}
