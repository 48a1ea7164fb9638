import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { QueryBuilder } from '../../db/database.js';
import { invalid } from '../../errors.js';
import { actorOf, requireWorkspace } from '../../http/auth.js';
import { sendCsv } from '../../http/csv-reply.js';
import { decodeCursor, Page, pageOf, PageQuery } from '../../http/pagination.js';
import { IdParams } from '../../http/schemas.js';
import { getContact } from '../contacts/service.js';
import { rescueSpam } from './rescue.js';
import { getForm } from './service.js';
import { submissionsCsv } from './submission-export.js';
import { contactSubmissionsPage, formSpamPage, formSubmissionsPage, type SubmissionFilters } from './submission-queries.js';
import { Rescued, SpamParams, SpamSchema, SubmissionExportQuery, SubmissionListQuery, SubmissionSchema } from './submission-schema.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filters of a query string, checked beyond their schema: real calendar days, in order. */
function filtersOf(query: SubmissionFilters): SubmissionFilters {
  const errors = (['from', 'to'] as const).flatMap((field) => {
    const day = query[field];
    return day && (!DAY.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`)) || new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day)
      ? [{ field, in: 'querystring', message: 'is not a calendar date' }]
      : [];
  });
  if (errors.length > 0) throw invalid('Not a date', errors);
  if (query.from && query.to && query.from > query.to) throw invalid('The period ends before it starts', [{ field: 'from', in: 'querystring', message: 'is after to' }]);
  const { from, to, q, page, utm_source, utm_campaign, version } = query;
  return { from, to, q, page, utm_source, utm_campaign, version };
}

const keyOf = (row: { sort_key: string; id: string }) => ({ key: row.sort_key, id: row.id });
const withoutKey = <T extends { sort_key: string }>({ sort_key: _, ...rest }: T) => rest;

/** What a form received: its submissions (a page, or all as CSV), its spam, and a spam post's rescue. */
export function submissionRoutes(server: FastifyInstance, { db }: { db: QueryBuilder }): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const read = { auth: 'workspace', permission: 'workspace.read' } as const;
  const write = { auth: 'workspace', permission: 'marketing.write' } as const;
  const tags = ['forms'];

  app.get(
    '/api/v1/forms/:id/submissions',
    { config: read, schema: { tags, summary: 'A form’s submissions, newest first, filtered by period, text, page, UTM or version', params: IdParams, querystring: SubmissionListQuery, response: { 200: Page(SubmissionSchema) } } },
    async (request) => {
      const workspaceId = requireWorkspace(request).id;
      const filters = filtersOf(request.query);
      await getForm(db, workspaceId, request.params.id);
      const limit = request.query.limit ?? 50;
      const rows = await formSubmissionsPage(db, workspaceId, request.params.id, filters, { limit: limit + 1, after: decodeCursor(request.query.cursor) });
      const page = pageOf(rows, limit, keyOf);
      return { ...page, data: page.data.map(withoutKey) };
    },
  );

  app.get(
    '/api/v1/forms/:id/submissions/export',
    {
      config: read,
      schema: {
        tags,
        summary: 'The submissions that pass the filters, as CSV: one column per field any version asked, then where each came from (formula-escaped, UTF-8 with a BOM)',
        params: IdParams,
        querystring: SubmissionExportQuery,
        response: { 200: Type.Unsafe<unknown>({ type: 'string', description: 'text/csv' }) },
      },
    },
    async (request, reply) => {
      const workspaceId = requireWorkspace(request).id;
      const filters = filtersOf(request.query);
      await getForm(db, workspaceId, request.params.id);
      return sendCsv(reply, await submissionsCsv(db, workspaceId, request.params.id, filters), 'submissions');
    },
  );

  app.get(
    '/api/v1/contacts/:id/submissions',
    { config: read, schema: { tags, summary: 'A contact’s form submissions, newest first', params: IdParams, querystring: PageQuery, response: { 200: Page(SubmissionSchema) } } },
    async (request) => {
      const workspaceId = requireWorkspace(request).id;
      await getContact(db, workspaceId, request.params.id);
      const limit = request.query.limit ?? 50;
      const rows = await contactSubmissionsPage(db, workspaceId, request.params.id, { limit: limit + 1, after: decodeCursor(request.query.cursor) });
      const page = pageOf(rows, limit, keyOf);
      return { ...page, data: page.data.map(withoutKey) };
    },
  );

  app.get(
    '/api/v1/forms/:id/spam',
    { config: read, schema: { tags, summary: 'Posts a form kept as spam (30 days), newest first, with the reason; rescued ones leave the list', params: IdParams, querystring: PageQuery, response: { 200: Page(SpamSchema) } } },
    async (request) => {
      const workspaceId = requireWorkspace(request).id;
      await getForm(db, workspaceId, request.params.id);
      const limit = request.query.limit ?? 50;
      const rows = await formSpamPage(db, workspaceId, request.params.id, { limit: limit + 1, after: decodeCursor(request.query.cursor) });
      const page = pageOf(rows, limit, keyOf);
      return {
        ...page,
        data: page.data.map(({ sort_key: _, created_at, utm, values, ...row }) => ({
          ...row, received_at: created_at, values: values as Record<string, unknown>,
          utm: { source: null, medium: null, campaign: null, term: null, content: null, ...(utm as object | null) },
        })),
      };
    },
  );

  app.post(
    '/api/v1/forms/:id/spam/:spamId/rescue',
    {
      config: write,
      schema: {
        tags,
        summary: 'Make a spam post a submission (contact, consents, lists, form.submitted), as if it had been accepted; a second rescue is 409',
        params: SpamParams,
        response: { 201: Rescued },
      },
    },
    async (request, reply) => {
      const workspaceId = requireWorkspace(request).id;
      return reply.code(201).send(await rescueSpam(db, workspaceId, request.params.id, request.params.spamId, actorOf(request)));
    },
  );
}
