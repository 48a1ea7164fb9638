import { sql, type Kysely } from 'kysely';
import type { Tables } from '../../db/schema.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { definitionErrors, type CustomFieldType } from './custom-fields.js';

export interface CustomFieldView {
  key: string;
  label: string;
  type: CustomFieldType;
  options: string[];
  created_at: Date;
}

const columns = ['key', 'label', 'type', 'options', 'created_at'] as const;

export async function listCustomFields(db: Kysely<Tables>, workspaceId: string): Promise<CustomFieldView[]> {
  const rows = await db.selectFrom('custom_fields').select(columns).where('workspace_id', '=', workspaceId).orderBy('key').execute();
  return rows.map((row) => ({ ...row, type: row.type as CustomFieldType }));
}

export async function createCustomField(
  db: Kysely<Tables>,
  workspaceId: string,
  input: { key: string; label: string; type: CustomFieldType; options?: string[] },
): Promise<CustomFieldView> {
  const errors = definitionErrors(input);
  if (errors.length > 0) throw invalid('The custom field is not valid', errors);
  const row = await db
    .insertInto('custom_fields')
    .values({
      workspace_id: workspaceId,
      key: input.key,
      label: input.label.trim(),
      type: input.type,
      options: JSON.stringify(input.options ?? []),
    })
    .onConflict((oc) => oc.columns(['workspace_id', 'key']).doNothing())
    .returning(columns)
    .executeTakeFirst();
  if (!row) throw conflict('A custom field with this key exists', [{ field: 'key', message: 'is already used' }]);
  return { ...row, type: row.type as CustomFieldType };
}

/** Removes the definition and the field's values from every contact of the workspace. */
export async function deleteCustomField(db: Kysely<Tables>, workspaceId: string, key: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const result = await tx.deleteFrom('custom_fields').where('workspace_id', '=', workspaceId).where('key', '=', key).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw notFound('Custom field');
    await sql`update contacts set custom = custom - ${key}::text where workspace_id = ${workspaceId} and custom ? ${key}::text`.execute(tx);
  });
}
