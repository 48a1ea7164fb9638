import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../db/schema.js';
import { guessImportMapping } from '../import/mapping-resolution.js';
import { exportHeader, exportRow } from './export-columns.js';

const definitions = [
  { key: 'visits', label: 'Visits', type: 'number' as const, options: [] },
  { key: 'interests', label: 'Interests', type: 'multiselect' as const, options: ['SEO', 'Ads'] },
];

describe('export columns', () => {
  it('name every column as the importer maps it back', () => {
    const header = exportHeader(definitions);
    const guess = guessImportMapping(header);
    const written = guess.filter((m) => m.target.kind !== 'ignore').map((m) => [m.header, m.target]);
    expect(written).toContainEqual(['email', { kind: 'field', field: 'email' }]);
    expect(written).toContainEqual(['owner_email', { kind: 'field', field: 'owner_email' }]);
    expect(written).toContainEqual(['custom.visits', { kind: 'custom', key: 'visits' }]);
    expect(written.map(([h]) => h)).not.toContain('inflow_id');
    expect(written.every(([, target]) => (target as { kind: string }).kind !== 'custom' || String((target as { key: string }).key) !== 'score')).toBe(true);
  });

  it('write a contact as text cells: lists joined, times in ISO, the owner by email', () => {
    const contact = {
      id: 'c1', email: 'a@x.test', tags: ['VIP', 'news'], custom: { visits: 3, interests: ['SEO'] }, owner_id: 'u1',
      do_not_email: true, created_at: new Date('2024-03-05T10:00:00Z'), last_activity_at: null,
    } as unknown as Contact;
    const row = exportRow(contact, definitions, new Map([['u1', 'rep@x.test']]));
    const cell = (name: string) => row[exportHeader(definitions).indexOf(name)];
    expect([cell('inflow_id'), cell('tags'), cell('owner_email'), cell('do_not_email'), cell('created_at'), cell('last_activity_at'), cell('custom.visits'), cell('custom.interests')]).toEqual([
      'c1', 'VIP; news', 'rep@x.test', 'true', '2024-03-05T10:00:00.000Z', '', '3', 'SEO',
    ]);
  });
});
