// A workspace's contacts as CSV, streamed page by page: memory stays flat at any size.
import type { Kysely } from 'kysely';
import type { Tables } from '../../../db/schema.js';
import { listMembers } from '../../workspaces/service.js';
import { CSV_BOM, csvLines } from '../csv-cells.js';
import { checkFilterIds, filteredContacts, type ContactFilters } from '../list.js';
import { customFieldDefinitions } from '../queries.js';
import { exportHeader, exportRow } from './export-columns.js';

const PAGE = 1000;

async function ownerEmails(db: Kysely<Tables>, workspaceId: string): Promise<Map<string, string>> {
  const emails = new Map<string, string>();
  for (let after: string | null = null; ; ) {
    const page = await listMembers(db, workspaceId, { after, limit: 500 });
    for (const member of page) emails.set(member.user_id, member.email);
    if (page.length < 500) return emails;
    after = page[page.length - 1]!.user_id;
  }
}

/**
 * The CSV text of the contacts that pass the filters (the list API's), in chunks. The filters
 * are checked before the first chunk, so a bad one is an error answer, not a broken download.
 * Pages go by keyset on the id (time-ordered), which no concurrent write can make skip or repeat a row.
 */
export async function contactsCsv(db: Kysely<Tables>, workspaceId: string, filters: ContactFilters): Promise<AsyncGenerator<string>> {
  checkFilterIds(filters);
  const definitionMap = await customFieldDefinitions(db, workspaceId);
  const query = filteredContacts(db, workspaceId, filters, definitionMap);
  const definitions = [...definitionMap.values()];
  const owners = await ownerEmails(db, workspaceId);
  async function* chunks(): AsyncGenerator<string> {
    yield CSV_BOM + csvLines([exportHeader(definitions)]);
    for (let after: string | null = null; ; ) {
      const page = await (after ? query.where('id', '>', after) : query).orderBy('id').limit(PAGE).execute();
      if (page.length > 0) yield csvLines(page.map((contact) => exportRow(contact, definitions, owners)));
      if (page.length < PAGE) return;
      after = page[page.length - 1]!.id;
    }
  }
  return chunks();
}
