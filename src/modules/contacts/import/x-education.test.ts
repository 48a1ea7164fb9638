// The import against a real, messy export: 9,240 leads of X Education (see shared/datasets/README.md).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { guessMapping, type MappingTarget } from './column-mapping.js';
import { isEmptyValue, parseBoolean, parseNumber, splitList } from './value-cleaning.js';

const file = readFileSync(new URL('../../../../../shared/datasets/x-education-leads.csv', import.meta.url), 'utf8');
const [headerLine = '', ...rowLines] = file.split(/\r?\n/).filter((line) => line !== '');

/** One CSV line (RFC 4180 quoting); this file has no line breaks inside values. */
function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted && char === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (char === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else {
      cell += char;
    }
  }
  cells.push(cell);
  return cells;
}

const headers = headerLine.split(',');
const rows = rowLines.map(parseCsvLine);
const mappings = guessMapping(headers);

function column(header: string): string[] {
  const index = headers.indexOf(header);
  if (index < 0) throw new Error(`no column ${header}`);
  return rows.map((row) => row[index] ?? '');
}

const field = (name: Extract<MappingTarget, { kind: 'field' }>['field']): MappingTarget => ({ kind: 'field', field: name });
const custom = (key: string): MappingTarget => ({ kind: 'custom', key });

describe('x-education leads import', () => {
  it('reads the file as 37 named columns and a trailing empty one', () => {
    expect(headerLine).not.toContain('"');
    expect(headers).toHaveLength(38);
    expect(headers.at(-1)).toBe('');
    expect(rows).toHaveLength(9240);
    expect(rows.every((row) => row.length === 38)).toBe(true);
  });

  it('guesses the mapping a marketer would pick', () => {
    expect(mappings.map((m) => [m.header, m.target, m.confidence])).toEqual([
      ['Prospect ID', field('external_id'), 'alias'],
      ['Lead Number', custom('lead_number'), 'none'],
      ['Lead Origin', field('origin'), 'alias'],
      ['Lead Source', field('source'), 'alias'],
      ['Do Not Email', field('do_not_email'), 'exact'],
      ['Do Not Call', field('do_not_call'), 'exact'],
      ['Converted', custom('converted'), 'none'],
      ['TotalVisits', custom('total_visits'), 'none'],
      ['Total Time Spent on Website', custom('total_time_spent_on_website'), 'none'],
      ['Page Views Per Visit', custom('page_views_per_visit'), 'none'],
      ['Last Activity', custom('last_activity'), 'none'],
      ['Country', field('country'), 'exact'],
      ['Specialization', custom('specialization'), 'none'],
      ['How did you hear about X Education', custom('how_did_you_hear_about_x_education'), 'none'],
      ['What is your current occupation', custom('what_is_your_current_occupation'), 'none'],
      ['What matters most to you in choosing a course', custom('what_matters_most_to_you_in_choosing_a_course'), 'none'],
      ['Search', custom('search'), 'none'],
      ['Magazine', custom('magazine'), 'none'],
      ['Newspaper Article', custom('newspaper_article'), 'none'],
      ['X Education Forums', custom('x_education_forums'), 'none'],
      ['Newspaper', custom('newspaper'), 'none'],
      ['Digital Advertisement', custom('digital_advertisement'), 'none'],
      ['Through Recommendations', custom('through_recommendations'), 'none'],
      ['Receive More Updates About Our Courses', custom('receive_more_updates_about_our_courses'), 'none'],
      ['Tags', field('tags'), 'exact'],
      ['Lead Quality', custom('lead_quality'), 'none'],
      ['Update me on Supply Chain Content', custom('update_me_on_supply_chain_content'), 'none'],
      ['Get updates on DM Content', custom('get_updates_on_dm_content'), 'none'],
      ['Lead Profile', custom('lead_profile'), 'none'],
      ['City', field('city'), 'exact'],
      ['Asymmetrique Activity Index', custom('asymmetrique_activity_index'), 'none'],
      ['Asymmetrique Profile Index', custom('asymmetrique_profile_index'), 'none'],
      ['Asymmetrique Activity Score', custom('asymmetrique_activity_score'), 'none'],
      ['Asymmetrique Profile Score', custom('asymmetrique_profile_score'), 'none'],
      ['I agree to pay the amount through cheque', custom('i_agree_to_pay_the_amount_through_cheque'), 'none'],
      ['A free copy of Mastering The Interview', custom('a_free_copy_of_mastering_the_interview'), 'none'],
      ['Last Notable Activity', custom('last_notable_activity'), 'none'],
      ['', { kind: 'ignore' }, 'none'],
    ]);
    expect(mappings.map((m) => m.column)).toEqual(headers.map((_, i) => i));
  });

  it('keys every lead by a distinct Prospect ID, since the file has no email', () => {
    const ids = column('Prospect ID');
    expect(ids.some((id) => isEmptyValue(id))).toBe(false);
    expect(new Set(ids).size).toBe(9240);
  });

  it('cleans the first leads cell by cell', () => {
    const [first, second] = rows.map((row) => Object.fromEntries(headers.map((h, i) => [h, row[i] ?? ''])));
    expect(first!['Specialization']).toBe('Select');
    expect(isEmptyValue(first!['Specialization'])).toBe(true);
    expect(isEmptyValue(first!['How did you hear about X Education'])).toBe(true);
    expect(isEmptyValue(first!['City'])).toBe(true);
    expect(isEmptyValue(first!['Country'])).toBe(true);
    expect(parseBoolean(first!['Do Not Email']!)).toBe(false);
    expect(parseBoolean(first!['Do Not Call']!)).toBe(false);
    expect(splitList(first!['Tags']!)).toEqual(['Interested in other courses']);

    expect(parseNumber(second!['Page Views Per Visit']!)).toBe(2.5);
    expect(parseNumber(second!['TotalVisits']!)).toBe(5);
    expect(parseNumber(second!['Total Time Spent on Website']!)).toBe(674);
    expect(isEmptyValue(second!['Country'])).toBe(false);
    expect(isEmptyValue(second!['Lead Quality'])).toBe(true);
  });

  it('turns every "Select" into an empty value', () => {
    const city = column('City');
    expect(city.filter((value) => value === 'Select')).toHaveLength(2249);
    expect(city.filter((value) => isEmptyValue(value))).toHaveLength(2249 + 1420);
    for (const row of rows) {
      for (const value of row) if (value === 'Select') expect(isEmptyValue(value)).toBe(true);
    }
  });

  it('reads every Yes/No column as booleans', () => {
    const yesNo = [
      'Do Not Email', 'Do Not Call', 'Search', 'Magazine', 'Newspaper Article', 'X Education Forums',
      'Newspaper', 'Digital Advertisement', 'Through Recommendations',
      'Receive More Updates About Our Courses', 'Update me on Supply Chain Content',
      'Get updates on DM Content', 'I agree to pay the amount through cheque',
      'A free copy of Mastering The Interview',
    ];
    for (const header of yesNo) expect(column(header).every((v) => parseBoolean(v) !== null), header).toBe(true);
    expect(column('Do Not Email').filter((v) => parseBoolean(v) === true)).toHaveLength(734);
    expect(column('Do Not Call').filter((v) => parseBoolean(v) === true)).toHaveLength(2);
  });

  it('reads the behaviour columns as numbers, decimals included', () => {
    const numeric = [
      'Converted', 'TotalVisits', 'Total Time Spent on Website', 'Page Views Per Visit',
      'Asymmetrique Activity Score', 'Asymmetrique Profile Score',
    ];
    for (const header of numeric) {
      const filled = column(header).filter((v) => !isEmptyValue(v));
      expect(filled.every((v) => parseNumber(v) !== null), header).toBe(true);
    }
    const pageViews = column('Page Views Per Visit').filter((v) => !isEmptyValue(v)).map((v) => parseNumber(v)!);
    expect(pageViews).toHaveLength(9240 - 137);
    expect(pageViews.filter((n) => !Number.isInteger(n))).toHaveLength(1279);
    expect(pageViews).toContain(2.67);
  });

  it('keeps each sales tag whole: none of them holds a list separator', () => {
    const tags = column('Tags').filter((v) => !isEmptyValue(v));
    expect(tags.every((v) => splitList(v).length === 1 && splitList(v)[0] === v)).toBe(true);
  });
});
