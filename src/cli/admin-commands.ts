import type { QueryBuilder } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import type { Role } from '../db/schema.js';
import { notFound } from '../errors.js';
import { changePassword, createUser, usersByEmail } from '../modules/accounts/service.js';
import { createApiKey } from '../modules/workspaces/api-keys.js';
import { ROLES } from '../modules/workspaces/roles.js';
import { ensureMembership, insertWorkspace, workspaceBySlug } from '../modules/workspaces/service.js';
import { titleFromSlug } from '../modules/workspaces/slug.js';
import { flags, required, UsageError } from './args.js';
import { runTransferCommand, type TransferContext } from './transfer-commands.js';
import { plural } from '../lib/plural.js';
import type { CommandOutput } from './bridge-client.js';

function role(value: unknown): Role {
  const name = (value ?? 'owner') as Role;
  if (!ROLES.includes(name)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  return name;
}

function print(json: boolean, record: Record<string, unknown>): string {
  if (json) return `${JSON.stringify(record)}\n`;
  return Object.entries(record).map(([k, v]) => `${k}: ${String(v)}`).join('\n') + '\n';
}

async function userCreate(db: QueryBuilder, argv: string[]): Promise<string> {
  const { values } = flags(argv, {
    email: { type: 'string' },
    password: { type: 'string' },
    name: { type: 'string' },
    workspace: { type: 'string' },
    role: { type: 'string' },
    json: { type: 'boolean' },
  });
  const email = required(values, 'email');
  const slug = required(values, 'workspace');
  const memberRole = role(values.role);
  // All or nothing: a new workspace is not left behind when the user cannot be created.
  const record = await db.transaction().execute(async (tx) => {
    const existingWorkspace = await workspaceBySlug(tx, slug);
    const workspace = existingWorkspace ?? (await insertWorkspace(tx, { slug, name: titleFromSlug(slug) }, null));
    const [existingUser] = await usersByEmail(tx, [email]);
    const user = existingUser ?? (await createUser(tx, { email, password: required(values, 'password'), name: values.name }));
    const membership = await ensureMembership(tx, workspace.id, user.id, memberRole);
    return {
      user_id: user.id,
      email: user.email,
      user_created: !existingUser,
      workspace: workspace.slug,
      workspace_created: !existingWorkspace,
      role: membership.role,
      membership_created: membership.created,
    };
  });
  return print(values.json === true, record);
}

async function userPassword(db: QueryBuilder, argv: string[]): Promise<string> {
  const { values } = flags(argv, { email: { type: 'string' }, password: { type: 'string' } });
  const email = required(values, 'email');
  const [user] = await usersByEmail(db, [email]);
  if (!user) throw notFound(`User ${email.trim().toLowerCase()}`);
  const ended = await changePassword(db, user.id, required(values, 'password'), null);
  return `password changed for ${user.email}; ${plural(ended, 'signed-in session')} ended\n`;
}

async function apikeyCreate(db: QueryBuilder, argv: string[]): Promise<string> {
  const { values } = flags(argv, {
    workspace: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    json: { type: 'boolean' },
  });
  const slug = required(values, 'workspace');
  const workspace = await workspaceBySlug(db, slug);
  if (!workspace) throw notFound(`Workspace "${slug}"`);
  const { key, apiKey } = await createApiKey(db, workspace.id, {
    name: values.name ?? 'CLI',
    role: role(values.role),
    createdBy: null,
  });
  return print(values.json === true, { key, id: apiKey.id, name: apiKey.name, role: apiKey.role, workspace: workspace.slug });
}

export async function runAdminCommand(db: QueryBuilder, argv: readonly string[], context: TransferContext): Promise<CommandOutput> {
  const [command, sub, ...rest] = argv;
  if (command === 'import' || command === 'export') return { exitCode: 0, stdout: await runTransferCommand(db, argv, context), stderr: '' };
  if (command === 'migrate') {
    flags(argv.slice(1), {});
    const applied = await migrateToLatest(db);
    return { exitCode: 0, stdout: applied.length ? `applied: ${applied.join(', ')}\n` : 'schema is up to date\n', stderr: '' };
  }
  if (command === 'user' && sub === 'create') return { exitCode: 0, stdout: await userCreate(db, rest), stderr: '' };
  if (command === 'user' && sub === 'password') return { exitCode: 0, stdout: await userPassword(db, rest), stderr: '' };
  if (command === 'apikey' && sub === 'create') return { exitCode: 0, stdout: await apikeyCreate(db, rest), stderr: '' };
  throw new UsageError(`unknown command: ${argv.slice(0, 2).join(' ')}`);
}
