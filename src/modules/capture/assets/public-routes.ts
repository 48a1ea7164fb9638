import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { QueryBuilder } from '../../../db/database.js';
import { acceptUrlencoded } from '../form-body.js';
import { truncateIp } from '../../../lib/ip.js';
import { sendPage } from '../public-routes.js';
import { workspaceSettings } from '../../workspaces/service.js';
import { enqueueFreshLink } from './jobs.js';
import { baseUrlOf } from '../../../http/base-url.js';
import { checkDownloadToken } from './links.js';
import { expiredLinkDocument, linkResentDocument, unknownLinkDocument } from './pages.js';
import { TokenParams } from './schema.js';
import { deliver, planDelivery } from './send-asset.js';
import { assetsByIds } from './store.js';
import { recordDownload } from './service.js';

export interface AssetPublicDeps {
  db: QueryBuilder;
  /** Where links in emails point: PUBLIC_URL, else the origin the request came to. */
  publicUrl: string | null;
  linkTtlMs: number;
}

const ResendBody = Type.Object({ token: Type.String({ maxLength: 2048 }) });

/**
 * What a lead's download link opens (`/d/:token`), and the "email me a fresh link" of an
 * expired one. A link of no workspace, or tampered, or to a deleted file: 404. Expired: 410.
 */
export function assetPublicRoutes(app: FastifyInstance, deps: AssetPublicDeps): void {
  const { db } = deps;
  const limits = { max: 120, timeWindow: 60_000 };

  // A wildcard, not `:token`: a token is longer than the router's limit on a parameter.
  app.get('/d/*', { config: { auth: 'public', rateLimit: limits }, schema: { hide: true, params: TokenParams } }, async (request, reply) => {
    const token = (request.params as { '*': string })['*'];
    const check = await checkDownloadToken(db, token);
    if (check.state === 'invalid') return sendPage(reply.code(404).header('cache-control', 'no-store'), unknownLinkDocument());
    const [asset] = await assetsByIds(db, check.claims.w, [check.claims.a]);
    if (!asset) return sendPage(reply.code(404).header('cache-control', 'no-store'), unknownLinkDocument());
    if (check.state === 'expired') return sendPage(reply.code(410).header('cache-control', 'no-store'), expiredLinkDocument(token));
    // Counted when the whole file starts going out (committed first: a count read after the
    // download sees it); ranges are a viewer fetching parts of a file already counted.
    const plan = planDelivery(request, asset);
    if (plan.status === 200 && request.method === 'GET' && check.claims.c) {
      const settings = await workspaceSettings(db, check.claims.w);
      await recordDownload(db, check.claims.w, asset, {
        contactId: check.claims.c,
        ip: settings?.truncate_ips ? truncateIp(request.ip) : request.ip,
        userAgent: String(request.headers['user-agent'] ?? '').slice(0, 500) || null,
      });
    }
    return deliver(request, reply, db, check.claims.w, asset, plan);
  });

  void app.register(async (scope) => {
    acceptUrlencoded(scope, 8_192);
    // Every answer is the same page: nothing tells a guesser whether a link or a person exists.
    scope.post('/public/assets/resend', { bodyLimit: 8_192, config: { auth: 'public', rateLimit: { max: 10, timeWindow: 60_000 } }, schema: { hide: true, body: ResendBody } }, async (request, reply: FastifyReply) => {
      const { token } = request.body as { token: string };
      const check = await checkDownloadToken(db, token);
      if (check.state !== 'invalid') {
        const [asset] = await assetsByIds(db, check.claims.w, [check.claims.a]);
        if (asset) await enqueueFreshLink(db, token, check.claims, baseUrlOf(request, deps.publicUrl), deps.linkTtlMs);
      }
      return sendPage(reply.header('cache-control', 'no-store'), linkResentDocument());
    });
  });
}
