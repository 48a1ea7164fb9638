// What t.js posts to `POST /public/events` (docs/tracking-script.md): one visitor's session and
// its events, in the browser's clock. Strings are only bounded loosely here, so one long URL
// does not cost a batch its other events; preparation cuts them to what is stored.
import { Type, type Static } from 'typebox';
import { StringEnum } from '../../schema-types.js';

export const EVENT_TYPES = ['page_view', 'engagement', 'click', 'download', 'custom', 'identify'] as const;
export type TrackedEventType = (typeof EVENT_TYPES)[number];

export const MAX_EVENTS_PER_BATCH = 50;
export const BATCH_BODY_LIMIT = 65_536;
export const MAX_PROPERTIES = 30;

const Text = (maxLength: number) => Type.Union([Type.String({ maxLength }), Type.Null()]);
const Uuid = Type.String({ maxLength: 64 });

export const TrackedEvent = Type.Object(
  {
    type: StringEnum(EVENT_TYPES),
    /** The browser's epoch milliseconds. */
    at: Type.Number(),
    url: Type.Optional(Text(8_192)),
    title: Type.Optional(Text(2_000)),
    referrer: Type.Optional(Text(8_192)),
    target: Type.Optional(Text(8_192)),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    properties: Type.Optional(
      Type.Record(Type.String({ maxLength: 100 }), Type.Union([Type.String({ maxLength: 1_000 }), Type.Number(), Type.Boolean(), Type.Null()]), { maxProperties: MAX_PROPERTIES }),
    ),
    duration_ms: Type.Optional(Type.Number({ minimum: 0 })),
    email: Type.Optional(Type.String({ maxLength: 320 })),
    token: Type.Optional(Type.String({ maxLength: 200 })),
    traits: Type.Optional(Type.Record(Type.String({ maxLength: 100 }), Type.Union([Type.String({ maxLength: 500 }), Type.Null()]), { maxProperties: 20 })),
    contact_token: Type.Optional(Type.String({ maxLength: 1_000 })),
  },
  { additionalProperties: false },
);
export type TrackedEventInput = Static<typeof TrackedEvent>;

export const EventBatch = Type.Object(
  {
    workspace_id: Uuid,
    visitor_id: Uuid,
    session_id: Uuid,
    /** When the browser sent the batch, in its clock: the difference to ours corrects every `at`. */
    sent_at: Type.Optional(Type.Number()),
    /** Sent as true by t.js in consent mode once the visitor agreed. */
    consent: Type.Optional(Type.Boolean()),
    /** Sent as true when the browser asks not to be tracked (Do-Not-Track or Global Privacy Control). */
    dnt: Type.Optional(Type.Boolean()),
    events: Type.Array(TrackedEvent, { minItems: 1, maxItems: MAX_EVENTS_PER_BATCH }),
  },
  { additionalProperties: false },
);
export type EventBatchInput = Static<typeof EventBatch>;
