// Guesses which contact field each column of an imported CSV fills. Pure: the import wizard shows
// the guess, the marketer corrects it, and only the confirmed mapping reaches the service.

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
] as const;

/** A contact field every workspace has; `full_name` exists only in imports and is split into first/last. */
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
};

// Other tools' names for our fields, compared after `matchKey` (case, accents and punctuation
// ignored), so "Country/Region", "country_region" and "COUNTRY REGION" are one alias. Names equal
// to our own keys need no entry: Mautic's `email`, `city`, `tags`, HubSpot's "First Name",
// "Lifecycle Stage", x-education's "Do Not Email" already match exactly. Within a field the order
// is the preference when a file has several candidates: Mautic exports both `phone` and `mobile`,
// and the general number should win.
// Deliberately absent: "Title" (Mautic's `title` is the salutation, not the job title), "Status"
// and "Campaign" (too many meanings), RD Station's funnel-stage and conversion-origin columns
// (names not confirmed), and x-education's "Lead Number" (a second id, kept as a custom field).
const ALIASES: { readonly [F in StandardField]: readonly string[] } = {
  email: ['Email Address', 'Endereço de e-mail'],
  external_id: ['Record ID', 'Contact ID', 'Prospect ID', 'Lead ID', 'id'],
  first_name: ['Given Name', 'Primeiro nome'],
  last_name: ['Surname', 'Family Name', 'Sobrenome'],
  full_name: ['Name', 'Contact Name', 'Nome', 'Nome completo'],
  phone: [
    'Phone Number', 'Telephone', 'Telefone',
    'Mobile Phone Number', 'Mobile', 'Mobile Phone', 'Celular',
  ],
  job_title: ['position', 'Cargo'],
  company_name: ['company', 'Organization', 'Organisation', 'Account Name', 'Empresa'],
  website: ['Website URL', 'Company Website'],
  country: ['Country/Region', 'País'],
  city: ['Cidade'],
  lifecycle_stage: ['stage'],
  lead_status: [],
  owner_email: ['Contact owner', 'owner', 'Lead Owner'],
  source: ['Original Source', 'Lead Source', 'Original Source Type'],
  source_detail: ['Original Source Drill-Down 1', 'Lead Source Detail'],
  origin: ['Lead Origin', 'Record source'],
  utm_source: [],
  utm_medium: [],
  utm_campaign: [],
  utm_term: [],
  utm_content: [],
  referrer: ['Referer', 'Referrer URL', 'Referring URL', 'HTTP Referer', 'First Referring Site'],
  tags: ['Tag'],
  do_not_email: [
    'Marketing emails unsubscribed', 'Unsubscribed from all email', 'Email Opt Out',
    'Opted out of email', 'Unsubscribed',
  ],
  do_not_call: ['DNC'],
  created_at: ['Create Date', 'Created Date', 'Date Created', 'Created', 'Date Added', 'Created On'],
};

type Candidate = { field: StandardField; rank: number; confidence: 'exact' | 'alias' };

/** Every spelling we recognise, by match key; rank 0 is our own key, then the alias order. */
const CANDIDATES: ReadonlyMap<string, Candidate> = (() => {
  const byKey = new Map<string, Candidate>();
  const add = (spelling: string, candidate: Candidate) => {
    const key = matchKey(spelling);
    const taken = byKey.get(key);
    // A spelling listed twice would make guesses depend on table order; fail at load instead.
    if (taken) throw new Error(`import alias "${spelling}" is also ${taken.field}`);
    byKey.set(key, candidate);
  };
  for (const field of STANDARD_FIELDS) {
    add(field, { field, rank: 0, confidence: 'exact' });
    ALIASES[field].forEach((alias, i) => add(alias, { field, rank: i + 1, confidence: 'alias' }));
  }
  return byKey;
})();

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

/**
 * Guesses a target for every column of a file from its header row.
 * Headers match our own keys ("first_name", "Do Not Email") and known export names of HubSpot,
 * Mautic, RD Station, ActiveCampaign and the like ("Phone Number", "firstname", "Prospect ID"),
 * ignoring case, accents and punctuation. No two columns get the same standard field: our own key
 * beats an alias, an earlier alias beats a later one, and then the leftmost column wins; the
 * others become custom field suggestions, as do unknown headers. Empty headers (a trailing comma
 * in the header row) are ignored. Custom keys are unique and never equal a standard field key.
 */
export function guessMapping(headers: readonly string[]): ColumnMapping[] {
  const candidates = headers.map((header) =>
    header.trim() === '' ? undefined : CANDIDATES.get(matchKey(header)),
  );

  const winner = new Map<StandardField, number>();
  candidates.forEach((candidate, column) => {
    if (!candidate) return;
    const current = winner.get(candidate.field);
    if (current === undefined || candidate.rank < candidates[current]!.rank) {
      winner.set(candidate.field, column);
    }
  });
  // A full-name column next to first/last columns would write the same names twice.
  if (winner.has('first_name') || winner.has('last_name')) winner.delete('full_name');

  const usedKeys = new Set<string>(STANDARD_FIELDS);
  return headers.map((header, column): ColumnMapping => {
    if (header.trim() === '') return { column, header, target: { kind: 'ignore' }, confidence: 'none' };
    const candidate = candidates[column];
    if (candidate && winner.get(candidate.field) === column) {
      const target = { kind: 'field', field: candidate.field } as const;
      return { column, header, target, confidence: candidate.confidence };
    }
    const key = uniqueKey(customKeyFor(header, column), usedKeys);
    usedKeys.add(key);
    return { column, header, target: { kind: 'custom', key }, confidence: 'none' };
  });
}

/** The form headers are compared in: "Country/Region" and "country_region" → "countryregion". */
function matchKey(header: string): string {
  return foldToAscii(header)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

// Latin letters that NFKD does not decompose into a base letter and a mark.
const UNDECOMPOSED: Readonly<Record<string, string>> = {
  ß: 'ss', æ: 'ae', Æ: 'AE', ø: 'o', Ø: 'O', œ: 'oe', Œ: 'OE', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D',
};

/** "Endereço", "País", "Straße" → "Endereco", "Pais", "Strasse"; other scripts pass through. */
function foldToAscii(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßæÆøØœŒłŁđĐ]/g, (letter) => UNDECOMPOSED[letter] ?? letter);
}

function uniqueKey(key: string, used: ReadonlySet<string>): string {
  if (!used.has(key)) return key;
  for (let n = 2; ; n++) {
    const suffix = `_${n}`;
    const candidate = key.slice(0, 63 - suffix.length).replace(/_+$/, '') + suffix;
    if (!used.has(candidate)) return candidate;
  }
}
