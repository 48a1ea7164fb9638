import { sql, type Kysely } from 'kysely';
import { isId, newId } from '../../db/ids.js';
import type { Tables, Role } from '../../db/schema.js';
import { forbidden, notFound } from '../../errors.js';
import { randomToken, sha256 } from '../accounts/tokens.js';
import { afterAuthChangeCommitted, announceAuthChange } from './auth-changes.js';
import { can } from './roles.js';
import type { Executor } from '../../db/database.js';

export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  created_by: string | null;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface ApiKeyPrincipal {
  keyId: string;
  role: Role;
  workspace: { id: string; slug: string; name: string; created_at: Date };
  lastUsedAt: Date | null;
}

const columns = ['id', 'name', 'prefix', 'role', 'created_by', 'created_at', 'last_used_at', 'revoked_at'] as const;
const PREFIX_LENGTH = 12;

/**
 * Stores a key for the workspace and returns it in clear, the only time it exists outside the
 * caller: only its SHA-256 is kept. `secret` lets a scripted install choose the value.
 */
export async function createApiKey(
  db: Executor,
  workspaceId: string,
  input: { name: string; role: Role; createdBy: string | null; actorRole?: Role; secret?: string },
): Promise<{ key: string; apiKey: ApiKeyView }> {
  // A key acts with its role, so no one can mint a key stronger than themselves.
  if (input.actorRole && input.role === 'owner' && input.actorRole !== 'owner') {
    throw forbidden(`Your role (${input.actorRole}) may not create an owner key`);
  }
  if (input.actorRole && !can(input.actorRole, 'api_keys.manage')) throw forbidden('Your role may not create API keys');
  const key = input.secret ?? `inf_${randomToken(30)}`;
  const apiKey = await db
    .insertInto('api_keys')
    .values({
      workspace_id: workspaceId,
      id: newId(),
      name: input.name.trim() || 'API key',
      prefix: key.slice(0, PREFIX_LENGTH),
      key_hash: sha256(key),
      role: input.role,
      created_by: input.createdBy,
    })
    .returning(columns)
    .executeTakeFirstOrThrow();
  return { key, apiKey };
}

export function listApiKeys(db: Executor, workspaceId: string, page: { after: string | null; limit: number }): Promise<ApiKeyView[]> {
  let query = db.selectFrom('api_keys').select(columns).where('workspace_id', '=', workspaceId).orderBy('id').limit(page.limit);
  if (page.after) query = query.where('id', '>', page.after);
  return query.execute();
}

/** Revokes a key; an owner key only by an owner, as only owners may create one. */
export async function revokeApiKey(db: Kysely<Tables>, workspaceId: string, keyId: string, actorRole: Role): Promise<void> {
  if (!isId(keyId)) throw notFound('API key');
  await db.transaction().execute(async (tx) => {
    const key = await tx
      .selectFrom('api_keys')
      .select('role')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', keyId)
      .forUpdate()
      .executeTakeFirst();
    if (!key) throw notFound('API key');
    if (key.role === 'owner' && actorRole !== 'owner') throw forbidden(`Your role (${actorRole}) may not revoke an owner key`);
    await tx
      .updateTable('api_keys')
      .set({ revoked_at: sql`coalesce(revoked_at, now())` })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', keyId)
      .execute();
    await announceAuthChange(tx, workspaceId);
  });
  afterAuthChangeCommitted(workspaceId);
}

/** The workspace and role a presented key stands for; null when unknown or revoked. */
export async function principalForKey(db: Executor, key: string): Promise<ApiKeyPrincipal | null> {
  const row = await db
    .selectFrom('api_keys')
    .innerJoin('workspaces', 'workspaces.id', 'api_keys.workspace_id')
    .select([
      'api_keys.id as key_id',
      'api_keys.role',
      'api_keys.last_used_at',
      'workspaces.id',
      'workspaces.slug',
      'workspaces.name',
      'workspaces.created_at',
    ])
    .where('api_keys.key_hash', '=', sha256(key))
    .where('api_keys.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  return {
    keyId: row.key_id,
    role: row.role,
    lastUsedAt: row.last_used_at,
    workspace: { id: row.id, slug: row.slug, name: row.name, created_at: row.created_at },
  };
}

export async function markApiKeyUsed(db: Executor, workspaceId: string, keyId: string): Promise<void> {
  await db.updateTable('api_keys').set({ last_used_at: sql`now()` }).where('workspace_id', '=', workspaceId).where('id', '=', keyId).execute();
}
