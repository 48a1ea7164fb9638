import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { randomUUID } from 'node:crypto';
import { newId } from '../../db/ids.js';
import { normaliseEmail } from '../../lib/email-address.js';
import { AppError, forbidden, invalid, notFound, type FieldError } from '../../errors.js';
import { dynamicOrigins } from '../../http/cross-origin.js';
import { AfterSubmit, type FormDefinitionValue } from './definition.js';
import type { CachedForm, FormCache } from './form-cache.js';
import { acceptUrlencoded, SUBMIT_BODY_LIMIT, type FormBody } from './form-body.js';
import { hostedFormDocument, hostedPagePolicy, thanksDocument } from './render/hosted-document.js';
import type { FieldValue } from './render/form-view.js';
import { truncateIp } from '../../lib/ip.js';
import { normalisePage, pageKey } from './page-key.js';
import { clientSubmissionId, metaOf, prepareSubmission } from './prepare-submission.js';
import { publicForm, PublicFormSchema } from './public-view.js';
import type { SpamGuard, SpamVerdict } from './spam.js';
import type { SubmissionBatcher } from './write-submissions.js';
import type { CounterBuffer } from './counter-buffer.js';
import type { PostContext } from './write-submissions.js';
import type { QueryBuilder } from '../../db/database.js';
import { answeredByVisitor } from './known-visitor.js';
import { VISITOR_ID_PATTERN } from './visitor-id.js';
import { thankYouLink } from './pages/thank-you.js';
import { offeredDownload, submissionOfThanksToken, thanksToken } from './assets/offer.js';
import { baseUrlOf } from '../../http/base-url.js';
import { isBot } from './bots.js';

export interface PublicRouteDeps {
  db: QueryBuilder;
  cache: FormCache;
  counters: CounterBuffer;
  batcher: SubmissionBatcher;
  spam: SpamGuard;
  /** Hard limit per client IP and minute on submissions; 0: none. */
  submitsPerIpPerMinute: number;
  /** Where the download link of a form's asset points (PUBLIC_URL; else the request's origin), and how long it works. */
  publicUrl: string | null;
  linkTtlMs: number;
}

// Either encoding: field keys (and meta keys) to text, a number, true/false, or a list of texts.
const SubmitBody = Type.Unsafe<FormBody>({
  type: 'object',
  maxProperties: 300,
  propertyNames: { maxLength: 100 },
  additionalProperties: {
    anyOf: [{ type: 'string', maxLength: 20_000 }, { type: 'number' }, { type: 'boolean' }, { type: 'array', maxItems: 500, items: { type: 'string', maxLength: 1000 } }],
  },
  description: 'The answers by field key, and the meta keys `_sid` (idempotency key, 8–64 of A–Z a–z 0–9 _ -), `_v` (the version shown), `_hp` (honeypot: leave empty), `_t` (ms since the form was shown), `_vid`, `_src` (`page:ID` or `popup:ID`: the Inflow page or pop-up the form was on), `_page`, `_title`, `_ref`, `_utm_source` … `_utm_content`',
});
const Accepted = Type.Object({
  status: Type.Literal('accepted'),
  submission_id: Type.String(),
  after_submit: AfterSubmit,
  download_url: Type.Optional(Type.String({ description: 'When the form offers an asset: a signed, expiring link to it for the submitter' })),
  download_name: Type.Optional(Type.String({ description: 'The offered asset’s name' })),
});
const FormIdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const KnownQuery = Type.Object({ visitor: Type.String({ pattern: VISITOR_ID_PATTERN, description: 'The visitor id f.js keeps in localStorage[\'inflow_vid\']' }) });
const Known = Type.Object({ answered: Type.Array(Type.String(), { description: 'Keys of the form’s fields and queue fields the person already answered (never the answers)' }) });

/** The live form of an id, or 404 for unknown, draft-only and archived forms alike. */
async function liveForm(cache: FormCache, id: string): Promise<{ form: CachedForm; live: FormDefinitionValue }> {
  const form = await cache.form(id);
  const live = form?.status === 'live' && form.liveVersion ? await cache.version(form, form.liveVersion) : null;
  if (!form || !live) throw notFound('Form');
  return { form, live };
}

function wantsJson(request: FastifyRequest): boolean {
  return String(request.headers['content-type'] ?? '').includes('json') || String(request.headers.accept ?? '').includes('application/json');
}

/**
 * The routes pages on other sites call: a form's public view and its submission. Registered in
 * an encapsulated scope, which alone parses urlencoded bodies (the rest of the API is JSON only).
 */
export function publicRoutes(app: FastifyInstance, deps: PublicRouteDeps): void {
  const { cache } = deps;
  // A form's live version names the sites that may post it; none named: any.
  const cors = dynamicOrigins(async (request) => {
    const form = await cache.form((request.params as { id?: string }).id ?? '');
    const live = form?.status === 'live' && form.liveVersion ? await cache.version(form, form.liveVersion) : null;
    return live && live.settings.allowed_origins.length > 0 ? live.settings.allowed_origins : '*';
  });

  void app.register(async (scope) => {
    acceptUrlencoded(scope);

    scope.get(
      '/public/forms/:id',
      { config: { auth: 'public', cors }, schema: { hide: true, params: FormIdParams, response: { 200: PublicFormSchema } } },
      async (request, reply) => {
        const { form } = await liveForm(cache, (request.params as { id: string }).id);
        const def = (await cache.version(form, form.liveVersion!))!;
        reply.header('cache-control', 'public, max-age=60, stale-while-revalidate=600').header('etag', `"v${form.liveVersion}"`);
        return publicForm(form.id, form.liveVersion!, def);
      },
    );

    // A version a page rendered: it never changes, so it may be cached for good (f.js keeps the one it showed).
    scope.get(
      '/public/forms/:id/v/:version',
      { config: { auth: 'public', cors }, schema: { hide: true, params: Type.Object({ id: Type.String({ maxLength: 64 }), version: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }) }), response: { 200: PublicFormSchema } } },
      async (request, reply) => {
        const params = request.params as { id: string; version: number };
        const { form } = await liveForm(cache, params.id);
        const def = await cache.version(form, params.version);
        if (!def) throw notFound('Form version');
        reply.header('cache-control', 'public, max-age=31536000, immutable');
        return publicForm(form.id, params.version, def);
      },
    );

    // Progressive profiling: which questions the person behind a visitor id answered. Keys only,
    // and the same empty answer for a visitor nobody knows as for one with nothing answered.
    scope.get(
      '/public/forms/:id/known',
      { config: { auth: 'public', cors, rateLimit: { max: 600, timeWindow: 60_000 } }, schema: { hide: true, params: FormIdParams, querystring: KnownQuery, response: { 200: Known } } },
      async (request, reply) => {
        const { form, live } = await liveForm(cache, (request.params as { id: string }).id);
        const answered = await answeredByVisitor(deps.db, form.workspaceId, form.id, live, (request.query as { visitor: string }).visitor);
        reply.header('cache-control', 'private, no-store');
        return { answered };
      },
    );

    // Beacons from f.js (sendBeacon: urlencoded, no preflight): a view, a start, the fields touched when the page goes.
    scope.post(
      '/public/forms/:id/events',
      { bodyLimit: 8_192, config: { auth: 'public', cors, rateLimit: { max: 600, timeWindow: 60_000 } }, schema: { hide: true, params: FormIdParams, body: SubmitBody } },
      async (request, reply) => {
        await recordBeacon(request as FastifyRequest<{ Params: { id: string }; Body: FormBody }>, deps);
        return reply.code(204).send();
      },
    );

    scope.post(
      '/public/forms/:id/submit',
      {
        bodyLimit: SUBMIT_BODY_LIMIT,
        config: { auth: 'public', cors, ...(deps.submitsPerIpPerMinute > 0 ? { rateLimit: { max: deps.submitsPerIpPerMinute, timeWindow: 60_000 } } : {}) },
        schema: {
          tags: ['forms'],
          summary: 'Submit a form (JSON or urlencoded; a plain HTML post is answered 303)',
          params: FormIdParams,
          body: SubmitBody,
          response: { 201: Accepted, 303: Type.Null({ description: 'A post without JavaScript: to the thank-you page or the form’s redirect' }) },
        },
      },
      (request, reply) => submit(request as FastifyRequest<{ Params: { id: string }; Body: FormBody }>, reply, deps),
    );
  });
}

async function recordBeacon(request: FastifyRequest<{ Params: { id: string }; Body: FormBody }>, deps: PublicRouteDeps): Promise<void> {
  const { form, live } = await liveForm(deps.cache, request.params.id);
  const body = request.body;
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw invalid('A beacon is an object');
  const kind = typeof body.e === 'string' ? body.e : '';
  if (kind !== 'view' && kind !== 'start' && kind !== 'fields') throw invalid('Unknown beacon', [{ field: 'e', in: 'body', message: 'must be view, start or fields' }]);
  if (isBot(request.headers['user-agent'])) return;
  const meta = metaOf(body);
  const base = { workspaceId: form.workspaceId, formId: form.id, day: new Date().toISOString().slice(0, 10), pageKey: pageKey(meta.touch.page_url), pageUrl: normalisePage(meta.touch.page_url) };
  if (kind === 'view') return deps.counters.add({ ...base, views: 1 });
  if (kind === 'start') return deps.counters.add({ ...base, starts: 1 });
  // Only keys of the form count: a beacon cannot invent rows.
  const known = new Set([...live.fields, ...live.progressive.queue].map((f) => f.key));
  const touched = [...new Set(String(body.touched ?? '').split(',').map((k) => k.trim()))].filter((k) => known.has(k)).slice(0, 80);
  const last = typeof body.last === 'string' && known.has(body.last) ? body.last : null;
  const submitted = body.submitted === '1' || body.submitted === 1 || body.submitted === true;
  const fields = touched.map((key) => ({ key, reached: 1, abandoned: !submitted && key === last ? 1 : 0 }));
  if (fields.length > 0) await deps.counters.add({ ...base, fields });
}

/**
 * The hosted pages: the form alone on a page of its own (`/f/:id`, to link from an email or an
 * ad) and the thank-you page a post without JavaScript lands on. No script; nothing from the
 * query string is written into them.
 */
export function hostedRoutes(app: FastifyInstance, { db, cache, counters, linkTtlMs }: Pick<PublicRouteDeps, 'db' | 'cache' | 'counters' | 'linkTtlMs'>): void {
  app.get('/f/:id', { config: { auth: 'public' }, schema: { hide: true, params: FormIdParams } }, async (request, reply) => {
    const { form, live } = await liveForm(cache, (request.params as { id: string }).id);
    const view = publicForm(form.id, form.liveVersion!, live);
    // Counted without waiting: the page needs no answer from the counters.
    counters.add({ workspaceId: form.workspaceId, formId: form.id, day: new Date().toISOString().slice(0, 10), pageKey: '', pageUrl: null, views: 1 }).catch((err: unknown) => request.log.warn({ err }, 'a hosted form view was not counted'));
    return hostedPage(reply, form.name, view, { idPrefix: 'f-', action: view.submit_url, meta: { _sid: randomUUID() } });
  });

  const ThanksQuery = Type.Object({ v: Type.Optional(Type.Integer({ minimum: 1 })), s: Type.Optional(Type.String({ maxLength: 2048, description: 'Signed, short-lived: the submission the page follows' })) });
  app.get('/f/:id/thanks', { config: { auth: 'public' }, schema: { hide: true, params: FormIdParams, querystring: ThanksQuery } }, async (request, reply) => {
    const { form, live } = await liveForm(cache, (request.params as { id: string }).id);
    const { v: asked, s: token } = request.query as { v?: number; s?: string };
    const def = (asked ? await cache.version(form, asked) : null) ?? live;
    const after = def.settings.after_submit;
    const title = after.type === 'page' ? after.title : form.name;
    const message = after.type === 'redirect' || after.type === 'landing_page' ? 'Thank you!' : after.message;
    const submissionId = def.settings.asset_id ? submissionOfThanksToken(form.secret, token) : null;
    const offer = submissionId ? await offeredDownload(db, form.workspaceId, def.settings.asset_id, submissionId, linkTtlMs) : null;
    // A page holding a download link signed for one person is theirs alone: never cached.
    if (offer) reply.header('cache-control', 'private, no-store');
    return sendPage(reply, thanksDocument({ title, message, cssHref: '/f.css', download: offer ? { url: offer.path, name: offer.name } : null }));
  });
}

async function submit(request: FastifyRequest<{ Params: { id: string }; Body: FormBody }>, reply: FastifyReply, deps: PublicRouteDeps) {
  const { cache, batcher, spam } = deps;
  const { form, live } = await liveForm(cache, request.params.id);
  const origin = request.headers.origin;
  if (origin && live.settings.allowed_origins.length > 0 && !live.settings.allowed_origins.includes(origin)) {
    throw forbidden(`This form does not accept submissions from ${origin}`);
  }
  const body = request.body;
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw invalid('A form post is an object of answers');
  const meta = metaOf(body);
  const version = meta.version ?? form.liveVersion!;
  const def = await cache.version(form, version);
  if (!def) throw invalid('No such version of the form', [{ field: '_v', in: 'body', message: `is not a published version of this form` }]);
  const json = wantsJson(request);
  const ip = request.ip;
  const context: PostContext = {
    touch: meta.touch,
    pageKey: pageKey(meta.touch.page_url),
    visitorId: meta.visitorId,
    source: meta.source,
    ip: form.truncateIps ? truncateIp(ip) : ip,
    userAgent: String(request.headers['user-agent'] ?? '').slice(0, 500) || null,
  };
  const sid = clientSubmissionId(meta, form.id, ip, body);
  const ref = { id: form.id, version };

  const asSpam = async (verdict: SpamVerdict, email: string | null) => {
    const answers = Object.fromEntries(Object.entries(body).filter(([key]) => !key.startsWith('_')));
    await batcher.submit({ kind: 'spam', workspaceId: form.workspaceId, form: ref, clientSubmissionId: meta.sid, verdict, email, values: answers, context });
    return succeed(request, reply, deps, { json, form, def, version, submissionId: newId(), recorded: false });
  };

  const early = spam.beforeValidation(form.id, def, meta, ip);
  if (early) return asSpam(early, emailOf(def, body));
  const prepared = prepareSubmission(def, body, meta, form.name);
  if ('errors' in prepared) return fail(reply, json, form, prepared.errors, { def, version, body });
  const late = spam.afterValidation(def, prepared.ready.email);
  if (late) return asSpam(late, prepared.ready.email);

  const outcome = await batcher.submit({
    kind: 'submission', workspaceId: form.workspaceId, form: { ...ref, name: form.name }, clientSubmissionId: sid, prepared: prepared.ready, settings: def.settings, context,
  });
  if (outcome.status === 'invalid') return fail(reply, json, form, outcome.errors, { def, version, body });
  // An erased address without a fresh consent is answered like a success: it was stored nowhere.
  const recorded = outcome.status === 'accepted';
  return succeed(request, reply, deps, { json, form, def, version, submissionId: recorded ? outcome.submissionId : newId(), recorded });
}

/** The address a post gives, when it is one: spam keeps it (to rescue it, to erase it with the person). */
function emailOf(def: FormDefinitionValue, body: FormBody): string | null {
  const field = def.fields.find((f) => f.kind === 'email');
  const raw = field && Object.hasOwn(body, field.key) ? body[field.key] : undefined;
  if (typeof raw !== 'string') return null;
  const checked = normaliseEmail(raw);
  return checked.ok ? checked.email : null;
}

/**
 * The answer to an accepted post (and, alike, to spam and to an erased address: nothing tells
 * them apart). A form that offers an asset adds its download: a link in the JSON, a signed
 * token naming the submission on the thank-you page's URL.
 */
async function succeed(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: PublicRouteDeps,
  post: { json: boolean; form: CachedForm; def: FormDefinitionValue; version: number; submissionId: string; recorded: boolean },
) {
  const { form, def, submissionId } = post;
  let after = def.settings.after_submit;
  if (after.type === 'landing_page') {
    // To the thank-you page with a token naming the submission (a spam post gets one too, naming nothing).
    const url = await thankYouLink(deps.db, { workspaceId: form.workspaceId, secret: form.secret, pageId: after.page_id, submissionId, origin: baseUrlOf(request, deps.publicUrl) });
    after = url ? { type: 'redirect', url } : { type: 'message', message: 'Thank you!' };
  }
  if (post.json) {
    const offer = await offeredDownload(deps.db, form.workspaceId, def.settings.asset_id, post.recorded ? submissionId : null, deps.linkTtlMs);
    const download = offer ? { download_url: `${baseUrlOf(request, deps.publicUrl)}${offer.path}`, download_name: offer.name } : {};
    return reply.code(201).send({ status: 'accepted', submission_id: submissionId, after_submit: after, ...download });
  }
  // Where to go is the form's own setting, never anything the request says.
  if (after.type === 'redirect') return reply.code(303).header('location', after.url).send(null);
  const thanks = def.settings.asset_id ? `&s=${thanksToken(form.secret, submissionId)}` : '';
  return reply.code(303).header('location', `/f/${form.id}/thanks?v=${post.version}${thanks}`).send(null);
}

function fail(reply: FastifyReply, json: boolean, form: CachedForm, errors: FieldError[], page: { def: FormDefinitionValue; version: number; body: FormBody }) {
  const fields = errors.map((e) => ({ ...e, in: 'body' }));
  if (json) throw new AppError('invalid_input', 'Some answers are not valid', fields);
  // Without JavaScript: the form again, with what the visitor typed and each error by its field.
  const byField: Record<string, string> = {};
  for (const e of errors) byField[e.field] ??= e.message;
  const values: Record<string, FieldValue> = {};
  for (const [key, value] of Object.entries(page.body)) if (!key.startsWith('_') && (typeof value === 'string' || Array.isArray(value))) values[key] = value as FieldValue;
  const view = publicForm(form.id, page.version, page.def);
  return hostedPage(reply.code(400), form.name, view, { idPrefix: 'f-', values, errors: byField, status: 'Some answers need another look.', action: view.submit_url });
}

function hostedPage(reply: FastifyReply, title: string, view: ReturnType<typeof publicForm>, state: Parameters<typeof hostedFormDocument>[0]['state']) {
  // A fresh client submission id is in the page: it must not be served from a cache.
  return sendPage(reply.header('cache-control', 'no-store'), hostedFormDocument({ title, form: view, state, cssHref: '/f.css' }));
}

/** A hosted page, with its own policy: no script at all, styles from Inflow only. */
export function sendPage(reply: FastifyReply, html: string) {
  return reply.type('text/html; charset=utf-8').header('content-security-policy', hostedPagePolicy()).send(html);
}
