import type { InflowModule } from '../module.js';
import { workspaceRoutes } from './routes.js';

/** Tenants: workspaces, who is a member with which role, API keys. */
export const workspacesModule: InflowModule = {
  name: 'workspaces',
  tables: ['workspaces', 'memberships', 'api_keys'],
  routes: (app, { db }) => workspaceRoutes(app, { db }),
};
