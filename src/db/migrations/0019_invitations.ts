import { sql, type Kysely } from 'kysely';

// Adding someone to a workspace is an invitation they accept (issue 9, point 20): the answer to
// "invite this email" must not say whether the address has an account, and nobody joins a
// workspace without saying yes. Only the token's SHA-256 is kept (like API keys and sessions):
// the token travels in the invitee's email alone. One pending invitation per address and
// workspace: inviting again refreshes it (the partial unique index is what ON CONFLICT names).
const statements = [
  `create table invitations (
    workspace_id uuid not null references workspaces(id) on delete cascade,
    id uuid not null,
    email text not null,
    role text not null check (role in ('owner','admin','marketer','sales','viewer')),
    invited_by_user uuid references users(id) on delete set null,
    invited_by_key uuid,
    token_hash text not null,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    accepted_at timestamptz,
    accepted_by uuid references users(id) on delete set null,
    declined_at timestamptz,
    revoked_at timestamptz,
    primary key (workspace_id, id)
  )`,
  `create unique index invitations_pending_idx on invitations (workspace_id, email)
     where accepted_at is null and declined_at is null and revoked_at is null`,
  // The link's token names no workspace, and a signed-in user's invitations are found by address.
  `create index invitations_token_idx on invitations (token_hash)`,
  `create index invitations_email_idx on invitations (email)
     where accepted_at is null and declined_at is null and revoked_at is null`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop table invitations').execute(db);
}
