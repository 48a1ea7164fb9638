import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { QueryBuilder } from '../../../db/database.js';
import { isId } from '../../../db/ids.js';
import { notFound } from '../../../errors.js';
import { actorOf, requireWorkspace } from '../../../http/auth.js';
import { decodeCursor, Page, PageQuery, pageOf } from '../../../http/pagination.js';
import { Id, IdParams, Timestamp } from '../../../http/schemas.js';
import { contactView } from '../contact-view.js';
import { dismissDuplicate, duplicatePairs, duplicateScanState, requestDuplicateScan } from './pairs.js';
import type { ModuleHooks } from '../../module.js';
import { mergeContacts } from './merge.js';
import { ContactSchema } from '../schema.js';
import { contactsByIds } from '../queries.js';
import { StringEnum } from '../../../schema-types.js';

const Side = StringEnum(['this', 'other']);

const MergeInput = Type.Object(
  {
    other_id: Id,
    keep: Type.Optional(
      Type.Record(Type.String({ maxLength: 100 }), Side, {
        maxProperties: 300,
        description: 'Per field (or custom.<key>), whose value survives; default: this contact’s when it has one, else the other’s',
      }),
    ),
  },
  { additionalProperties: false },
);

const DuplicateSchema = Type.Object({
  contact: ContactSchema,
  other: ContactSchema,
  reasons: Type.Array(StringEnum(['same_name_and_company', 'same_phone'])),
});

const ScanStateSchema = Type.Object({
  scanned_at: Type.Union([Timestamp, Type.Null()], { description: 'When the pairs were last looked for; null: never' }),
  scanning: Type.Boolean({ description: 'A scan is waiting or running' }),
  outdated: Type.Boolean({ description: 'Contacts changed since the last scan' }),
});

const DuplicatesPage = Type.Object({ ...Page(DuplicateSchema).properties, ...ScanStateSchema.properties });

export function duplicateRoutes(server: FastifyInstance, { db, hooks }: { db: QueryBuilder; hooks: ModuleHooks }): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/v1/contacts/:id/merge',
    {
      config: { auth: 'workspace', permission: 'contacts.write' },
      schema: {
        tags: ['contacts'],
        summary: 'Merge another contact into this one: values chosen, history moved, the other deleted',
        params: IdParams,
        body: MergeInput,
        response: { 200: ContactSchema },
      },
    },
    async (request) => {
      const { other_id, keep } = request.body;
      return contactView(await mergeContacts(db, requireWorkspace(request).id, request.params.id, other_id, keep ?? {}, actorOf(request), hooks));
    },
  );

  app.get(
    '/api/v1/contacts/duplicates',
    {
      config: { auth: 'workspace', permission: 'workspace.read' },
      schema: {
        tags: ['contacts'],
        summary: 'Pairs of contacts that are likely one person (same name at the same company, or the same phone number), as of the last scan',
        querystring: PageQuery,
        response: { 200: DuplicatesPage },
      },
    },
    async (request) => {
      const workspace = requireWorkspace(request);
      const limit = request.query.limit ?? 50;
      // A pair's key is its older contact, its id the newer one.
      const after = decodeCursor(request.query.cursor, (keyset) => isId(keyset.key) && isId(keyset.id));
      const pairs = await duplicatePairs(db, workspace.id, { limit: limit + 1, after: after ? { a: after.key, b: after.id } : null });
      const page = pageOf(pairs, limit, (pair) => ({ key: pair.a_id, id: pair.b_id }));
      const contacts = new Map((await contactsByIds(db, workspace.id, page.data.flatMap((pair) => [pair.a_id, pair.b_id]))).map((c) => [c.id, c]));
      // A contact deleted between the two reads drops its pair from the page.
      const data = page.data.flatMap((pair) => {
        const [contact, other] = [contacts.get(pair.a_id), contacts.get(pair.b_id)];
        return contact && other ? [{ contact: contactView(contact), other: contactView(other), reasons: pair.reasons }] : [];
      });
      return { data, next_cursor: page.next_cursor, ...(await duplicateScanState(db, workspace.id)) };
    },
  );

  app.post(
    '/api/v1/contacts/duplicates/scan',
    {
      config: { auth: 'workspace', permission: 'contacts.write' },
      schema: {
        tags: ['contacts'],
        summary: 'Look for likely duplicates now, in the background (contacts created or changed also ask for one, a minute later)',
        response: { 202: ScanStateSchema },
      },
    },
    async (request, reply) => {
      const workspace = requireWorkspace(request);
      await requestDuplicateScan(db, workspace.id);
      return reply.code(202).send(await duplicateScanState(db, workspace.id));
    },
  );

  app.post(
    '/api/v1/contacts/duplicates/dismiss',
    {
      config: { auth: 'workspace', permission: 'contacts.write' },
      schema: {
        tags: ['contacts'],
        summary: 'Mark a pair as not a duplicate: it leaves the list, and later scans do not bring it back',
        body: Type.Object({ contact_id: Id, other_id: Id }, { additionalProperties: false }),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const { contact_id, other_id } = request.body;
      if (!(await dismissDuplicate(db, requireWorkspace(request).id, [contact_id, other_id], actorOf(request)))) {
        throw notFound('Duplicate pair');
      }
      return reply.code(204).send(null);
    },
  );
}
