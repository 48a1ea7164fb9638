import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** Set by the database on insert, readable afterwards. */
type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableStamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type Role = 'owner' | 'admin' | 'marketer' | 'sales' | 'viewer';
export type JobStatus = 'queued' | 'running' | 'done' | 'dead';
export type Json = ColumnType<unknown, string, string>;

export interface WorkspacesTable {
  id: string;
  slug: string;
  name: string;
  secret: string;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface UsersTable {
  id: string;
  email: string;
  name: Generated<string>;
  password_hash: string;
  created_at: Stamp;
  updated_at: Stamp;
  last_login_at: NullableStamp;
}

export interface MembershipsTable {
  workspace_id: string;
  user_id: string;
  role: Role;
  created_at: Stamp;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Stamp;
  last_seen_at: Stamp;
  expires_at: ColumnType<Date, Date | string, Date | string>;
}

export interface ApiKeysTable {
  workspace_id: string;
  id: string;
  name: string;
  prefix: string;
  key_hash: string;
  role: Role;
  created_by: string | null;
  created_at: Stamp;
  last_used_at: NullableStamp;
  revoked_at: NullableStamp;
}

export interface JobsTable {
  id: Generated<number>;
  workspace_id: string | null;
  kind: string;
  payload: Json;
  status: Generated<JobStatus>;
  run_at: Stamp;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  lease_expires_at: NullableStamp;
  locked_by: string | null;
  last_error: string | null;
  idempotency_key: string | null;
  created_at: Stamp;
  updated_at: Stamp;
  finished_at: NullableStamp;
}

export interface DB {
  workspaces: WorkspacesTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  jobs: JobsTable;
}

export type Workspace = Selectable<WorkspacesTable>;
export type User = Selectable<UsersTable>;
export type ApiKey = Selectable<ApiKeysTable>;
export type Job = Selectable<JobsTable>;
export type NewJob = Insertable<JobsTable>;
