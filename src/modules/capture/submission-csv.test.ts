import { describe, expect, it } from 'vitest';
import { submissionHeader, submissionRow } from './submission-csv.js';
import type { SubmissionView } from './submission-queries.js';

const submission: SubmissionView = {
  id: 's1', form_id: 'f1', form_name: 'Newsletter', form_version: 2, submitted_at: new Date('2026-03-05T10:00:00.123Z'), email: 'ana@x.example',
  contact: { id: 'c1', email: 'ana@x.example', name: 'Ana Lima' },
  values: { email: 'ana@x.example', interests: ['seo', 'ads'], consent: true, ip: 'typed by the visitor' },
  page_url: 'https://site.example/p', page_title: null, referrer: null,
  utm: { source: 'news', medium: null, campaign: 'spring', term: null, content: null },
  ip: '203.0.113.0', user_agent: 'UA', rescued_from: null,
  consents: [{ consent_id: 'k1', purpose: 'email_marketing', granted: true, text_shown: 'Yes' }, { consent_id: 'k2', purpose: 'terms', granted: false, text_shown: 'Terms' }],
};

describe('submissions CSV columns', () => {
  it('puts the field keys first, then the metadata; a key named like a metadata column is prefixed field.', () => {
    const header = submissionHeader(['email', 'interests', 'ip']);
    expect(header.slice(0, 4)).toEqual(['email', 'interests', 'field.ip', 'submission_id']);
    expect(header.filter((h) => h === 'ip')).toHaveLength(1);
  });

  it('writes a submission as text cells: lists joined, ticks true/false, consents in words, a field a version did not ask empty', () => {
    const keys = ['email', 'interests', 'consent', 'company', 'ip'];
    const row = submissionRow(submission, keys);
    const cell = (name: string) => row[submissionHeader(keys).indexOf(name)];
    expect([cell('email'), cell('interests'), cell('consent'), cell('company'), cell('field.ip')]).toEqual(['ana@x.example', 'seo; ads', 'true', '', 'typed by the visitor']);
    expect([cell('submitted_at'), cell('form_version'), cell('contact_name'), cell('consents'), cell('utm_campaign'), cell('ip'), cell('page_title')]).toEqual([
      '2026-03-05T10:00:00.123Z', '2', 'Ana Lima', 'email_marketing: yes; terms: no', 'spring', '203.0.113.0', '',
    ]);
  });
});
