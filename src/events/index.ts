import type { InflowModule } from '../modules/module.js';
import { purgeOldEvents } from './maintenance.js';
import { eventRoutes } from './routes.js';

/**
 * The domain event log: below every module (each publishes into it), so it is first in the
 * module list. Its routes show how delivery to each subscriber is doing.
 */
export const eventsModule: InflowModule = {
  name: 'events',
  tables: ['domain_events', 'event_subscribers', 'event_dead_letters'],
  routes: (app, { db, hooks }) => eventRoutes(app, { db, subscribers: hooks.subscribers }),
  recurringJobs: [purgeOldEvents],
};
