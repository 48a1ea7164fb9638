import type { RecurringJob } from '../../db/jobs/recurring.js';
import { purgeExpiredSessions } from './service.js';

export const purgeSessions: RecurringJob = {
  kind: 'accounts.purge_sessions',
  everyMs: 60 * 60_000,
  run: async (_job, { db }) => {
    await purgeExpiredSessions(db);
  },
};
