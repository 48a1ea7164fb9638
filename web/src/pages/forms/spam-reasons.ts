import type { SpamPost } from '../../api/submissions';

/** Why a post was kept as spam, in words a marketer reads at a glance. */
export const SPAM_REASON_WORDS: Record<SpamPost['reason'], string> = {
  honeypot: 'Filled the hidden field',
  too_fast: 'Sent faster than a person can',
  ip_rate: 'Too many posts from one address',
  form_rate: 'Too many posts to the form at once',
  blocked_domain: 'Email domain is blocked',
  disposable_domain: 'Disposable email address',
  free_mail_domain: 'Free mail address on a work-only form',
};

/** Reasons a person is likely behind (the address alone was refused): worth a second look. */
export const LIKELY_PEOPLE: ReadonlySet<SpamPost['reason']> = new Set(['blocked_domain', 'disposable_domain', 'free_mail_domain', 'form_rate']);
