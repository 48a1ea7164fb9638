import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { QueryBuilder } from '../../db/database.js';
import { actorOf, requireWorkspace } from '../../http/auth.js';
import { decodeCursor, Page, PageQuery, pageOf } from '../../http/pagination.js';
import { IdParams, Timestamp } from '../../http/schemas.js';
import { EventActor } from '../../events/kinds.js';
import { contactView } from './contact-view.js';
import { ContactSchema } from './schema.js';
import { purgeContact, restoreContact, TRASH_DAYS, trashPage } from './trash.js';

const TrashedContactSchema = Type.Object({
  ...ContactSchema.properties,
  deleted_at: Timestamp,
  deleted_by: Type.Object({ ...EventActor.properties }, { description: 'Who deleted it: a user, an API key, or the system' }),
  purge_at: Type.Unsafe<Date | string>({ type: 'string', format: 'date-time', description: `When the contact is deleted for good: ${TRASH_DAYS} days after it was deleted` }),
});

/** The contacts trash: deleted contacts wait there for 30 days, restorable, then are purged (trash.ts). */
export function trashRoutes(server: FastifyInstance, { db }: { db: QueryBuilder }): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const remove = { auth: 'workspace', permission: 'contacts.delete' } as const;

  app.get(
    '/api/v1/contacts/trash',
    {
      config: { auth: 'workspace', permission: 'workspace.read' },
      schema: { tags: ['contacts'], summary: `Deleted contacts, most recent first: restorable for ${TRASH_DAYS} days`, querystring: PageQuery, response: { 200: Page(TrashedContactSchema) } },
    },
    async (request) => {
      const limit = request.query.limit ?? 50;
      const rows = await trashPage(db, requireWorkspace(request).id, { limit: limit + 1, after: decodeCursor(request.query.cursor) });
      const page = pageOf(rows, limit, (row) => ({ key: row.sort_key, id: row.id }));
      return {
        data: page.data.map(({ sort_key: _key, purge_at, ...row }) => ({
          ...contactView(row),
          deleted_at: row.deleted_at!,
          deleted_by: { type: row.deleted_by_type as 'user', id: row.deleted_by_id },
          purge_at,
        })),
        next_cursor: page.next_cursor,
      };
    },
  );

  app.post(
    '/api/v1/contacts/:id/restore',
    {
      config: remove,
      schema: { tags: ['contacts'], summary: 'Bring a contact back from the trash, with its timeline, consents and lists', params: IdParams, response: { 200: ContactSchema } },
    },
    async (request) => contactView(await restoreContact(db, requireWorkspace(request).id, request.params.id, actorOf(request))),
  );

  app.delete(
    '/api/v1/contacts/trash/:id',
    {
      config: remove,
      schema: { tags: ['contacts'], summary: 'Delete a contact in the trash for good, now', params: IdParams, response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      await purgeContact(db, requireWorkspace(request).id, request.params.id);
      return reply.code(204).send(null);
    },
  );
}
