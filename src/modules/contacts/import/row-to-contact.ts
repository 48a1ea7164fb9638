// Turns one CSV row into the contact input the batch upsert takes. Pure: the runner feeds it
// rows, it answers with the input or with the problems of each cell, named by column header.
import { unescapeFormula } from '../csv-cells.js';
import type { ContactInput } from '../contact-input.js';
import { parseCreationTime } from '../creation-time.js';
import type { CustomFieldDefinition } from '../custom-fields.js';
import { LIFECYCLE_STAGES, type TextField } from '../fields.js';
import type { MappingTarget, StandardField } from './column-mapping.js';
import { foldToAscii } from './header-keys.js';
import { EVIDENCE_FIELDS, hasEvidence, rowEvidence, type EvidenceCells, type RowEvidence } from './import-evidence.js';
import { cleanCell, isEmptyValue, parseBoolean, parseDate, parseNumber, parseOptOut, splitFullName, splitList } from './value-cleaning.js';

export interface CellError {
  /** The column's header, or '' when the problem is the whole row. */
  column: string;
  value: string;
  message: string;
}

export interface RowContext {
  /** Columns that fill something (ignored ones left out), in file order. */
  columns: ReadonlyArray<{ column: number; header: string; target: MappingTarget }>;
  definitions: ReadonlyMap<string, CustomFieldDefinition>;
  placeholders: readonly string[];
  dayFirst: boolean;
  /** Added to every contact of the import. */
  tags: readonly string[];
  /**
   * The file is an Inflow export (its first column is `inflow_id`): the quote our export put
   * before cells a spreadsheet would run as formulas comes off. Other files keep theirs.
   */
  fromInflowExport: boolean;
  /** Members of the workspace by lower-cased email and by lower-cased name, for the owner column. */
  owners: ReadonlyMap<string, string>;
}

export type RowResult =
  | { kind: 'blank' }
  /** `warnings`: values left out that the row could do without (an unknown owner or stage). */
  | { kind: 'contact'; input: ContactInput; warnings: CellError[]; evidence?: RowEvidence }
  | { kind: 'invalid'; errors: CellError[] };

const NAME_FIELDS: ReadonlySet<StandardField> = new Set<StandardField>(['first_name', 'last_name', 'full_name']);

/** Whether a file's header row is an Inflow export's. */
export const isInflowExport = (headers: readonly string[]): boolean => headers[0]?.trim() === 'inflow_id';

const TEXT_TARGETS: ReadonlySet<StandardField> = new Set<StandardField>([
  'first_name', 'last_name', 'phone', 'mobile_phone', 'job_title', 'company_name', 'website', 'country', 'city',
  'street', 'state', 'postal_code',
  'lead_status', 'source', 'source_detail', 'origin', 'utm_source', 'utm_medium', 'utm_campaign',
  'utm_term', 'utm_content', 'referrer',
]);

// HubSpot and most CRMs export stages spelled out ("Marketing Qualified Lead").
// So do their Portuguese and Spanish versions, and RD Station's funnel (Lead, Lead Qualificado,
// Cliente), whose qualified lead is qualified by marketing's scoring.
const STAGE_NAMES: Readonly<Record<string, string>> = {
  marketingqualifiedlead: 'mql',
  salesqualifiedlead: 'sql',
  productqualifiedlead: 'lead',
  assinante: 'subscriber',
  suscriptor: 'subscriber',
  leadqualificado: 'mql',
  leadqualificadoparamarketing: 'mql',
  leadqualificadoparavendas: 'sql',
  leadcalificadoparamarketing: 'mql',
  leadcalificadoparaventas: 'sql',
  oportunidade: 'opportunity',
  oportunidad: 'opportunity',
  cliente: 'customer',
  evangelista: 'evangelist',
  outros: 'other',
  outro: 'other',
  otro: 'other',
  otros: 'other',
};

function stageOf(value: string): string {
  const key = foldToAscii(value).toLowerCase().replace(/[^a-z]/g, '');
  const spelled = STAGE_NAMES[key];
  if (spelled) return spelled;
  const lower = value.trim().toLowerCase();
  return (LIFECYCLE_STAGES as readonly string[]).includes(lower) ? lower : value;
}

const MAX_LISTED_OPTIONS = 10;

function optionsText(options: readonly string[]): string {
  const shown = options.slice(0, MAX_LISTED_OPTIONS).join(', ');
  return options.length > MAX_LISTED_OPTIONS ? `${shown}, …` : shown;
}

/** The value of a custom field from a cell, or the reason it does not fit. */
function customValue(definition: CustomFieldDefinition, value: string, dayFirst: boolean): { value: unknown } | { problem: string } {
  switch (definition.type) {
    case 'text':
      return { value };
    case 'number': {
      const n = parseNumber(value);
      return n === null ? { problem: 'must be a number' } : { value: n };
    }
    case 'boolean': {
      const b = parseBoolean(value);
      return b === null ? { problem: 'must be yes or no (or true/false, 1/0)' } : { value: b };
    }
    case 'date': {
      const iso = parseDate(value, { dayFirst });
      const hint = dayFirst ? 'DD/MM/YYYY' : 'MM/DD/YYYY';
      return iso === null ? { problem: `must be a date: YYYY-MM-DD or ${hint}` } : { value: iso.slice(0, 10) };
    }
    case 'select': {
      const option = definition.options.find((o) => o.trim().toLowerCase() === value.toLowerCase());
      return option === undefined ? { problem: `must be one of: ${optionsText(definition.options)}` } : { value: option };
    }
    case 'multiselect': {
      const chosen: string[] = [];
      for (const item of splitList(value)) {
        const option = definition.options.find((o) => o.trim().toLowerCase() === item.toLowerCase());
        if (option === undefined) return { problem: `"${item}" is not one of: ${optionsText(definition.options)}` };
        chosen.push(option);
      }
      return { value: chosen };
    }
  }
}

/**
 * One row as a contact input. Empty cells and placeholders ("Select", "n/a") leave their field
 * unset, so an update never blanks a value the file does not have. A row whose every cell is
 * blank is `blank` (spreadsheets leave such rows at the end); a row with any bad cell is
 * `invalid` with every problem, and nothing of it is written.
 */
export function rowToContact(cells: readonly string[], context: RowContext): RowResult {
  if (cells.every((cell) => cleanCell(cell) === '')) return { kind: 'blank' };
  const input: ContactInput = {};
  const custom: Record<string, unknown> = {};
  const tags: string[] = [...context.tags];
  const errors: CellError[] = [];
  const warnings: CellError[] = [];
  let fullName: { first_name: string | null; last_name: string | null } | null = null;
  const evidenceCells: EvidenceCells = {};

  for (const { column, header, target } of context.columns) {
    const raw = cells[column] ?? '';
    // PostgreSQL cannot store U+0000; dropping it would change the value without a word.
    if (raw.includes('\u0000')) {
      errors.push({ column: header, value: raw.replaceAll('\u0000', '\\0'), message: 'holds a NUL character (U+0000), which cannot be stored' });
      continue;
    }
    const value = cleanCell(context.fromInflowExport ? unescapeFormula(raw) : raw);
    // "Nan" and "Null" are surnames: the words for "not answered" never empty a name.
    if (value === '' || (!(target.kind === 'field' && NAME_FIELDS.has(target.field)) && isEmptyValue(value, context.placeholders))) continue;
    let problem: string | null = null;
    if (target.kind === 'custom') {
      const definition = context.definitions.get(target.key);
      const result = definition ? customValue(definition, value, context.dayFirst) : { problem: `custom field ${target.key} does not exist` };
      if ('problem' in result) problem = result.problem;
      else custom[target.key] = result.value;
    } else if (target.kind === 'field') {
      const field = target.field;
      if (field === 'email' || field === 'external_id') input[field] = value;
      else if (EVIDENCE_FIELDS.has(field)) {
        evidenceCells[field] = { header, value };
        // An unsubscribe or a clean (a hard bounce) in the other tool is an opt-out here.
        if (field === 'unsubscribed_at' || field === 'cleaned_at') input.do_not_email = true;
      }
      else if (TEXT_TARGETS.has(field)) input[field as TextField] = value;
      else if (field === 'full_name') fullName = splitFullName(value);
      else if (field === 'lifecycle_stage') {
        const stage = stageOf(value);
        if ((LIFECYCLE_STAGES as readonly string[]).includes(stage)) input.lifecycle_stage = stage;
        else warnings.push({ column: header, value, message: `is not a lifecycle stage (${LIFECYCLE_STAGES.join(', ')}): imported without one` });
      }
      else if (field === 'tags') tags.push(...splitList(value));
      else if (field === 'do_not_email' || field === 'do_not_call') {
        const flag = parseOptOut(value);
        if (flag === null) problem = 'must be yes or no (or true/false, 1/0, or a status such as Subscribed or Unsubscribed)';
        // Another column's unsubscribe time outranks a "no" here.
        else if (input[field] !== true) input[field] = flag;
      } else if (field === 'owner_email') {
        // HubSpot's "Contact owner" holds a name, others an email: either finds the member.
        const owner = context.owners.get(value.toLowerCase());
        if (owner) input.owner_id = owner;
        else warnings.push({ column: header, value, message: 'names no member of this workspace (by name or email): imported without an owner' });
      } else if (field === 'created_at') {
        // Checked here too, so the report shows the cell as the file has it.
        const iso = parseDate(value, { dayFirst: context.dayFirst });
        if (iso === null) problem = `must be a date: YYYY-MM-DD or ${context.dayFirst ? 'DD/MM/YYYY' : 'MM/DD/YYYY'}`;
        else {
          const checked = parseCreationTime(iso);
          if ('problem' in checked) problem = checked.problem;
          else input.created_at = iso;
        }
      }
    }
    if (problem !== null) errors.push({ column: header, value, message: problem });
  }
  // Separate first/last name columns win over the halves of a full name.
  if (fullName) {
    if (input.first_name === undefined && fullName.first_name) input.first_name = fullName.first_name;
    if (input.last_name === undefined && fullName.last_name) input.last_name = fullName.last_name;
  }
  if (input.email === undefined && input.external_id === undefined && errors.length === 0) {
    const identity = context.columns.find((c) => c.target.kind === 'field' && (c.target.field === 'email' || c.target.field === 'external_id'));
    errors.push({ column: identity?.header ?? '', value: '', message: 'is empty: every row needs an email or an external id' });
  }
  if (errors.length > 0) return { kind: 'invalid', errors };
  if (tags.length > 0) input.tags = tags;
  if (Object.keys(custom).length > 0) input.custom = custom;
  const { evidence, warnings: evidenceWarnings } = rowEvidence(evidenceCells, context.dayFirst);
  return { kind: 'contact', input, warnings: [...warnings, ...evidenceWarnings], ...(hasEvidence(evidence) ? { evidence } : {}) };
}
