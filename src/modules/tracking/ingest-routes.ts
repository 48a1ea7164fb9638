// `POST /public/events`: what t.js sends from a site on any origin. Validated, enriched,
// written by the group commit, answered 204 once committed (or 503 with Retry-After when the
// database falls behind). Batches that must not be stored (bots, Do-Not-Track, no consent) are
// answered the same 204 and counted, so a site cannot tell them apart.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Tables } from '../../db/schema.js';
import type { WriteBuffer } from '../../db/write-buffer.js';
import { invalid, notFound } from '../../errors.js';
import { ANY_ORIGIN } from '../../http/cross-origin.js';
import { truncateIp } from '../../lib/ip.js';
import type { Drop, DropReason } from './drops.js';
import { deviceOf, type Device } from './enrich/index.js';
import { claimedContact, identifyVisitor } from './identity.js';
import { prepareBatch, checkIds, type PreparedBatch } from './prepare.js';
import type { IngestPolicies, IngestPolicy } from './settings.js';
import { BATCH_BODY_LIMIT, EventBatch, type EventBatchInput } from './wire.js';
import type { EventWriter } from './write-events.js';

export interface IngestDeps {
  db: Kysely<Tables>;
  policies: IngestPolicies;
  writer: EventWriter;
  drops: WriteBuffer<Drop>;
  /** Batches per client IP and minute (0: no limit). */
  batchesPerIpPerMinute: number;
}

/** sendBeacon posts text/plain (no CORS preflight); fetch may say JSON. Both carry JSON. */
function acceptJsonText(scope: FastifyInstance): void {
  scope.removeContentTypeParser('application/json');
  scope.addContentTypeParser(['application/json', 'text/plain'], { parseAs: 'string', bodyLimit: BATCH_BODY_LIMIT }, (_request, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(invalid('The body is not JSON'), undefined);
    }
  });
}

export function ingestRoutes(app: FastifyInstance, deps: IngestDeps): void {
  const { policies, writer, drops } = deps;
  const drop = (workspaceId: string, reason: DropReason, events: number) => {
    drops.add({ workspaceId, reason, events }).catch((err: unknown) => app.log.warn({ err }, 'counting dropped tracking events failed'));
  };

  void app.register(async (scope) => {
    acceptJsonText(scope);
    scope.post('/public/events', {
      bodyLimit: BATCH_BODY_LIMIT,
      config: { auth: 'public', cors: ANY_ORIGIN, ...(deps.batchesPerIpPerMinute > 0 ? { rateLimit: { max: deps.batchesPerIpPerMinute, timeWindow: 60_000 } } : {}) },
      schema: {
        tags: ['tracking'],
        summary: 'Record a batch of tracked events (t.js)',
        description:
          'One visitor\'s events of one session, posted by t.js as JSON (`text/plain` or `application/json`). Answered 204 once stored; batches of bots, of browsers asking not to be tracked (when the workspace honours it) and without consent (when the workspace asks for it) get the same 204 and are only counted. 503 with `Retry-After` when the database falls behind. See docs/tracking-script.md.',
        body: EventBatch,
        response: { 204: { type: 'null', description: 'Stored (or dropped and counted)' } },
      },
    }, async (request, reply) => {
      const batch = request.body as EventBatchInput;
      checkIds(batch);
      const policy = await policies.get(batch.workspace_id);
      if (!policy) throw notFound('Workspace');
      const device = deviceOf(String(request.headers['user-agent'] ?? ''));
      const reason = refusal(batch, policy, request, device);
      if (reason) {
        drop(batch.workspace_id, reason, batch.events.length);
        return reply.code(204).send();
      }
      const prepared = prepareBatch(batch, { now: Date.now(), device, ip: storedIp(request.ip, policy), siteHosts: policy.siteHosts });
      const outcome = await writer.submit(prepared);
      if (outcome.refused) drop(batch.workspace_id, 'foreign_session', batch.events.length);
      else if (prepared.identifies.length) await identify(deps.db, prepared, policy, (r) => drop(batch.workspace_id, r, 1));
      return reply.code(204).send();
    });
  });
}

function refusal(batch: EventBatchInput, policy: IngestPolicy, request: FastifyRequest, device: Device): DropReason | null {
  if (device.device === 'bot') return 'bot';
  if (policy.respectDnt && (batch.dnt === true || request.headers.dnt === '1' || request.headers['sec-gpc'] === '1')) return 'do_not_track';
  if (policy.requireConsent && batch.consent !== true) return 'no_consent';
  return null;
}

const storedIp = (ip: string, policy: IngestPolicy) => (policy.truncateIps ? truncateIp(ip) : ip);

/** Identify claims of a stored batch, each in its own transaction (they are rare, and may create a contact). */
async function identify(db: Kysely<Tables>, batch: PreparedBatch, policy: IngestPolicy, refused: (reason: DropReason) => void): Promise<void> {
  for (const claim of batch.identifies) {
    const done = await db.transaction().execute(async (tx) => {
      const contact = await claimedContact(tx, batch.workspaceId, policy.identifyKey, claim);
      if (!contact) return false;
      const via = claim.kind === 'contact_token' ? 'email_click' : 'identify';
      await identifyVisitor(tx, {
        workspaceId: batch.workspaceId,
        visitorId: batch.visitorId,
        contactId: contact.contactId,
        via,
        conversion: { at: claim.at, kind: via, ref: null, url: claim.url },
        contactCreated: contact.created,
      });
      return true;
    }).catch((err: unknown) => {
      // A value the contacts engine refuses (class 22) is the site's mistake, not ours.
      if (String((err as { code?: string }).code ?? '').startsWith('22')) return false;
      throw err;
    });
    if (!done) refused('identify_refused');
  }
}
