import type { InflowModule } from '../module.js';
import { purgeSessions } from './jobs.js';
import { accountRoutes } from './routes.js';

/** People who sign in: users, passwords, sessions. */
export const accountsModule: InflowModule = {
  name: 'accounts',
  tables: ['users', 'sessions'],
  routes: (app, { db, secureCookies }) => accountRoutes(app, { db, secureCookies }),
  recurringJobs: [purgeSessions],
};
