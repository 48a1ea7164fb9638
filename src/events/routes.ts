import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { QueryBuilder } from '../db/database.js';
import { requireWorkspace } from '../http/auth.js';
import { decodeCursor, Page, PageQuery, pageOf } from '../http/pagination.js';
import { NullableTimestamp, Timestamp } from '../http/schemas.js';
import { StringEnum } from '../schema-types.js';
import { DomainEventSchema, EVENT_KINDS } from './kinds.js';
import { deadLettersOf, dismissDeadLetter, retryDeadLetter, subscriberStatuses, type RegisteredSubscriber } from './status.js';

const SubscriberSchema = Type.Object({
  name: Type.String(),
  module: Type.String(),
  kinds: Type.Array(StringEnum(EVENT_KINDS)),
  started: Type.Boolean({ description: 'False until a worker has run since the subscriber was added' }),
  position: Type.String({ description: 'Id of the last event it handled' }),
  behind: Type.Integer({ description: 'Events of its kinds it has yet to handle (counted up to 10,000)' }),
  behind_at_least: Type.Boolean({ description: 'True when more are waiting than were counted' }),
  status: StringEnum(['up_to_date', 'catching_up', 'retrying'] as const),
  attempts: Type.Integer({ description: 'Failures of the event it is retrying' }),
  next_attempt_at: NullableTimestamp,
  last_error: Type.Union([Type.String(), Type.Null()], { description: "The retried event's error, when the event is this workspace's" }),
  dead_letters: Type.Integer({ description: "This workspace's events it gave up on" }),
  updated_at: NullableTimestamp,
});

const DeadLetterSchema = Type.Object({
  subscriber: Type.String(),
  event_id: Type.String(),
  kind: StringEnum(EVENT_KINDS),
  contact_id: Type.Union([Type.String(), Type.Null()]),
  attempts: Type.Integer(),
  error: Type.String(),
  failed_at: Timestamp,
  event_occurred_at: NullableTimestamp,
  payload: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()], { description: 'Null when the event has since been erased or purged' }),
});

const DeadLetterParams = Type.Object(
  { subscriber: Type.String({ maxLength: 200 }), eventId: Type.String({ pattern: '^[0-9]{1,18}$' }) },
  { additionalProperties: false },
);

// A dead letter's key is its event id, its id the subscriber's name.
const isDeadLetterKeyset = (keyset: { key: string; id: string }) => /^[0-9]{1,18}$/.test(keyset.key) && keyset.id.length > 0 && keyset.id.length <= 200;

const manage = { auth: 'workspace', permission: 'workspace.manage' } as const;

export function eventRoutes(server: FastifyInstance, { db, subscribers }: { db: QueryBuilder; subscribers: readonly RegisteredSubscriber[] }): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/event-subscribers',
    {
      config: manage,
      schema: {
        tags: ['events'],
        summary: 'How each domain-event subscriber is doing: position, backlog, retries, dead letters',
        response: { 200: Page(SubscriberSchema) },
      },
    },
    async (request) => ({ data: await subscriberStatuses(db, requireWorkspace(request).id, subscribers), next_cursor: null }),
  );

  app.get(
    '/api/v1/event-subscribers/dead-letters',
    {
      config: manage,
      schema: {
        tags: ['events'],
        summary: "Events of this workspace a subscriber gave up on, newest first",
        querystring: PageQuery,
        response: { 200: Page(DeadLetterSchema) },
      },
    },
    async (request) => {
      const limit = request.query.limit ?? 50;
      const after = decodeCursor(request.query.cursor, isDeadLetterKeyset);
      const rows = await deadLettersOf(db, requireWorkspace(request).id, { limit: limit + 1, after: after ? { eventId: Number(after.key), subscriber: after.id } : null });
      const page = pageOf(rows, limit, (row) => ({ key: String(row.event_id), id: row.subscriber }));
      return {
        data: page.data.map((row) => ({
          subscriber: row.subscriber,
          event_id: String(row.event_id),
          kind: row.kind,
          contact_id: row.contact_id,
          attempts: row.attempts,
          error: row.error,
          failed_at: row.failed_at,
          event_occurred_at: row.occurred_at,
          payload: row.payload,
        })),
        next_cursor: page.next_cursor,
      };
    },
  );

  app.post(
    '/api/v1/event-subscribers/:subscriber/dead-letters/:eventId/retry',
    {
      config: manage,
      schema: {
        tags: ['events'],
        summary: 'Hand a parked event to its subscriber again, now (409 with the error if it fails again)',
        params: DeadLetterParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await retryDeadLetter(db, requireWorkspace(request).id, request.params.subscriber, Number(request.params.eventId), subscribers);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/api/v1/event-subscribers/:subscriber/dead-letters/:eventId',
    {
      config: manage,
      schema: { tags: ['events'], summary: 'Dismiss a dead letter: the event stays unhandled by that subscriber', params: DeadLetterParams, response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      await dismissDeadLetter(db, requireWorkspace(request).id, request.params.subscriber, Number(request.params.eventId));
      return reply.code(204).send(null);
    },
  );
}

/** The event union, in the spec for clients (and the dashboard's generated types). */
export { DomainEventSchema };
