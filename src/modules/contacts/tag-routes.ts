import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { QueryBuilder } from '../../db/database.js';
import { requireWorkspace } from '../../http/auth.js';
import { tagCounts } from './tag-counts.js';

const TagsQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Only tags that begin with this, in any case' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);

const TagCountSchema = Type.Object({
  tag: Type.String({ description: 'The spelling most contacts have (tags are one in any case)' }),
  contacts: Type.Integer({ description: 'Live contacts with the tag' }),
});

export function tagRoutes(server: FastifyInstance, { db }: { db: QueryBuilder }): void {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/tags',
    {
      config: { auth: 'workspace', permission: 'workspace.read' },
      schema: {
        tags: ['contacts'],
        summary: 'The workspace’s tags, most used first, with how many contacts have each',
        querystring: TagsQuery,
        response: { 200: Type.Object({ data: Type.Array(TagCountSchema) }) },
      },
    },
    async (request) => {
      const workspace = requireWorkspace(request);
      return { data: await tagCounts(db, workspace.id, { prefix: request.query.q, limit: request.query.limit ?? 100 }) };
    },
  );
}
