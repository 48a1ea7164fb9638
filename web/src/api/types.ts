// Shapes of the Inflow REST API, as the server sends them (snake_case, ISO 8601 UTC times).

export type Role = 'owner' | 'admin' | 'marketer' | 'sales' | 'viewer';

export interface User {
  id: string;
  email: string;
  name: string | null;
}

export interface SessionWorkspace {
  id: string;
  slug: string;
  name: string;
  role: Role;
}

/** What POST /api/auth/login and GET /api/auth/me return. */
export interface Session {
  user: User;
  csrf_token: string;
  workspaces: SessionWorkspace[];
}

export interface Page<T> {
  data: T[];
  next_cursor: string | null;
}

export interface Workspace {
  id: string;
  slug: string;
  name: string;
  created_at: string;
}

export interface WorkspaceWithRole extends Workspace {
  role: Role;
}

export interface Member {
  user_id: string;
  email: string;
  name: string | null;
  role: Role;
  created_at: string;
}

/** The server describes each permission; a bare code is accepted too. */
export type Permission = string | { name: string; description: string };

export interface RoleInfo {
  role: Role;
  description: string;
  permissions: Permission[];
}

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  created_by: string | null;
}

/** Returned once, on creation: the only time the full key is visible. */
export interface NewApiKey extends ApiKey {
  key: string;
}
