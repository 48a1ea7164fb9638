import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { QueryBuilder } from '../../db/database.js';
import { requireWorkspace } from '../../http/auth.js';
import { baseUrlOf } from '../../http/base-url.js';
import { decodeCursor, Page, pageOf } from '../../http/pagination.js';
import { analyticsPeriod, PeriodQuery } from '../../http/period.js';
import { IdParams } from '../../http/schemas.js';
import { getContact } from '../contacts/service.js';
import { channelFigures, contactSources, listEvents, liveVisitors, topPages, trackingStatus, visitorPath } from './queries.js';
import {
  ChannelFiguresSchema,
  ContactSourcesSchema,
  EventQuery,
  IdentifyKeySchema,
  LiveSchema,
  StatusQuery,
  TopPagesSchema,
  TrackedEventSchema,
  TrackingSettingsPatch,
  TrackingSettingsSchema,
  TrackingStatusSchema,
  VisitorPathSchema,
} from './schema.js';
import { trackingSettings, updateTrackingSettings, type IngestPolicies, type TrackingSettings } from './settings.js';
import { snippetOf } from './snippet.js';

/** The dashboard's API of tracking: set-up, the live view, the event explorer, visitors' paths, a contact's sources, channel figures. */
export function trackingRoutes(server: FastifyInstance, { db, publicUrl, policies }: { db: QueryBuilder; publicUrl: string | null; policies: IngestPolicies }): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const read = { auth: 'workspace', permission: 'workspace.read' } as const;
  const manage = { auth: 'workspace', permission: 'workspace.manage' } as const;
  const tags = ['tracking'];
  const view = (request: { protocol: string; host: string }, workspaceId: string, settings: TrackingSettings) => {
    const { identify_key: _key, ...rest } = settings;
    return { ...rest, snippet: snippetOf(baseUrlOf(request, publicUrl), workspaceId, settings) };
  };

  app.get('/api/v1/tracking/settings', { config: read, schema: { tags, summary: 'How the workspace tracks, and the snippet to paste on its sites', response: { 200: TrackingSettingsSchema } } }, async (request) => {
    const workspaceId = requireWorkspace(request).id;
    return view(request, workspaceId, await trackingSettings(db, workspaceId));
  });

  app.patch('/api/v1/tracking/settings', { config: manage, schema: { tags, summary: 'Change consent, Do-Not-Track, retention or the site’s own hosts (every server applies it within 10 s)', body: TrackingSettingsPatch, response: { 200: TrackingSettingsSchema } } }, async (request) => {
    const workspaceId = requireWorkspace(request).id;
    const settings = await updateTrackingSettings(db, workspaceId, request.body);
    policies.forget(workspaceId);
    return view(request, workspaceId, settings);
  });

  app.get('/api/v1/tracking/identify-key', { config: manage, schema: { tags, summary: 'The key a site’s server signs identify calls with (keep it on the server)', response: { 200: IdentifyKeySchema } } }, async (request) => ({
    identify_key: (await trackingSettings(db, requireWorkspace(request).id)).identify_key,
  }));

  app.post('/api/v1/tracking/identify-key/rotate', { config: manage, schema: { tags, summary: 'Replace the identify key: calls signed with the old one are refused from now on', response: { 200: IdentifyKeySchema } } }, async (request) => {
    const workspaceId = requireWorkspace(request).id;
    const settings = await updateTrackingSettings(db, workspaceId, { rotate_identify_key: true });
    policies.forget(workspaceId);
    return { identify_key: settings.identify_key };
  });

  app.get('/api/v1/tracking/status', { config: read, schema: { tags, summary: 'Whether events arrive: the last one, counts of the last day, and why batches were dropped in the last 7 days', querystring: StatusQuery, response: { 200: TrackingStatusSchema } } }, async (request) =>
    trackingStatus(db, requireWorkspace(request).id, request.query.since ? new Date(request.query.since) : null),
  );

  app.get('/api/v1/tracking/live', { config: read, schema: { tags, summary: 'Visitors on the site now (seen in the last 5 minutes), latest first', response: { 200: LiveSchema } } }, async (request) => liveVisitors(db, requireWorkspace(request).id));

  app.get('/api/v1/tracking/events', { config: read, schema: { tags, summary: 'Tracked events, newest first, filtered by type, name, URL, channel, campaign, period, visitor or contact', querystring: EventQuery, response: { 200: Page(TrackedEventSchema) } } }, async (request) => {
    const { cursor, limit = 50, ...filter } = request.query;
    const rows = await listEvents(db, requireWorkspace(request).id, filter, { after: decodeCursor(cursor), limit: limit + 1 });
    return pageOf(rows, limit, (row) => ({ key: row.sort_key, id: row.id }));
  });

  app.get('/api/v1/tracking/pages', { config: read, schema: { tags, summary: 'The most viewed pages of a period (default: the last 30 days), with their visitors', querystring: PeriodQuery, response: { 200: TopPagesSchema } } }, async (request) =>
    topPages(db, requireWorkspace(request).id, analyticsPeriod(request.query)),
  );

  app.get('/api/v1/tracking/channels', { config: read, schema: { tags, summary: 'Visits and leads by channel and day (leads under the channel of their first touch; default: the last 30 days)', querystring: PeriodQuery, response: { 200: ChannelFiguresSchema } } }, async (request) =>
    channelFigures(db, requireWorkspace(request).id, analyticsPeriod(request.query)),
  );

  app.get('/api/v1/tracking/visitors/:id', { config: read, schema: { tags, summary: 'A visitor and its path: its latest 50 visits, newest first, each with its first 100 events in order', params: IdParams, response: { 200: VisitorPathSchema } } }, async (request) =>
    visitorPath(db, requireWorkspace(request).id, request.params.id),
  );

  app.get('/api/v1/contacts/:id/sources', { config: read, schema: { tags, summary: 'Where a contact came from: first touch, last touch before converting, the conversion, and its visitor ids (devices)', params: IdParams, response: { 200: ContactSourcesSchema } } }, async (request) => {
    const workspaceId = requireWorkspace(request).id;
    await getContact(db, workspaceId, request.params.id);
    return contactSources(db, workspaceId, request.params.id);
  });
}

