import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

export const OPENAPI_PATH = '/api/openapi.json';
export const API_DOCS_PATH = '/api/docs';

/** The spec is generated from the route schemas, so it cannot drift from what the server checks. */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Inflow API',
        version,
        description:
          'REST API of Inflow. Authenticate with `Authorization: Bearer <api key>` (Settings → API keys). ' +
          'Errors are RFC 9457 problem details (`application/problem+json`) listing the failing fields. ' +
          'Lists are `{ "data": [...], "next_cursor": "..." | null }`: pass `?cursor=` to get the next page.',
      },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'An API key of the workspace' },
          session: { type: 'apiKey', in: 'cookie', name: 'inflow_session', description: 'Dashboard session (writes also need X-CSRF-Token)' },
        },
      },
      security: [{ apiKey: [] }, { session: [] }],
    },
    hideUntagged: true,
    // Shared schemas (app.addSchema) appear in components under their own $id, not as def-0.
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  app.get(OPENAPI_PATH, { config: { auth: 'public' }, schema: { hide: true } }, async () => app.swagger());
  await app.register(swaggerUi, {
    routePrefix: API_DOCS_PATH,
    staticCSP: true,
    uiConfig: { docExpansion: 'list', deepLinking: true, defaultModelsExpandDepth: 0, url: OPENAPI_PATH },
  });
}
