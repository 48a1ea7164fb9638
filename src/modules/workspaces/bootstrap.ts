import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { QueryBuilder } from '../../db/database.js';
import { createUser, usersByEmail } from '../accounts/service.js';
import { sha256 } from '../accounts/tokens.js';
import { createApiKey } from './api-keys.js';
import { insertWorkspace } from './service.js';
import { titleFromSlug } from './slug.js';

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
  /** Set when INFLOW_ADMIN_API_KEY could not be stored: why. */
  apiKeySkipped: string | null;
}

const DEFAULT_ADMIN_EMAIL = 'admin@inflow.local';

/**
 * First start: the first workspace and its owner. Every start: the scripted owner API key, if
 * one is configured and was never stored (a revoked one stays revoked). Runs under an advisory
 * lock so two processes starting together on one PostgreSQL do this once.
 */
export async function bootstrapInstall(db: QueryBuilder, input: BootstrapInput): Promise<BootstrapResult> {
  return db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(hashtext('inflow.bootstrap'))`.execute(tx);
    let created: BootstrapResult['created'] = null;
    const any = await tx.selectFrom('workspaces').select('id').limit(1).executeTakeFirst();
    if (!any) {
      const email = input.adminEmail ?? DEFAULT_ADMIN_EMAIL;
      const generatedPassword = input.adminPassword ? null : randomBytes(12).toString('base64url');
      const [existing] = await usersByEmail(tx, [email]);
      const user = existing ?? (await createUser(tx, { email, password: input.adminPassword ?? generatedPassword!, name: 'Admin' }));
      await insertWorkspace(tx, { slug: input.workspaceSlug, name: titleFromSlug(input.workspaceSlug) }, user.id);
      created = { workspace: input.workspaceSlug, email, generatedPassword };
    }
    let apiKeyCreated = false;
    let apiKeySkipped: string | null = null;
    if (input.adminApiKey) {
      const known = await tx.selectFrom('api_keys').select('id').where('key_hash', '=', sha256(input.adminApiKey)).executeTakeFirst();
      const workspace = await tx.selectFrom('workspaces').select('id').where('slug', '=', input.workspaceSlug).executeTakeFirst();
      if (!workspace) {
        apiKeySkipped = `INFLOW_ADMIN_API_KEY was not stored: there is no workspace "${input.workspaceSlug}" (INFLOW_WORKSPACE)`;
      } else if (!known) {
        await createApiKey(tx, workspace.id, { name: 'INFLOW_ADMIN_API_KEY', role: 'owner', createdBy: null, secret: input.adminApiKey });
        apiKeyCreated = true;
      }
    }
    return { created, apiKeyCreated, apiKeySkipped };
  });
}
