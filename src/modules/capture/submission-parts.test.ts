import { describe, expect, it } from 'vitest';
import type { FormDefinitionValue } from './definition.js';
import { parseFormBody } from './form-body.js';
import { truncateIp } from '../../lib/ip.js';
import { normalisePage, pageKey } from './page-key.js';
import { clientSubmissionId, metaOf, prepareSubmission } from './prepare-submission.js';
import { FORM_TEMPLATES } from './templates.js';
import { definitionProblems } from './definition.js';

describe('parseFormBody', () => {
  it('keeps every key as data (no prototype), lists repeated keys, and refuses floods', () => {
    const body = parseFormBody('__proto__=x&constructor=y&a=1&a=2&a=3&b=%F0%9F%98%80');
    expect(Object.getPrototypeOf(body)).toBeNull();
    expect(Object.entries(body)).toEqual([['__proto__', 'x'], ['constructor', 'y'], ['a', ['1', '2', '3']], ['b', '😀']]);
    expect(() => parseFormBody(Array.from({ length: 301 }, (_, i) => `f${i}=1`).join('&'))).toThrow(/at most 300/);
    expect(() => parseFormBody(`a=${'x'.repeat(20_001)}`)).toThrow(/longer than 20000/);
    expect(parseFormBody('')).toEqual({});
    expect({ ...parseFormBody('email=%ZZ') }).toEqual({ email: '%ZZ' });
  });
});

describe('truncateIp, pageKey', () => {
  it('keeps the network part of an address', () => {
    expect(truncateIp('203.0.113.77')).toBe('203.0.113.0');
    expect(truncateIp('2001:db8:85a3:8d3:1319:8a2e:370:7348')).toBe('2001:db8:85a3::');
    expect(truncateIp('2001:db8::1')).toBe('2001:db8:0::');
    expect(truncateIp('::ffff:198.51.100.9')).toBe('198.51.100.0');
  });

  it('gives UTM variants of one page one key, and none to what is not a web page', () => {
    expect(normalisePage('HTTPS://Site.Example/Pricing/?utm_source=x#top')).toBe('https://site.example/Pricing');
    expect(pageKey('https://site.example/pricing?utm_source=a')).toBe(pageKey('https://SITE.example/pricing/'));
    expect(pageKey('javascript:alert(1)')).toBe('');
    expect(pageKey(null)).toBe('');
  });
});

describe('prepareSubmission', () => {
  const def = structuredClone(FORM_TEMPLATES.find((t) => t.id === 'ebook')!.definition) as FormDefinitionValue;
  def.fields.push(
    { key: 'campaign', kind: 'hidden', label: 'Campaign', required: false, source: 'utm_campaign', maps_to: { to: 'none' } },
    { key: 'ref', kind: 'hidden', label: 'Ref', required: false, source: 'query', param: 'ref', maps_to: { to: 'none' } },
    { key: 'channel', kind: 'hidden', label: 'Channel', required: false, source: 'fixed', value: 'web', maps_to: { to: 'none' } },
  );

  it('fills hidden fields from the page, leaves empty answers out, and takes tags and stage from the settings', () => {
    const body = { first_name: 'Ana', email: 'ana@acme.example', company: '', channel: 'forged', _page: 'https://site.example/?utm_campaign=spring&ref=partner' };
    const result = prepareSubmission(def, body, metaOf(body), 'Guide');
    expect(result).toHaveProperty('ready');
    const { ready } = result as Extract<typeof result, { ready: unknown }>;
    expect(ready.values).toEqual({ first_name: 'Ana', email: 'ana@acme.example', campaign: 'spring', ref: 'partner', channel: 'web' });
    expect(ready.contact).toMatchObject({ first_name: 'Ana', email: 'ana@acme.example', utm_campaign: 'spring', origin: 'form', tags: ['ebook'], lifecycle_stage: 'lead', latest_source_detail: 'form: Guide' });
    expect(ready.contact).not.toHaveProperty('company_name');
    expect(ready.contact).not.toHaveProperty('referrer');
  });

  it('fills a hidden field posted empty, as f.js and a plain HTML form post it, from the page', () => {
    const body = { first_name: 'Ana', email: 'ana@acme.example', campaign: '', ref: ' ', _page: 'https://site.example/?utm_campaign=spring&ref=partner' };
    const result = prepareSubmission(def, body, metaOf(body), 'Guide') as { ready: { values: Record<string, unknown> } };
    expect(result.ready.values).toMatchObject({ campaign: 'spring', ref: 'partner' });
  });

  it('does not require a field a known visitor was spared (a queue field came in its place)', () => {
    const body = { email: 'ana@acme.example', job_title: 'CTO' };
    const result = prepareSubmission(def, body, metaOf(body), 'Guide');
    expect((result as { ready: { contact: Record<string, unknown> } }).ready.contact).toMatchObject({ job_title: 'CTO' });
    expect(prepareSubmission(def, { email: 'ana@acme.example' }, metaOf({}), 'Guide')).toEqual({ errors: [{ field: 'first_name', message: 'is required' }] });
  });

  it('keys a post without _sid by what was posted, from where, within ten minutes', () => {
    const body = { email: 'a@b.co', _t: '5000' };
    const at = Date.UTC(2026, 0, 1, 12, 1);
    const key = clientSubmissionId(metaOf(body), 'f', '1.2.3.4', body, at);
    expect(key).toMatch(/^h:[0-9a-f]{40}$/);
    expect(clientSubmissionId(metaOf({ email: 'a@b.co' }), 'f', '1.2.3.4', { email: 'a@b.co' }, at + 60_000)).toBe(key);
    expect(clientSubmissionId(metaOf(body), 'f', '1.2.3.5', body, at)).not.toBe(key);
    expect(clientSubmissionId(metaOf({ _sid: 'abcdefgh' }), 'f', '1.2.3.4', body, at)).toBe('abcdefgh');
    expect(clientSubmissionId(metaOf({ _sid: 'bad sid!' }), 'f', '1.2.3.4', body, at)).toMatch(/^h:/);
  });
});

describe('the templates', () => {
  it('are definitions without problems', () => {
    for (const template of FORM_TEMPLATES) expect({ id: template.id, problems: definitionProblems(template.definition) }).toEqual({ id: template.id, problems: [] });
  });

  it('find duplicate keys and targets, a missing email, and queue fields that cannot be there', () => {
    const def = structuredClone(FORM_TEMPLATES[1]!.definition) as FormDefinitionValue;
    def.fields = def.fields.filter((f) => f.kind !== 'email');
    def.fields.push({ ...def.fields[0]!, key: 'first_name' });
    def.progressive.queue.push({ key: 'c', kind: 'consent', label: 'C', required: false, purpose: 'p', text: 't', maps_to: { to: 'none' } });
    expect(definitionProblems(def).map((p) => p.field)).toEqual(['fields.5.key', 'fields.5.maps_to', 'progressive.queue.0.kind', 'fields']);
  });
});
