import { sql, type Kysely, type Transaction } from 'kysely';
import type { Contact, DB } from '../../db/schema.js';
import type { CustomFieldDefinition, CustomFieldType } from './custom-fields.js';

type Executor = Kysely<DB> | Transaction<DB>;

/** Contacts by id, for one row or a page. */
export function contactsByIds(db: Executor, workspaceId: string, ids: readonly string[]): Promise<Contact[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('contacts').selectAll().where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
}

/** The contact whose email is this one, compared case-insensitively; locked for update. */
export function contactByEmailForUpdate(db: Executor, workspaceId: string, email: string): Promise<Contact | undefined> {
  return db
    .selectFrom('contacts')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .forUpdate()
    .executeTakeFirst();
}

/** The contact with this external id; locked for update. */
export function contactByExternalIdForUpdate(db: Executor, workspaceId: string, externalId: string): Promise<Contact | undefined> {
  return db
    .selectFrom('contacts')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('external_id', '=', externalId)
    .forUpdate()
    .executeTakeFirst();
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

/** Whether the user belongs to the workspace (contact owners must). */
export async function isMember(db: Executor, workspaceId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}
