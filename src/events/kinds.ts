import { Type, type Static, type TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import type { Actor } from '../actor.js';

/**
 * Every kind of domain event, with its payload: the one list a publisher must match and a
 * subscriber can rely on. docs/architecture.md describes each (a test checks the two agree).
 * Payloads hold ids and what changed, not copies of records: a subscriber that needs the
 * current contact asks the contacts service.
 */
const Id = Type.String({ format: 'uuid' });
/** A field's value before and after: `[before, after]`. */
const Change = Type.Tuple([Type.Unknown(), Type.Unknown()]);
const NullableText = Type.Union([Type.String(), Type.Null()]);

export const EVENT_PAYLOADS = {
  'contact.created': Type.Object({ import_id: Type.Union([Id, Type.Null()]) }, { additionalProperties: false, description: 'A contact was created (by the API, the dashboard, an import or a merge of nothing). `import_id` names the import that created it, if one did.' }),
  'contact.updated': Type.Object({ changes: Type.Record(Type.String(), Change) }, { additionalProperties: false, description: 'Fields of a contact changed: `changes` maps each changed field (custom fields as `custom.KEY`) to `[before, after]`.' }),
  'contact.deleted': Type.Object({}, { additionalProperties: false, description: 'A contact was deleted (one by one or by a bulk action): it is in the trash, from which it may be restored for 30 days.' }),
  'contact.restored': Type.Object({}, { additionalProperties: false, description: 'A contact came back from the trash (restored, or named again by an upsert or import), with its timeline, consents and lists.' }),
  'contact.merged': Type.Object({ merged_contact_id: Id }, { additionalProperties: false, description: 'Another contact was merged into this one (the survivor) and no longer exists.' }),
  'contact.erased': Type.Object({}, { additionalProperties: false, description: 'A person was erased. Earlier events of the contact no longer hold anything personal.' }),
  'list.joined': Type.Object({ list_id: Id }, { additionalProperties: false, description: 'The contact was added to a list.' }),
  'list.left': Type.Object({ list_id: Id }, { additionalProperties: false, description: 'The contact was removed from a list.' }),
  'form.submitted': Type.Object(
    {
      form_id: Id,
      form_version: Type.Integer(),
      submission_id: Id,
      contact_created: Type.Boolean(),
      values: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Array(Type.String())])),
      page_url: Type.Union([Type.String(), Type.Null()]),
      referrer: Type.Union([Type.String(), Type.Null()]),
      visitor_id: Type.Union([Type.String(), Type.Null()]),
      source: Type.Union([Type.Object({ kind: Type.Union([Type.Literal('page'), Type.Literal('popup')]), id: Id }, { additionalProperties: false }), Type.Null()], {
        description: 'The Inflow landing page or pop-up the form was on, as the post said (`_src`); null elsewhere',
      }),
      utm: Type.Object({ source: NullableText, medium: NullableText, campaign: NullableText, term: NullableText, content: NullableText }, { additionalProperties: false }),
      consents: Type.Array(Type.Object({ consent_id: Id, purpose: Type.String(), granted: Type.Boolean() }, { additionalProperties: false })),
      tags: Type.Array(Type.String()),
      list_ids: Type.Array(Id),
      lifecycle_stage: NullableText,
      double_opt_in: Type.Boolean(),
      follow_up_email: Type.Union([Type.Object({ subject: Type.String(), body: Type.String() }, { additionalProperties: false }), Type.Null()]),
      notify_emails: Type.Array(Type.String()),
      asset: Type.Union([Type.Object({ id: Id, name: Type.String() }, { additionalProperties: false }), Type.Null()], {
        description: 'The asset the form offers, if any: the follow-up email makes the lead a fresh link with downloadLink (docs/assets.md)',
      }),
    },
    { additionalProperties: false, description: 'A visitor submitted a form (spam never is one): what the email module (double opt-in, follow-up), tracking (the visitor), webhooks and scoring need.' },
  ),
  'asset.downloaded': Type.Object(
    { asset_id: Id, asset_name: Type.String(), download_id: Id },
    { additionalProperties: false, description: 'A lead downloaded a gated asset through the signed link made for them (test links of the dashboard are not counted).' },
  ),
  'page.viewed': Type.Object(
    { visitor_id: Id, session_id: Id, url: NullableText, path: NullableText, title: NullableText, occurred_at: Type.String({ format: 'date-time' }) },
    { additionalProperties: false, description: 'A known contact viewed a page of a site carrying t.js (anonymous visitors publish nothing; their views join the contact when they are identified, as `visitor.identified`).' },
  ),
  'event.tracked': Type.Object(
    {
      visitor_id: Id,
      session_id: Id,
      type: Type.Union([Type.Literal('custom'), Type.Literal('click'), Type.Literal('download')]),
      name: NullableText,
      url: NullableText,
      target: NullableText,
      properties: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()])),
      occurred_at: Type.String({ format: 'date-time' }),
    },
    { additionalProperties: false, description: 'A known contact did something t.js reports: a custom event (`inflow(\'track\', name, properties)`), a click on a link to another site, or a file download.' },
  ),
  'visitor.identified': Type.Object(
    {
      visitor_id: Id,
      via: Type.Union([Type.Literal('form'), Type.Literal('identify'), Type.Literal('email_click')]),
      previous_contact_id: Type.Union([Id, Type.Null()], { description: 'The contact the visitor id was identified as before (a shared device), whose history before this moment stays theirs' }),
      first_seen_at: Type.String({ format: 'date-time' }),
      sessions: Type.Integer(),
      page_views: Type.Integer(),
      events: Type.Integer(),
      first_touch: Type.Union([
        Type.Object({ channel: Type.String(), source: NullableText, medium: NullableText, campaign: NullableText, landing_url: NullableText, referrer: NullableText, at: Type.String({ format: 'date-time' }) }, { additionalProperties: false }),
        Type.Null(),
      ]),
    },
    { additionalProperties: false, description: "A browser's anonymous history joined the contact: its earlier sessions and events are now the contact's, and later ones follow. Published once per visitor id and contact." },
  ),
} as const satisfies Record<string, TSchema>;

export type EventKind = keyof typeof EVENT_PAYLOADS;
export type EventPayload<K extends EventKind> = Static<(typeof EVENT_PAYLOADS)[K]>;
export const EVENT_KINDS = Object.keys(EVENT_PAYLOADS) as EventKind[];

/** Who caused an event: as on a contact's timeline. */
export const EventActor = Type.Object({
  type: Type.Union([Type.Literal('user'), Type.Literal('api_key'), Type.Literal('import'), Type.Literal('form'), Type.Literal('visitor'), Type.Literal('system')]),
  id: Type.Union([Type.String(), Type.Null()]),
});

/** A stored event, as subscribers receive it and the API shows it: one TypeBox union of the kinds. */
export const DomainEventSchema = Type.Union(
  EVENT_KINDS.map((kind) =>
    Type.Object(
      {
        id: Type.String({ description: 'Position in the log (a decimal integer, as text)' }),
        workspace_id: Id,
        kind: Type.Literal(kind),
        contact_id: Type.Union([Id, Type.Null()]),
        actor: EventActor,
        payload: EVENT_PAYLOADS[kind],
        occurred_at: Type.String({ format: 'date-time' }),
      },
      { title: kind },
    ),
  ),
  { description: 'A domain event: what a module made true, published in the transaction that made it true' },
);

/** An event as a subscriber gets it, typed by its kind. */
export type DomainEvent = {
  [K in EventKind]: {
    id: string;
    workspace_id: string;
    kind: K;
    contact_id: string | null;
    actor: Actor;
    payload: EventPayload<K>;
    occurred_at: string;
  };
}[EventKind];

interface PayloadCheck {
  Check(value: unknown): boolean;
  Errors(value: unknown): Iterable<{ instancePath: string; message: string }>;
}

const checks = new Map<string, PayloadCheck>(EVENT_KINDS.map((kind) => [kind, Compile(EVENT_PAYLOADS[kind])]));

/**
 * Refuses an event of an unknown kind or whose payload is not of its kind's type. Such an event
 * is a programming error: the throw fails the publisher's transaction, loudly.
 */
export function assertValidEvent(kind: string, payload: unknown): asserts kind is EventKind {
  const check = checks.get(kind);
  if (!check) throw new Error(`unknown domain event kind "${kind}"`);
  if (!check.Check(payload)) {
    const problems = [...check.Errors(payload)].map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
    throw new Error(`payload of domain event "${kind}" does not match its type: ${problems}`);
  }
}
