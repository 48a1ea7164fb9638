// Excel writes CSV with the list separator of the machine's locale: `;` wherever the decimal
// separator is a comma (Brazil, most of Europe). The header row tells which one a file uses.
const CANDIDATES = [',', ';', '\t', '|'] as const;

// Excel's own way to name the delimiter: a first line `sep=;` before the header, which Excel
// hides when it opens the file.
const SEPARATOR_LINE = /^\uFEFF?sep=(.)[ \t]*(?:\r\n|\n|\r)/i;

/** The delimiter a `sep=` first line names, or null when the file has none. */
export function separatorLine(text: string): string | null {
  return SEPARATOR_LINE.exec(text)?.[1] ?? null;
}

/**
 * The delimiter of a CSV text: the one a `sep=` first line names; else, of `,` `;` tab and `|`,
 * the one found most often in the first line outside quotes; `,` when none is (a one-column
 * file) or on a tie.
 */
export function detectDelimiter(text: string): string {
  const named = separatorLine(text);
  if (named) return named;
  const counts = new Map<string, number>(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best = ',';
  for (const candidate of CANDIDATES) if (counts.get(candidate)! > counts.get(best)!) best = candidate;
  return best;
}
