import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { newId } from '../../db/ids.js';
import { createUser, usersByEmail } from '../accounts/service.js';
import { randomToken, sha256 } from '../accounts/tokens.js';
import { createApiKey } from './api-keys.js';

export interface BootstrapInput {
  workspaceSlug: string;
  adminEmail: string | null;
  adminPassword: string | null;
  adminApiKey: string | null;
}

export interface BootstrapResult {
  /** Set on the very first start only. */
  created: { workspace: string; email: string; generatedPassword: string | null } | null;
  apiKeyCreated: boolean;
}

const DEFAULT_ADMIN_EMAIL = 'admin@inflow.local';

function titleOf(slug: string): string {
  return slug.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}

/**
 * First start: the first workspace and its owner. Every start: the scripted owner API key, if
 * one is configured and was never stored (a revoked one stays revoked). Runs under an advisory
 * lock so two processes starting together on one PostgreSQL do this once.
 */
export async function bootstrapInstall(db: Db, input: BootstrapInput): Promise<BootstrapResult> {
  return db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(hashtext('inflow.bootstrap'))`.execute(tx);
    let created: BootstrapResult['created'] = null;
    const any = await tx.selectFrom('workspaces').select('id').limit(1).executeTakeFirst();
    if (!any) {
      const email = input.adminEmail ?? DEFAULT_ADMIN_EMAIL;
      const generatedPassword = input.adminPassword ? null : randomBytes(12).toString('base64url');
      const workspace = await tx
        .insertInto('workspaces')
        .values({ id: newId(), slug: input.workspaceSlug, name: titleOf(input.workspaceSlug), secret: randomToken(32) })
        .returning('id')
        .executeTakeFirstOrThrow();
      const [existing] = await usersByEmail(tx, [email]);
      const user = existing ?? (await createUser(tx, { email, password: input.adminPassword ?? generatedPassword!, name: 'Admin' }));
      await tx.insertInto('memberships').values({ workspace_id: workspace.id, user_id: user.id, role: 'owner' }).execute();
      created = { workspace: input.workspaceSlug, email, generatedPassword };
    }
    let apiKeyCreated = false;
    if (input.adminApiKey) {
      const known = await tx.selectFrom('api_keys').select('id').where('key_hash', '=', sha256(input.adminApiKey)).executeTakeFirst();
      const workspace = await tx.selectFrom('workspaces').select('id').where('slug', '=', input.workspaceSlug).executeTakeFirst();
      if (!known && workspace) {
        await createApiKey(tx, workspace.id, { name: 'INFLOW_ADMIN_API_KEY', role: 'owner', createdBy: null, secret: input.adminApiKey });
        apiKeyCreated = true;
      }
    }
    return { created, apiKeyCreated };
  });
}
