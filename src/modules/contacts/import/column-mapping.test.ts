import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CUSTOM_KEY_PATTERN } from '../custom-fields.js';
import { customKeyFor, guessMapping, STANDARD_FIELDS, type ColumnMapping } from './column-mapping.js';

const hostile = JSON.parse(
  readFileSync(new URL('../../../../../shared/fixtures/hostile-inputs.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;
const hostileStrings = Object.values(hostile)
  .filter((group): group is string[] => Array.isArray(group))
  .flat();

const KEY = new RegExp(CUSTOM_KEY_PATTERN);

/** The mapping as `header → target` lines, to compare whole files at a glance. */
function summary(mappings: readonly ColumnMapping[]): string[] {
  return mappings.map(({ header, target, confidence }) => {
    const to = target.kind === 'field' ? target.field : target.kind === 'custom' ? `custom:${target.key}` : 'ignore';
    return `${header} → ${to} (${confidence})`;
  });
}

describe('guessMapping', () => {
  it('maps our own keys exactly, in any case and punctuation', () => {
    const fields = STANDARD_FIELDS.filter((field) => field !== 'full_name');
    const mappings = guessMapping(fields);
    expect(mappings.map((m) => m.target)).toEqual(fields.map((field) => ({ kind: 'field', field })));
    expect(new Set(mappings.map((m) => m.confidence))).toEqual(new Set(['exact']));

    expect(summary(guessMapping(['FIRST-NAME', ' Last Name ', 'utm source', 'Do Not Email', 'LIFECYCLE_STAGE']))).toEqual([
      'FIRST-NAME → first_name (exact)',
      ' Last Name  → last_name (exact)',
      'utm source → utm_source (exact)',
      'Do Not Email → do_not_email (exact)',
      'LIFECYCLE_STAGE → lifecycle_stage (exact)',
    ]);
  });

  it('reads a HubSpot contact export', () => {
    const headers = [
      'Record ID', 'First Name', 'Last Name', 'Email', 'Phone Number', 'Mobile Phone Number',
      'Job Title', 'Company Name', 'Website URL', 'Country/Region', 'City', 'State/Region',
      'Lifecycle Stage', 'Lead Status', 'Contact owner', 'Original Source',
      'Original Source Drill-Down 1', 'Original Source Drill-Down 2', 'Create Date',
      'Marketing emails unsubscribed',
    ];
    expect(summary(guessMapping(headers))).toEqual([
      'Record ID → external_id (alias)',
      'First Name → first_name (exact)',
      'Last Name → last_name (exact)',
      'Email → email (exact)',
      'Phone Number → phone (alias)',
      'Mobile Phone Number → mobile_phone (alias)',
      'Job Title → job_title (exact)',
      'Company Name → company_name (exact)',
      'Website URL → website (alias)',
      'Country/Region → country (alias)',
      'City → city (exact)',
      'State/Region → state (alias)',
      'Lifecycle Stage → lifecycle_stage (exact)',
      'Lead Status → lead_status (exact)',
      'Contact owner → owner_email (alias)',
      'Original Source → source (alias)',
      'Original Source Drill-Down 1 → source_detail (alias)',
      'Original Source Drill-Down 2 → custom:original_source_drill_down_2 (alias)',
      'Create Date → created_at (alias)',
      'Marketing emails unsubscribed → do_not_email (alias)',
    ]);
  });

  it('reads a Mautic contact export, where `title` is the salutation and `mobile` the second phone', () => {
    const headers = [
      'id', 'title', 'firstname', 'lastname', 'email', 'mobile', 'phone', 'position', 'company',
      'website', 'country', 'city', 'stage', 'owner', 'tags', 'preferred_locale', 'dateAdded',
    ];
    expect(summary(guessMapping(headers))).toEqual([
      'id → external_id (alias)',
      'title → custom:salutation (alias)',
      'firstname → first_name (exact)',
      'lastname → last_name (exact)',
      'email → email (exact)',
      'mobile → mobile_phone (alias)',
      'phone → phone (exact)',
      'position → job_title (alias)',
      'company → company_name (alias)',
      'website → website (exact)',
      'country → country (exact)',
      'city → city (exact)',
      'stage → lifecycle_stage (alias)',
      'owner → owner_email (alias)',
      'tags → tags (exact)',
      'preferred_locale → custom:preferred_locale (none)',
      'dateAdded → created_at (alias)',
    ]);
  });

  it('reads Portuguese headers, accents or not', () => {
    const headers = ['Nome', 'E-mail', 'Empresa', 'Cargo', 'Telefone', 'Celular', 'Cidade', 'Pais', 'Estado'];
    expect(summary(guessMapping(headers))).toEqual([
      'Nome → full_name (alias)',
      'E-mail → email (exact)',
      'Empresa → company_name (alias)',
      'Cargo → job_title (alias)',
      'Telefone → phone (alias)',
      'Celular → mobile_phone (alias)',
      'Cidade → city (alias)',
      'Pais → country (alias)',
      'Estado → state (alias)',
    ]);
    expect(guessMapping(['País'])[0]!.target).toEqual({ kind: 'field', field: 'country' });
  });

  it('gives a standard field to one column only: own key, then earlier alias, then leftmost', () => {
    expect(summary(guessMapping(['Phone Number', 'Phone']))).toEqual([
      'Phone Number → custom:phone_number (none)',
      'Phone → phone (exact)',
    ]);
    expect(summary(guessMapping(['Telephone', 'Phone Number']))).toEqual([
      'Telephone → custom:telephone (none)',
      'Phone Number → phone (alias)',
    ]);
    expect(summary(guessMapping(['Email', 'email', 'E-mail']))).toEqual([
      'Email → email (exact)',
      'email → custom:email_2 (none)',
      'E-mail → custom:e_mail (none)',
    ]);
  });

  it('leaves a full-name column as a suggestion when first or last names have their own columns', () => {
    expect(summary(guessMapping(['Name', 'First Name']))).toEqual([
      'Name → custom:name (none)',
      'First Name → first_name (exact)',
    ]);
    expect(guessMapping(['Full Name'])[0]!.target).toEqual({ kind: 'field', field: 'full_name' });
  });

  it('ignores columns without a header, like the one a trailing comma makes', () => {
    expect(guessMapping(['Email', '', '  ', '\r'])).toEqual([
      { column: 0, header: 'Email', target: { kind: 'field', field: 'email' }, confidence: 'exact' },
      { column: 1, header: '', target: { kind: 'ignore' }, confidence: 'none' },
      { column: 2, header: '  ', target: { kind: 'ignore' }, confidence: 'none' },
      { column: 3, header: '\r', target: { kind: 'ignore' }, confidence: 'none' },
    ]);
  });

  it('suggests distinct custom keys for unknown headers', () => {
    expect(guessMapping(['Favourite colour', 'favourite-colour', '🙂', 'Lead Number'])).toEqual([
      { column: 0, header: 'Favourite colour', target: { kind: 'custom', key: 'favourite_colour' }, confidence: 'none' },
      { column: 1, header: 'favourite-colour', target: { kind: 'custom', key: 'favourite_colour_2' }, confidence: 'none' },
      { column: 2, header: '🙂', target: { kind: 'custom', key: 'column_3' }, confidence: 'none' },
      { column: 3, header: 'Lead Number', target: { kind: 'custom', key: 'lead_number' }, confidence: 'none' },
    ]);
  });

  it('recognises a header that carries the byte-order mark of the file', () => {
    expect(guessMapping(['\uFEFFEmail'])[0]!.target).toEqual({ kind: 'field', field: 'email' });
  });

  it('survives hostile headers', () => {
    for (const mapping of guessMapping(hostileStrings)) {
      if (mapping.target.kind === 'custom') expect(mapping.target.key).toMatch(KEY);
    }
  });

  it('keeps its promises for any header row', () => {
    const header = fc.oneof(
      fc.string(),
      fc.constantFrom(...STANDARD_FIELDS, 'Email', 'Phone Number', 'mobile', 'Name', 'First Name', 'id', ''),
    );
    fc.assert(
      fc.property(fc.array(header, { maxLength: 40 }), (headers) => {
        const mappings = guessMapping(headers);
        expect(mappings.map((m) => [m.column, m.header])).toEqual(headers.map((h, i) => [i, h]));
        const fields = mappings.flatMap((m) => (m.target.kind === 'field' ? [m.target.field] : []));
        expect(new Set(fields).size).toBe(fields.length);
        if (fields.includes('first_name') || fields.includes('last_name')) expect(fields).not.toContain('full_name');
        const keys = mappings.flatMap((m) => (m.target.kind === 'custom' ? [m.target.key] : []));
        expect(new Set(keys).size).toBe(keys.length);
        for (const key of keys) {
          expect(key).toMatch(KEY);
          expect(STANDARD_FIELDS as readonly string[]).not.toContain(key);
        }
      }),
    );
  });
});

describe('customKeyFor', () => {
  it('makes snake_case keys from questions, Title Case and camelCase', () => {
    expect(customKeyFor('What is your current occupation')).toBe('what_is_your_current_occupation');
    expect(customKeyFor('Page Views Per Visit')).toBe('page_views_per_visit');
    expect(customKeyFor('TotalVisits')).toBe('total_visits');
    expect(customKeyFor('HTTPReferer')).toBe('http_referer');
    expect(customKeyFor('Get updates on DM Content')).toBe('get_updates_on_dm_content');
    expect(customKeyFor('  Budget (US$) / year  ')).toBe('budget_us_year');
  });

  it('drops accents and spells out letters without a decomposition', () => {
    expect(customKeyFor('Endereço')).toBe('endereco');
    expect(customKeyFor('Straße')).toBe('strasse');
    expect(customKeyFor('Cidade de Origem – São Paulo?')).toBe('cidade_de_origem_sao_paulo');
  });

  it('starts every key with a letter', () => {
    expect(customKeyFor('2024 budget')).toBe('field_2024_budget');
    expect(customKeyFor('_id')).toBe('id');
  });

  it('stays within 63 characters without a trailing underscore', () => {
    const key = customKeyFor(`${'a'.repeat(62)} b`);
    expect(key).toBe('a'.repeat(62));
    expect(customKeyFor('word '.repeat(40)).length).toBeLessThanOrEqual(63);
  });

  it('falls back to the column number when nothing usable is left', () => {
    expect(customKeyFor('🙂🙂', 6)).toBe('column_7');
    expect(customKeyFor('Имя', 0)).toBe('column_1');
    expect(customKeyFor('---')).toBe('custom_field');
  });

  it('never suggests a key every object inherits', () => {
    expect(customKeyFor('Constructor')).toBe('constructor_field');
    expect(customKeyFor('__proto__')).toBe('proto');
  });

  it('gives a safe key for every hostile input', () => {
    expect(customKeyFor('<script>alert(1)</script>')).toBe('script_alert_1_script');
    expect(customKeyFor("x'; DROP TABLE contacts; --")).toBe('x_drop_table_contacts');
    expect(customKeyFor('{{ 7*7 }}')).toBe('field_7_7');
    expect(customKeyFor('\u0000null\u0000byte')).toBe('null_byte');
    expect(customKeyFor('\u202egnp.exe')).toBe('gnp_exe');
    hostileStrings.forEach((header, i) => expect(customKeyFor(header, i)).toMatch(KEY));
  });

  it('always matches the custom field key pattern', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.nat(500), (header, column) => {
        expect(customKeyFor(header, column)).toMatch(KEY);
        expect(customKeyFor(header)).toMatch(KEY);
      }),
    );
  });
});
