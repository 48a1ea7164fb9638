import { Type } from 'typebox';
import { Day } from '../../http/period.js';
import { PageQuery } from '../../http/pagination.js';
import { Id, NullableTimestamp, Timestamp } from '../../http/schemas.js';
import { StringEnum } from '../../schema-types.js';
import { DROP_REASONS } from './drops.js';
import { CHANNELS } from './enrich/index.js';
import { EVENT_TYPES } from './wire.js';

const Text = Type.Union([Type.String(), Type.Null()]);
const Count = Type.Integer();
const HOST = '^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$';

export const TrackingSettingsSchema = Type.Object({
  require_consent: Type.Boolean({ description: 'Store nothing until the page calls inflow(\'consent\', true) (the snippet then carries data-consent="required")' }),
  respect_dnt: Type.Boolean({ description: 'Store nothing from browsers that send Do-Not-Track or Global Privacy Control' }),
  retention_months: Type.Integer({ minimum: 1, maximum: 120, description: 'How long events, visits and anonymous visitors are kept' }),
  site_hosts: Type.Array(Type.String(), { description: 'The hosts of the workspace’s own sites: a visit referred by one of them is direct, not a referral' }),
  snippet: Type.String({ description: 'The HTML to paste before </head> on every page of the site' }),
});

export const TrackingSettingsPatch = Type.Object(
  {
    require_consent: Type.Optional(Type.Boolean()),
    respect_dnt: Type.Optional(Type.Boolean()),
    retention_months: Type.Optional(Type.Integer({ minimum: 1, maximum: 120 })),
    site_hosts: Type.Optional(Type.Array(Type.String({ pattern: HOST, maxLength: 253 }), { maxItems: 50, uniqueItems: true })),
  },
  { additionalProperties: false },
);

export const IdentifyKeySchema = Type.Object({
  identify_key: Type.String({ description: 'The key a site’s server signs identify calls with: hex HMAC-SHA256 of the lower-cased email' }),
});

export const TrackingStatusSchema = Type.Object({
  last_event_at: NullableTimestamp,
  last_event_url: Text,
  events_since: Count,
  events_last_24h: Count,
  visitors_last_24h: Count,
  dropped_last_7_days: Type.Array(Type.Object({ reason: StringEnum(DROP_REASONS), batches: Count, events: Count })),
});
export const StatusQuery = Type.Object({ since: Type.Optional(Type.String({ format: 'date-time', description: 'Count events received after this moment (the dashboard’s "verify installation")' })) }, { additionalProperties: false });

export const LiveVisitor = Type.Object({
  visitor_id: Id,
  contact_id: Type.Union([Id, Type.Null()]),
  contact_name: Type.Union([Type.String(), Type.Null()], { description: 'The known contact’s name, or email' }),
  session_id: Id,
  current_url: Text,
  landing_url: Text,
  channel: StringEnum(CHANNELS),
  source: Text,
  device: Text,
  page_views: Count,
  started_at: Timestamp,
  last_seen_at: Timestamp,
});
export const LiveSchema = Type.Object({ visitors_now: Count, window_minutes: Count, visitors: Type.Array(LiveVisitor) });

export const TrackedEventSchema = Type.Object({
  id: Id,
  occurred_at: Timestamp,
  type: StringEnum(EVENT_TYPES),
  name: Text,
  url: Text,
  path: Text,
  title: Text,
  referrer: Text,
  target: Text,
  duration_ms: Type.Union([Type.Integer(), Type.Null()]),
  properties: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  visitor_id: Id,
  session_id: Id,
  contact_id: Type.Union([Id, Type.Null()]),
  channel: Type.Union([StringEnum(CHANNELS), Type.Null()]),
  campaign: Text,
});

export const EventQuery = Type.Object(
    {
      ...PageQuery.properties,
      type: Type.Optional(StringEnum(EVENT_TYPES)),
      name: Type.Optional(Type.String({ maxLength: 200, description: 'A custom event’s name' })),
      url: Type.Optional(Type.String({ maxLength: 500, description: 'Part of the page URL' })),
      channel: Type.Optional(StringEnum(CHANNELS)),
      campaign: Type.Optional(Type.String({ maxLength: 200 })),
      from: Type.Optional(Day),
      to: Type.Optional(Day),
      visitor_id: Type.Optional(Id),
      contact_id: Type.Optional(Id),
    },
    { additionalProperties: false },
);

export const SessionSchema = Type.Object({
  id: Id,
  visitor_id: Id,
  contact_id: Type.Union([Id, Type.Null()]),
  started_at: Timestamp,
  last_seen_at: Timestamp,
  duration_ms: Count,
  engaged_ms: Count,
  page_views: Count,
  events: Count,
  landing_url: Text,
  exit_url: Text,
  referrer: Text,
  channel: StringEnum(CHANNELS),
  source: Text,
  medium: Text,
  campaign: Text,
  term: Text,
  content: Text,
  device: Text,
  browser: Text,
  os: Text,
});

export const VisitorSchema = Type.Object({
  id: Id,
  contact_id: Type.Union([Id, Type.Null()]),
  first_seen_at: Timestamp,
  last_seen_at: Timestamp,
  identified_at: NullableTimestamp,
  identified_via: Text,
  sessions: Count,
  page_views: Count,
});

export const VisitorPathSchema = Type.Object({
  visitor: VisitorSchema,
  sessions: Type.Array(Type.Object({ ...SessionSchema.properties, path: Type.Array(TrackedEventSchema), more_events: Type.Boolean() })),
});

const Touch = Type.Object({
  session_id: Type.Union([Id, Type.Null()]),
  at: NullableTimestamp,
  channel: Type.Union([StringEnum(CHANNELS), Type.Null()]),
  source: Text,
  medium: Text,
  campaign: Text,
  landing_url: Text,
  referrer: Text,
});

export const ContactSourcesSchema = Type.Object({
  converted: Type.Boolean({ description: 'Whether a visitor of this contact has been identified (the sources below are known)' }),
  first_touch: Type.Union([Touch, Type.Null()]),
  last_touch: Type.Union([Touch, Type.Null()], { description: 'The last visit that started before the conversion' }),
  conversion: Type.Union([Type.Object({ at: Timestamp, kind: Type.String(), form_id: Text, url: Text }), Type.Null()]),
  sessions_before_conversion: Count,
  visitors: Type.Array(VisitorSchema),
});

export const ChannelFiguresSchema = Type.Object({
  from: Day,
  to: Day,
  totals: Type.Array(Type.Object({ channel: StringEnum(CHANNELS), visits: Count, leads: Count })),
  by_day: Type.Array(Type.Object({ day: Day, channel: StringEnum(CHANNELS), visits: Count, leads: Count })),
});

export const TopPagesSchema = Type.Object({
  from: Day,
  to: Day,
  pages: Type.Array(Type.Object({ path: Type.String(), views: Count, visitors: Count })),
});
