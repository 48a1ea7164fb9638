import type { Contact } from '../../db/schema.js';
import type { CustomFieldDefinition, CustomFieldType } from './custom-fields.js';
import type { Executor } from '../../db/database.js';

/** Contacts by id, for one row or a page; contacts in the trash are not among them. */
export function contactsByIds(db: Executor, workspaceId: string, ids: readonly string[]): Promise<Contact[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('contacts').selectAll().where('workspace_id', '=', workspaceId).where('id', 'in', ids).where('deleted_at', 'is', null).execute();
}

/** Contacts by id whether live or in the trash: what privacy requests (export, erasure) reach. */
export function heldContactsByIds(db: Executor, workspaceId: string, ids: readonly string[]): Promise<Contact[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('contacts').selectAll().where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
}

/** The workspace's custom field definitions, by key. */
export async function customFieldDefinitions(db: Executor, workspaceId: string): Promise<Map<string, CustomFieldDefinition>> {
  const rows = await db
    .selectFrom('custom_fields')
    .select(['key', 'label', 'type', 'options'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('key')
    .execute();
  return new Map(rows.map((row) => [row.key, { ...row, type: row.type as CustomFieldType }]));
}

/** How many contacts each company has, for a page of companies: one grouped query. */
export async function contactCountsByCompany(db: Executor, workspaceId: string, companyIds: readonly string[]): Promise<Map<string, number>> {
  if (companyIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('contacts')
    .select(['company_id', (eb) => eb.fn.countAll<number>().as('count')])
    .where('workspace_id', '=', workspaceId)
    .where('company_id', 'in', companyIds)
    .where('deleted_at', 'is', null)
    .groupBy('company_id')
    .execute();
  return new Map(rows.map((row) => [row.company_id!, Number(row.count)]));
}
