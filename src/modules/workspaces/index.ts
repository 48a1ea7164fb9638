import type { InflowModule } from '../module.js';
import { registerAuth } from './authentication.js';
import { workspaceRoutes } from './routes.js';
import { workspacesWithGrantsOfUser } from './service.js';

/** Tenants: workspaces, who is a member with which role, API keys. */
export const workspacesModule: InflowModule = {
  name: 'workspaces',
  tables: ['workspaces', 'memberships', 'api_keys'],
  setup: (app, { database, secureCookies }) => registerAuth(app, database, { secureCookies }),
  routes: (app, { db }) => workspaceRoutes(app, { db }),
  provides: { workspacesOfUser: workspacesWithGrantsOfUser },
};
