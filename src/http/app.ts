import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { sql } from 'kysely';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { describeLowDisk } from '../db/disk-space.js';
import { AppError, invalid } from '../errors.js';
import { logMailer, type Mailer } from '../mail/mailer.js';
import { hooksOf, type InflowModule } from '../modules/module.js';
import { registerErrorHandling } from './errors.js';
import { RequestLog } from './request-log.js';
import { registerCrossOrigin } from './cross-origin.js';
import { navigationRoutes } from './navigation.js';
import { API_DOCS_PATH, OPENAPI_PATH, registerOpenApi } from './openapi.js';
import { indexRoutes } from './route-index.js';
import { PROBLEM_SCHEMA_ID, ProblemSchema, WorkspaceHeader } from './schemas.js';
import { registerDashboard, type PageFallback } from './static.js';
import { registerEmbedFiles } from './embed-files.js';
import { embedDistDir } from '../paths.js';
import { nulBytePaths, validatorCompiler } from './validation.js';

export const BODY_LIMIT = 1024 * 1024;

export interface AppOptions {
  database: Database;
  /** The modules whose routes the app serves (src/modules/index.ts), lowest first. */
  modules: readonly InflowModule[];
  config: Pick<Config, 'trustProxy' | 'publicUrl' | 'logLevel'> & Partial<Config>;
  version: string;
  /** Built dashboard (web/dist); omitted in API-only tests. */
  webDist?: string;
  /** Where the built embed scripts are (f.js); the checkout's dist/embed by default. */
  embedDist?: string;
  /** A logger shared with the rest of the process; else one is made (or none: `logger: false`). */
  loggerInstance?: FastifyBaseLogger;
  logger?: FastifyServerOptions['logger'];
  /** Where mail goes; by default into the server log (there is no SMTP sender yet). */
  mailer?: Mailer;
  /** Routes added by the caller before the app is sealed (e.g. the CLI bridge). */
  extraRoutes?: (app: FastifyInstance) => void | Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;
// One shared schema, referenced by every route's error responses: the spec lists it once.
const problemRef = { $ref: `${PROBLEM_SCHEMA_ID}#` };

function isApiPath(url: string): boolean {
  return url.startsWith('/api/') && !url.startsWith(API_DOCS_PATH) && url !== OPENAPI_PATH;
}

// The dashboard's pages: scripts only from its own files (Vite emits no inline script), styles
// also inline (Mantine writes its CSS variables in a <style> element, React sets style
// attributes), nothing framed, posted or fetched elsewhere. Images also from https: the page
// editor's live preview is a srcdoc frame, which inherits this policy, and pages show images
// from wherever their authors host them. The API docs page (Swagger UI) runs inline scripts and
// keeps its own.
const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { database, config } = options;
  // Browsers keep to HTTPS once told over HTTPS: only when the public address is one.
  const hsts = config.publicUrl?.startsWith('https://') ?? false;
  const app = Fastify({
    ...(options.loggerInstance ? { loggerInstance: options.loggerInstance } : { logger: options.logger ?? { level: config.logLevel } }),
    logController: new RequestLog(),
    bodyLimit: BODY_LIMIT,
    // A hop count trusts that many proxies in front of us, nearest first.
    trustProxy: typeof config.trustProxy === 'number' ? (_address: string, hop: number) => hop < (config.trustProxy as number) : config.trustProxy,
    return503OnClosing: true,
    requestIdHeader: false,
    // A caller's request id is kept for tracing across services, if it looks like one.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    routerOptions: { maxParamLength: 200, ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.addSchema(ProblemSchema);
  // The API speaks JSON only; a text/plain body is refused as such (415), not parsed as a string.
  app.removeContentTypeParser('text/plain');
  indexRoutes(app);

  // Every API route must say who may call it; a route without a decision fails at boot.
  app.addHook('onRoute', (route) => {
    if (!isApiPath(route.url)) return;
    if (!route.config?.auth) throw new Error(`route ${String(route.method)} ${route.url} declares no config.auth`);
    if (route.schema) {
      route.schema.response = { ...(route.schema.response as object), '4xx': problemRef, '5xx': problemRef };
      if (route.config.auth === 'public') route.schema.security = [];
      if (route.config.auth === 'user') route.schema.security = [{ session: [] }];
      if (route.config.auth === 'workspace' && !route.schema.headers) route.schema.headers = WorkspaceHeader;
    }
  });

  // Before any handler, so a streamed answer (an export) never starts on a value the database refuses.
  app.addHook('preValidation', async (request) => {
    const fields = [
      ...nulBytePaths(request.query).map((field) => ({ field, in: 'querystring', message: 'contains U+0000' })),
      ...nulBytePaths(request.body).map((field) => ({ field, in: 'body', message: 'contains U+0000' })),
    ];
    if (fields.length > 0) throw invalid('Text may not contain the NUL character (U+0000)', fields);
  });

  let pageFallback: PageFallback | null = null;
  registerErrorHandling(app, () => pageFallback);
  await app.register(cookie);
  await registerCrossOrigin(app);
  const secureCookies = (request: { protocol: string }) => request.protocol === 'https' || config.publicUrl?.startsWith('https:') === true;
  const mailer = options.mailer ?? logMailer(app.log);
  const context = { db: database.db, database, config, secureCookies, mailer, hooks: hooksOf(options.modules) };
  for (const module of options.modules) await module.setup?.(app, context);
  await registerOpenApi(app, options.version);

  // On shutdown, requests in flight finish, and their keep-alive connections close with them;
  // otherwise the server would wait for idle clients to hang up before it could stop.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });

  app.addHook('onSend', async (request, reply) => {
    if (closing) reply.header('connection', 'close');
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    if (!request.url.startsWith(API_DOCS_PATH)) {
      reply.header('x-frame-options', 'DENY');
      // A page that set its own policy (a hosted form: no script at all) keeps it.
      if (String(reply.getHeader('content-type') ?? '').startsWith('text/html') && !reply.hasHeader('content-security-policy')) {
        reply.header('content-security-policy', DASHBOARD_CSP);
        reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
      }
    }
    if (hsts) reply.header('strict-transport-security', 'max-age=31536000');
  });

  app.get(
    '/healthz',
    { config: { auth: 'public' }, schema: { hide: true } },
    async () => {
      try {
        await sql`select 1`.execute(database.db);
      } catch (err) {
        throw new AppError('unavailable', `The database does not answer: ${(err as Error).message}`);
      }
      if (database.disk?.low()) throw new AppError('unavailable', describeLowDisk(database.disk));
      return { status: 'ok', database: database.kind };
    },
  );

  registerEmbedFiles(app, options.embedDist ?? embedDistDir);
  for (const module of options.modules) await module.routes?.(app, context);
  navigationRoutes(app, options.modules);
  await options.extraRoutes?.(app);
  if (options.webDist) pageFallback = await registerDashboard(app, options.webDist);
  await app.ready();
  return app;
}
