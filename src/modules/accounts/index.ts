import type { InflowModule } from '../module.js';
import { purgeSessions } from './jobs.js';
import { accountRoutes } from './routes.js';

/** People who sign in: users, passwords, sessions. */
export const accountsModule: InflowModule = {
  name: 'accounts',
  tables: ['users', 'sessions'],
  routes: (app, { db, secureCookies, hooks }) => {
    const { workspacesOfUser } = hooks.services;
    if (!workspacesOfUser) throw new Error('the accounts module needs a module that provides workspacesOfUser');
    accountRoutes(app, { db, secureCookies, workspacesOfUser });
  },
  recurringJobs: [purgeSessions],
};
