import type { InflowModule } from '../module.js';
import { registerAuth } from './authentication.js';
import { invitationRoutes } from './invitation-routes.js';
import { workspaceRoutes } from './routes.js';
import { workspacesWithGrantsOfUser } from './service.js';

/** Tenants: workspaces, who is a member with which role, invitations to join, API keys. */
export const workspacesModule: InflowModule = {
  name: 'workspaces',
  tables: ['workspaces', 'memberships', 'invitations', 'api_keys'],
  setup: (app, { database, secureCookies }) => registerAuth(app, database, { secureCookies }),
  routes: (app, { db, config, mailer, secureCookies }) => {
    workspaceRoutes(app, { db });
    invitationRoutes(app, { db, mailer, publicUrl: config.publicUrl ?? null, secureCookies });
  },
  provides: { workspacesOfUser: workspacesWithGrantsOfUser },
};
