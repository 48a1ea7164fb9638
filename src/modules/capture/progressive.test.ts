import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FormDefinitionValue, FormFieldValue } from './definition.js';
import { metaOf, prepareSubmission } from './prepare-submission.js';
import { answeredKeys, isReplaceable, progressiveFields } from './progressive.js';
import { FORM_TEMPLATES } from './templates.js';
import { isVisitorId, randomUuid } from './visitor-id.js';

const none = { to: 'none' } as const;
const text = (key: string, required = false, maps_to: FormFieldValue['maps_to'] = none) =>
  ({ key, kind: 'text', label: key, required, max_length: 200, format: 'plain', maps_to }) as FormFieldValue;
const email = { key: 'email', kind: 'email', label: 'Email', required: true, business_only: false, maps_to: { to: 'standard', field: 'email' } } as FormFieldValue;
const consent = { key: 'news', kind: 'consent', label: 'News', required: false, purpose: 'email_marketing', text: 'Send me news', maps_to: none } as FormFieldValue;
const keys = (fields: readonly { key: string }[]) => fields.map((f) => f.key);

describe('progressiveFields', () => {
  const fields = [text('first_name', true), email, text('company'), consent];
  const queue = [text('job_title'), text('phone'), text('team_size')];

  it('asks the next unanswered queue fields in place of answered ones, in order, keeping the length', () => {
    expect(keys(progressiveFields(fields, queue, ['first_name', 'company']))).toEqual(['job_title', 'email', 'phone', 'news']);
    expect(keys(progressiveFields(fields, queue, ['first_name', 'company', 'job_title']))).toEqual(['phone', 'email', 'team_size', 'news']);
  });

  it('shows the usual form to a visitor nobody knows, and keeps answered fields once the queue is spent', () => {
    expect(keys(progressiveFields(fields, queue, []))).toEqual(keys(fields));
    expect(keys(progressiveFields(fields, queue, ['first_name', 'company', 'job_title', 'phone']))).toEqual(['team_size', 'email', 'company', 'news']);
    expect(keys(progressiveFields(fields, [], ['first_name', 'company']))).toEqual(keys(fields));
  });

  it('never replaces the email, a consent or a hidden field, whatever is said of them', () => {
    const hidden = { key: 'campaign', kind: 'hidden', label: 'C', required: false, source: 'utm_campaign', maps_to: none } as FormFieldValue;
    expect(keys(progressiveFields([email, consent, hidden], queue, ['email', 'news', 'campaign']))).toEqual(['email', 'news', 'campaign']);
    expect(['email', 'consent', 'hidden'].map((k) => isReplaceable(k as FormFieldValue['kind']))).toEqual([false, false, false]);
  });

  it('holds for any form, queue and answers: same length, fixed fields in place, no key twice, nothing answered asked while the queue has more', () => {
    const kinds = ['text', 'email', 'consent', 'hidden', 'select'] as const;
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ key: fc.stringMatching(/^[a-h]$/), kind: fc.constantFrom(...kinds) }), { selector: (f) => f.key, maxLength: 8 }),
        fc.uniqueArray(fc.stringMatching(/^[i-p]$/), { maxLength: 8 }),
        fc.array(fc.stringMatching(/^[a-p]$/), { maxLength: 16 }),
        (fields, queueKeys, answered) => {
          const queue = queueKeys.map((key) => ({ key, kind: 'text' as const }));
          const shown = progressiveFields(fields, queue, answered);
          const done = new Set(answered);
          expect(shown).toHaveLength(fields.length);
          expect(new Set(keys(shown)).size).toBe(shown.length);
          fields.forEach((f, i) => {
            if (!isReplaceable(f.kind) || !done.has(f.key)) expect(shown[i]).toBe(f);
          });
          const fromQueue = shown.filter((f) => queueKeys.includes(f.key));
          expect(keys(fromQueue)).toEqual(queueKeys.filter((k) => !done.has(k)).slice(0, fromQueue.length));
          const keptAnswered = shown.some((f) => isReplaceable(f.kind) && done.has(f.key));
          if (keptAnswered) expect(fromQueue).toHaveLength(queueKeys.filter((k) => !done.has(k)).length);
        },
      ),
    );
  });

  it('makes a form the server accepts with the queue fields left empty (an unticked box is sent empty)', () => {
    const def = structuredClone(FORM_TEMPLATES.find((t) => t.id === 'ebook')!.definition) as FormDefinitionValue;
    def.progressive.queue = [{ key: 'call_me', kind: 'checkbox', label: 'Call me', required: false, maps_to: none }];
    const shown = progressiveFields(def.fields, def.progressive.queue, ['first_name']);
    expect(keys(shown)).toEqual(['call_me', 'email', 'company']);
    const body = { email: 'ana@acme.example', company: '', call_me: '' };
    expect(prepareSubmission(def, body, metaOf(body), 'Guide')).toHaveProperty('ready');
  });
});

describe('answeredKeys', () => {
  const fields = [
    text('first_name', true, { to: 'standard', field: 'first_name' }),
    email,
    text('company', false, { to: 'standard', field: 'company_name' }),
    consent,
    text('plan', false, { to: 'custom', key: 'plan' }),
    text('team', false, { to: 'custom', key: 'team' }),
    text('goal'),
    text('budget'),
  ];

  it('counts a non-blank contact value where the field writes, or an earlier answer for a field that writes nowhere', () => {
    const person = {
      standard: { first_name: 'Ana', company_name: '  ', email: 'ana@acme.example' },
      custom: { plan: ['pro'], team: [] },
      submitted: new Set(['goal', 'news']),
    };
    expect(answeredKeys(fields, person)).toEqual(['first_name', 'plan', 'goal']);
  });

  it('counts a false or a zero as an answer, a missing value not', () => {
    const person = { standard: {}, custom: { plan: false, team: 0 }, submitted: new Set<string>() };
    expect(answeredKeys(fields, person)).toEqual(['plan', 'team']);
  });
});

describe('visitor ids', () => {
  it('are random version-4 UUIDs in lower case, and nothing else has their shape', () => {
    const ids = Array.from({ length: 200 }, randomUuid);
    expect(new Set(ids).size).toBe(200);
    for (const id of ids) {
      expect(isVisitorId(id)).toBe(true);
      expect(id[14]).toBe('4');
      expect('89ab').toContain(id[19]);
    }
    for (const bad of ['', '1', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', `${ids[0]}x`, ' ' + ids[0], '../../etc/passwd']) expect(isVisitorId(bad)).toBe(false);
  });
});
