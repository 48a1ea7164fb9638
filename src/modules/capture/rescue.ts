import type { Kysely } from 'kysely';
import type { Actor } from '../../actor.js';
import { isId } from '../../db/ids.js';
import type { Tables } from '../../db/schema.js';
import { conflict, invalid, notFound } from '../../errors.js';
import type { Touch } from './attribution.js';
import type { FormDefinitionValue } from './definition.js';
import type { FormBody } from './form-body.js';
import { pageKey } from './page-key.js';
import { prepareSubmission, type Meta } from './prepare-submission.js';
import { addFormStats } from './subscribers.js';
import { writeSubmissions, type SubmissionItem } from './write-submissions.js';

/**
 * Makes a spam post a submission, as if it had been accepted when it came: its answers are
 * checked against the version it was posted to, then written by `writeSubmissions` like any
 * other (contact, consents, lists, timeline, `form.submitted`, notification), in one
 * transaction that also marks the spam row rescued (it leaves the spam list) and takes it off
 * the spam count of the day it was counted. The row is locked first, so a second rescue, even a
 * concurrent one, is refused (409) and never makes a second submission. Not through the
 * batcher: one rescue is one person's click, and it needs the lock in the same transaction.
 */
export async function rescueSpam(db: Kysely<Tables>, workspaceId: string, formId: string, spamId: string, actor: Actor): Promise<{ submission_id: string; contact_id: string }> {
  if (!isId(formId) || !isId(spamId)) throw notFound('Spam post');
  return db.transaction().execute(async (tx) => {
    const spam = await tx.selectFrom('form_spam').selectAll().where('workspace_id', '=', workspaceId).where('form_id', '=', formId).where('id', '=', spamId).forUpdate().executeTakeFirst();
    if (!spam) throw notFound('Spam post');
    if (spam.rescued_at) throw conflict('This post was already rescued', [{ field: 'spamId', in: 'params', message: `became submission ${spam.rescued_submission_id}` }]);
    const form = await tx
      .selectFrom('forms as f')
      .innerJoin('form_versions as v', (join) => join.onRef('v.workspace_id', '=', 'f.workspace_id').onRef('v.form_id', '=', 'f.id'))
      .select(['f.name', 'v.definition'])
      .where('f.workspace_id', '=', workspaceId)
      .where('f.id', '=', formId)
      .where('v.version', '=', spam.form_version)
      .executeTakeFirstOrThrow();
    const def = form.definition as FormDefinitionValue;
    const touch: Touch = { page_url: spam.page_url, page_title: null, referrer: spam.referrer, utm: { source: null, medium: null, campaign: null, term: null, content: null, ...(spam.utm as Partial<Touch['utm']> | null) } };
    const meta: Meta = { sid: null, version: spam.form_version, honeypot: null, elapsedMs: null, visitorId: spam.visitor_id, source: null, touch };
    const prepared = prepareSubmission(def, spam.values as FormBody, meta, form.name);
    const notValid = (errors: Array<{ field: string; message: string }>) =>
      invalid('The post’s answers are not valid for its form: it cannot become a submission', errors.map((e) => ({ field: `values.${e.field}`, in: 'body', message: e.message })));
    if ('errors' in prepared) throw notValid(prepared.errors);

    const item: SubmissionItem = {
      kind: 'submission', workspaceId, form: { id: formId, name: form.name, version: spam.form_version }, clientSubmissionId: `rescue:${spam.id}`,
      prepared: prepared.ready, settings: def.settings, context: { touch, pageKey: pageKey(spam.page_url), visitorId: spam.visitor_id, source: null, ip: spam.ip, userAgent: spam.user_agent },
      rescue: { spamId: spam.id, actor },
    };
    const [outcome] = await writeSubmissions(tx, [item]);
    if (outcome!.status === 'invalid') throw notValid(outcome!.errors);
    if (outcome!.status !== 'accepted') throw conflict('The address was erased at the person’s request and the post gave no consent: it stays out');
    const submission = await tx.selectFrom('form_submissions').select('contact_id').where('workspace_id', '=', workspaceId).where('id', '=', outcome!.submissionId).executeTakeFirstOrThrow();
    await tx
      .updateTable('form_spam')
      .set({ rescued_at: new Date(), rescued_by: actor.id, rescued_submission_id: outcome!.submissionId })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', spam.id)
      .execute();
    // It was never spam: off the count of the day it was counted on (the submission counts on the day it is rescued, by its event).
    await addFormStats(tx, [{ workspaceId, formId, day: spam.created_at.toISOString().slice(0, 10), pageKey: pageKey(spam.page_url), spam: -1 }]);
    return { submission_id: outcome!.submissionId, contact_id: submission.contact_id! };
  });
}
