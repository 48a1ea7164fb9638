// From a file's header row (and the marketer's corrections) to the mapping an import runs with.
// Pure: the service loads the custom field definitions and a sample of rows, this decides.
import type { FieldError } from '../../../errors.js';
import { CUSTOM_KEY_PATTERN, type CustomFieldDefinition, type CustomFieldType } from '../custom-fields.js';
import { cleanCell, isEmptyValue } from './value-cleaning.js';
import { CUSTOM_COLUMN_PREFIX, EXPORT_ONLY_COLUMNS } from '../export/export-columns.js';
import { customKeyFor, guessMapping, STANDARD_FIELDS, type ColumnMapping, type MappingTarget, type StandardField } from './column-mapping.js';
import { guessFieldType } from './field-type-guess.js';
import { COMPLIANCE_FIELDS, isComplianceHeader } from './import-evidence.js';
import { isInflowExport } from './row-to-contact.js';
import type { ImportOptions, MappingEntry } from './import-options.js';

const CUSTOM_KEY = new RegExp(CUSTOM_KEY_PATTERN);
const MAX_LABEL = 200;

/**
 * {@link guessMapping}, plus the columns of Inflow's own export: `custom.<key>` fills that custom
 * field, and the columns an import does not write (`inflow_id`, `score`…) are ignored, so an
 * export imports back as it is. A header that is the key of one of the workspace's custom fields
 * fills it, over another tool's name for a standard field: a workspace that made a `notes` field
 * wants its "Notes" column there, not on the timeline.
 */
export function guessImportMapping(headers: readonly string[], customKeys: ReadonlySet<string> = new Set()): ColumnMapping[] {
  const ours = isInflowExport(headers);
  const claimed = new Set<string>();
  return guessMapping(headers).map((mapping): ColumnMapping => {
    const { column } = mapping;
    const header = mapping.header.trim();
    const key = header.startsWith(CUSTOM_COLUMN_PREFIX) ? header.slice(CUSTOM_COLUMN_PREFIX.length) : null;
    if (key !== null && CUSTOM_KEY.test(key)) return { column, header: mapping.header, target: { kind: 'custom', key }, confidence: 'exact' };
    if (ours && EXPORT_ONLY_COLUMNS.has(header)) return { column, header: mapping.header, target: { kind: 'ignore' }, confidence: 'exact' };
    const own = customKeyFor(header, column);
    if (customKeys.has(own) && !claimed.has(own) && !headers.some((h) => h.trim() === `${CUSTOM_COLUMN_PREFIX}${own}`)) {
      claimed.add(own);
      return { column, header: mapping.header, target: { kind: 'custom', key: own }, confidence: 'exact' };
    }
    return mapping;
  });
}

/**
 * Whether a column holds opt-outs or the evidence of consent, by what the guess made of it or by
 * its header: such a column is never left out of an import.
 */
export function isComplianceColumn(guess: ColumnMapping): boolean {
  if (guess.target.kind === 'ignore') return false;
  if (guess.target.kind === 'field' && COMPLIANCE_FIELDS.has(guess.target.field)) return true;
  return guess.header.trim() !== '' && isComplianceHeader(guess.header);
}

export interface FieldToCreate {
  key: string;
  label: string;
  type: CustomFieldType;
}

export interface Resolution {
  /** One entry per column of the file, in order. */
  mapping: MappingEntry[];
  /** Custom fields to create before the first row (only with `create_fields`). */
  create: FieldToCreate[];
  errors: FieldError[];
}

const ignore: MappingTarget = { kind: 'ignore' };

/**
 * The mapping to run with. Without a given mapping the guess is taken, and guessed custom fields
 * that do not exist are ignored unless `create_fields` is set. A given mapping is checked: it
 * must be for this file (headers at their positions), name each standard field and custom field
 * once, and name only custom fields that exist or are to be created. Either way some column must
 * hold the email or the external id.
 */
export function resolveMapping(input: {
  headers: readonly string[];
  given: readonly MappingEntry[] | null;
  definitions: ReadonlyMap<string, CustomFieldDefinition>;
  options: Pick<ImportOptions, 'create_fields' | 'placeholders' | 'day_first'>;
  /** Data rows from the start of the file, to type the fields to create. */
  samples: ReadonlyArray<readonly string[]>;
}): Resolution {
  const { headers, given, definitions, options } = input;
  const errors: FieldError[] = [];
  const entries: MappingEntry[] = headers.map((header, column) => ({ column, header, target: ignore }));
  const guesses = guessImportMapping(headers, new Set(definitions.keys()));
  if (given) {
    const seen = new Set<number>();
    given.forEach((entry, i) => {
      const field = `mapping.${i}`;
      if (entry.column >= headers.length) errors.push({ field, message: `column ${entry.column} is past the last column of the file (${headers.length - 1})` });
      else if (seen.has(entry.column)) errors.push({ field, message: `column ${entry.column} is mapped twice` });
      else if (entry.header.trim() !== headers[entry.column]!.trim()) {
        errors.push({ field, message: `column ${entry.column} is "${headers[entry.column]}" in the file, not "${entry.header}"` });
      } else entries[entry.column] = { column: entry.column, header: headers[entry.column]!, target: entry.target };
      seen.add(entry.column);
    });
  } else {
    for (const guess of guesses) entries[guess.column] = { column: guess.column, header: guess.header, target: guess.target };
  }
  for (const guess of guesses) {
    if (entries[guess.column]!.target.kind === 'ignore' && isComplianceColumn(guess)) {
      errors.push({
        field: `mapping.${guess.column}`,
        message: `column "${guess.header}" holds email opt-outs or consent evidence and cannot be left out: map it to a field or a custom field`,
      });
    }
  }

  const create: FieldToCreate[] = [];
  const usedFields = new Set<StandardField>();
  const usedKeys = new Set<string>();
  for (const entry of entries) {
    const field = `mapping.${entry.column}`;
    const target = entry.target;
    if (target.kind === 'field') {
      if (usedFields.has(target.field)) {
        if (given) errors.push({ field, message: `${target.field} is already filled by another column` });
        entry.target = ignore;
      } else usedFields.add(target.field);
    } else if (target.kind === 'custom') {
      if (usedKeys.has(target.key)) {
        if (given) errors.push({ field, message: `custom field ${target.key} is already filled by another column` });
        entry.target = ignore;
      } else if (definitions.has(target.key)) usedKeys.add(target.key);
      else if (options.create_fields || (!given && isComplianceColumn(guesses[entry.column]!))) {
        usedKeys.add(target.key);
        const values = input.samples.map((row) => row[entry.column] ?? '');
        const guess = guesses[entry.column]!;
        const known = guess.target.kind === 'custom' && guess.target.key === target.key ? guess.type : undefined;
        create.push({ key: target.key, label: entry.header.trim().slice(0, MAX_LABEL) || target.key, type: fieldType(values, known, options) });
      } else if (given) {
        errors.push({ field, message: `custom field ${target.key} does not exist: create it first, or import with create_fields` });
      } else entry.target = ignore;
    }
  }
  if (!usedFields.has('email') && !usedFields.has('external_id')) {
    errors.push({ field: 'mapping', message: 'no column is mapped to email or external_id: every contact needs one of them' });
  }
  return { mapping: entries, create, errors };
}

/**
 * The type of a custom field to create: what the other tool's column is known to hold (a score
 * is a number) unless the sample says otherwise, else what the sample looks like.
 */
function fieldType(values: readonly string[], known: CustomFieldType | undefined, options: Pick<ImportOptions, 'placeholders' | 'day_first'>): CustomFieldType {
  const guessed = guessFieldType(values, { placeholders: options.placeholders, dayFirst: options.day_first });
  if (!known || guessed === known) return guessed;
  const filled = values.some((value) => !isEmptyValue(cleanCell(value), options.placeholders));
  return filled ? guessed : known;
}

/**
 * The guess corrected by a `{ "header": "target" }` object, as the CLI's --mapping file holds
 * it; a target is a standard field name, `custom:<key>` or `ignore`.
 */
export function mappingWithOverrides(headers: readonly string[], overrides: Readonly<Record<string, string>>): { mapping: MappingEntry[]; errors: FieldError[] } {
  const mapping: MappingEntry[] = guessImportMapping(headers).map(({ column, header, target }) => ({ column, header, target }));
  const errors: FieldError[] = [];
  for (const [header, spec] of Object.entries(overrides)) {
    const entry = mapping.find((m) => m.header.trim() === header.trim());
    if (!entry) {
      errors.push({ field: header, message: 'is not a column of the file' });
      continue;
    }
    if (spec === 'ignore') entry.target = ignore;
    else if (spec.startsWith('custom:') && CUSTOM_KEY.test(spec.slice(7))) entry.target = { kind: 'custom', key: spec.slice(7) };
    else if ((STANDARD_FIELDS as readonly string[]).includes(spec)) entry.target = { kind: 'field', field: spec as StandardField };
    else errors.push({ field: header, message: `"${spec}" is not a field: use a standard field name, custom:<key> or ignore` });
  }
  return { mapping, errors };
}

/** Which column a contact field's error belongs to, for the error report. */
export function columnOfField(mapping: readonly MappingEntry[]): (field: string) => string {
  const byField = new Map<string, string>();
  for (const { header, target } of mapping) {
    if (target.kind === 'custom') byField.set(`custom.${target.key}`, header);
    if (target.kind !== 'field') continue;
    if (target.field === 'owner_email') byField.set('owner_id', header);
    else if (target.field === 'full_name') {
      if (!byField.has('first_name')) byField.set('first_name', header);
      if (!byField.has('last_name')) byField.set('last_name', header);
    } else byField.set(target.field, header);
  }
  return (field) => byField.get(field) ?? '';
}
