import type { Kysely } from 'kysely';
import { servesConcurrently } from '../../db/database.js';
import { GroupCommit } from '../../db/group-commit.js';
import type { Tables } from '../../db/schema.js';
import type { InflowModule } from '../module.js';
import { dropCounter } from './drops.js';
import { ingestRoutes } from './ingest-routes.js';
import { ensurePartitions, trackingMaintenance } from './partitions.js';
import { trackingPersonalData } from './personal-data.js';
import type { PreparedBatch } from './prepare.js';
import { trackingRoutes } from './routes.js';
import { IngestPolicies } from './settings.js';
import { trackingSubscribers } from './subscribers.js';
import { writeBatches, type BatchOutcome } from './write-events.js';

/** Tracking (issue 12): t.js's events, visitors and visits, identity stitching and where each lead came from. Calls contacts, timeline and workspaces; hears about forms through `form.submitted`. */
export const trackingModule: InflowModule = {
  name: 'tracking',
  tables: ['tracking_settings', 'tracking_visitors', 'tracking_sessions', 'tracking_events', 'tracking_contact_sources', 'tracking_drops_daily'],
  navigation: [
    {
      path: 'tracking',
      label: 'Tracking',
      icon: 'route',
      group: 'Leads',
      order: 40,
      title: 'Know what leads did before they converted',
      description: 'One small script on your site records page views and events, and joins an anonymous visitor’s history to the contact the moment they fill a form.',
    },
  ],
  recurringJobs: [trackingMaintenance],
  subscribers: trackingSubscribers,
  personalData: trackingPersonalData,
  routes: async (app, { db, config }) => {
    const database = db as Kysely<Tables>;
    // Events of this month and the next get their partitions before the server takes requests
    // (the daily job keeps them ahead; rows of a month without one wait in the default partition).
    app.addHook('onListen', async () => {
      await ensurePartitions(database);
    });
    const concurrent = servesConcurrently(db);
    const writer = new GroupCommit<PreparedBatch, BatchOutcome>(database, writeBatches, { maxBatch: 500, spreadAt: 25, maxFlights: concurrent ? 4 : 1, maxOpen: concurrent ? 5 : 1, maxQueue: config.tracking?.maxQueue ?? 5_000 });
    const drops = dropCounter(database);
    app.addHook('onClose', () => writer.drain());
    app.addHook('onClose', () => drops.drain());
    const policies = new IngestPolicies(db);
    ingestRoutes(app, { db: database, policies, writer, drops, batchesPerIpPerMinute: config.tracking?.batchesPerIpPerMinute ?? 1_200 });
    trackingRoutes(app, { db, publicUrl: config.publicUrl ?? null, policies });
  },
};
