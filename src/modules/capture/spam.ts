import type { SpamReason } from '../../db/schema.js';
import { RateLimiter } from '../../http/rate-limit.js';
import { emailDomain } from '../../lib/email-address.js';
import { isDisposableDomain } from '../companies/company-domain.js';
import type { FormDefinitionValue } from './definition.js';
import type { Meta } from './prepare-submission.js';

export interface SpamVerdict {
  reason: SpamReason;
  detail: string;
}

/**
 * The soft limits and checks whose failures are answered exactly like a success (no signal to
 * a bot) and kept in form_spam for a person to rescue. Limits are per process (DESIGN.md).
 */
export class SpamGuard {
  private readonly perIp = new RateLimiter(Number.MAX_SAFE_INTEGER, 3_600_000);
  private readonly perForm = new RateLimiter(Number.MAX_SAFE_INTEGER, 60_000);

  /** Before the values are read: honeypot, fill time, rates. Counts the post against the limits. */
  beforeValidation(formId: string, def: FormDefinitionValue, meta: Meta, ip: string): SpamVerdict | null {
    if (meta.honeypot) return { reason: 'honeypot', detail: 'the hidden field was filled in' };
    const min = def.settings.spam.min_fill_seconds * 1000;
    // Only f.js says how long the page was open; a plain HTML post relies on the other checks.
    if (min > 0 && meta.elapsedMs !== null && meta.elapsedMs < min) return { reason: 'too_fast', detail: `filled in ${meta.elapsedMs} ms` };
    const { max_per_ip_per_hour: ipMax, max_per_form_per_minute: formMax } = def.settings.spam;
    const ipKey = `${formId}|${ip}`;
    if (ipMax > 0) {
      this.perIp.hit(ipKey);
      if (this.perIp.count(ipKey) > ipMax) return { reason: 'ip_rate', detail: `more than ${ipMax} posts from this address in an hour` };
    }
    if (formMax > 0) {
      this.perForm.hit(formId);
      if (this.perForm.count(formId) > formMax) return { reason: 'form_rate', detail: `more than ${formMax} posts to this form in a minute` };
    }
    return null;
  }

  /** After validation, on the valid address: blocked domains (and their subdomains), disposable ones. */
  afterValidation(def: FormDefinitionValue, email: string): SpamVerdict | null {
    const domain = emailDomain(email).toLowerCase();
    const blocked = def.settings.spam.blocked_domains.find((d) => domain === d || domain.endsWith(`.${d}`));
    if (blocked) return { reason: 'blocked_domain', detail: `the domain ${blocked} is blocked` };
    if (def.settings.spam.block_disposable && isDisposableDomain(domain)) return { reason: 'disposable_domain', detail: `${domain} is a disposable address domain` };
    return null;
  }
}
