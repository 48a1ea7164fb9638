import { servesConcurrently } from '../../db/database.js';
import { addSharedSchema } from '../../http/validation.js';
import { FormDefinition, FormField } from './definition.js';
import type { InflowModule } from '../module.js';
import { analyticsRoutes } from './analytics-routes.js';
import { CounterBuffer } from './counter-buffer.js';
import { FormCache } from './form-cache.js';
import { captureJobs, purgeSpam } from './jobs.js';
import { addPageSchemas, PAGE_TABLES, pageJobs, purgePageFigures, registerPages } from './pages/index.js';
import { capturePersonalData } from './personal-data.js';
import { hostedRoutes, publicRoutes } from './public-routes.js';
import { formRoutes } from './routes.js';
import { SpamGuard } from './spam.js';
import { submissionRoutes } from './submission-routes.js';
import { captureSubscribers } from './subscribers.js';
import { popupPublicRoutes, popupStatsBuffer } from './popups/public-routes.js';
import { popupRoutes } from './popups/routes.js';
import { GroupCommit, type WriteBatch } from '../../db/group-commit.js';
import { StatisticsKeeper } from '../../db/statistics.js';
import type { Kysely } from 'kysely';
import { writeSubmissions, type ItemOutcome, type ReadyItem, type SubmissionBatcher } from './write-submissions.js';
import { assetJobs, purgeStaleUploads } from './assets/jobs.js';
import { assetPublicRoutes } from './assets/public-routes.js';
import { assetRoutes } from './assets/routes.js';
import { AssetSchema } from './assets/schema.js';
import { ASSET_MAX_BYTES } from '../../config.js';

/** Forms, landing pages and gated downloads: capture leads on any site (issues 10 and 11). Calls contacts, lists, companies, timeline and workspaces; tells the rest through `form.submitted`. */
export const captureModule: InflowModule = {
  name: 'capture',
  tables: ['forms', 'form_versions', 'form_submissions', 'form_spam', 'form_stats_daily', 'form_pages', 'form_field_stats_daily', 'assets', 'asset_chunks', 'asset_downloads', ...PAGE_TABLES, 'popups', 'popup_stats_daily'],
  navigation: [
    {
      path: 'capture',
      label: 'Capture',
      icon: 'forms',
      group: 'Leads',
      order: 30,
      title: 'Turn visitors into leads',
      description:
        'Build forms that drop every sign-up straight into your contacts, with its source and consent recorded; embed them on any site, link a hosted page, and watch spam stay out.',
    },
    {
      path: 'pages',
      label: 'Landing pages',
      icon: 'layout',
      group: 'Leads',
      order: 31,
      title: 'Give every offer its page',
      description: 'Landing pages built from blocks around one of your forms, with a thank-you page to follow: fast, accessible, and published as versions you can roll back.',
    },
    {
      path: 'capture/assets',
      label: 'Assets',
      icon: 'file-download',
      group: 'Leads',
      order: 32,
      title: 'Gated downloads',
      description: 'Offer e-books, templates and price lists in exchange for a sign-up: each lead gets a signed, expiring link, and every download is counted on their timeline.',
    },
    {
      path: 'capture/popups',
      label: 'Pop-ups',
      icon: 'app-window',
      group: 'Leads',
      order: 33,
      title: 'Catch visitors before they leave',
      description: 'Show one of your forms as a modal, a slide-in or a bar on your own site, when a visitor is about to leave, scrolls or waits; for the pages, devices and campaigns you choose, and never twice too soon.',
    },
  ],
  jobs: { ...captureJobs, ...pageJobs, ...assetJobs },
  recurringJobs: [purgeSpam, purgeStaleUploads, purgePageFigures],
  subscribers: captureSubscribers,
  personalData: capturePersonalData,
  setup: (app) => {
    // The definition's schemas, named by $ref in the routes: listed once in the spec.
    for (const schema of [FormField, FormDefinition, AssetSchema]) {
      app.addSchema(schema);
      addSharedSchema(schema as unknown as { $id: string });
    }
    addPageSchemas(app);
  },
  routes: async (app, { db, database, config }) => {
    // One cache and one batcher per app: the management routes drop a form from the cache when they publish it.
    const cache = new FormCache(db);
    await cache.start(database);
    app.addHook('onClose', () => cache.stop());
    // A burst of submissions into a young database outgrows the planner's statistics in seconds.
    const statistics = new StatisticsKeeper(db as Kysely<unknown>, ['contacts', 'consents', 'form_submissions', 'contact_events'], [500, 5_000, 50_000, 500_000], (err) => app.log.warn({ err }, 'analyze after a burst of submissions failed'));
    const write: WriteBatch<ReadyItem, ItemOutcome> = async (tx, items) => {
      const outcomes = await writeSubmissions(tx, items);
      statistics.wrote(items.length);
      return outcomes;
    };
    const batcher: SubmissionBatcher = new GroupCommit(db, write, { maxBatch: 200, maxFlights: servesConcurrently(db) ? 3 : 1, maxOpen: servesConcurrently(db) ? 4 : 1, maxQueue: 5_000 });
    app.addHook('onClose', () => statistics.settled());
    const counters = new CounterBuffer(db);
    app.addHook('onClose', () => batcher.drain());
    app.addHook('onClose', () => counters.drain());
    const linkTtlMs = (config.assets?.linkTtlHours ?? 7 * 24) * 3600_000;
    const publicUrl = config.publicUrl ?? null;
    formRoutes(app, { db, cache });
    publicRoutes(app, { db, cache, counters, batcher, spam: new SpamGuard(), submitsPerIpPerMinute: config.forms?.submitsPerIpPerMinute ?? 60, publicUrl, linkTtlMs });
    hostedRoutes(app, { db, cache, counters, linkTtlMs });
    analyticsRoutes(app, { db });
    submissionRoutes(app, { db });
    await registerPages(app, { db, database, forms: cache, publicUrl, linkTtlMs });
    assetRoutes(app, { db, maxBytes: config.assets?.maxBytes ?? ASSET_MAX_BYTES, linkTtlMs, publicUrl });
    assetPublicRoutes(app, { db, publicUrl, linkTtlMs });
    popupRoutes(app, { db, publicUrl });
    const popupStats = popupStatsBuffer(db);
    app.addHook('onClose', () => popupStats.drain());
    popupPublicRoutes(app, { db, stats: popupStats });
  },
};
