// What a row says beyond the contact's fields: a note for its timeline, the consent it gave (the
// opt-in and the double opt-in's confirmation, with their times and addresses) and when it
// unsubscribed. Pure: `rowToContact` collects it, the chunk writer records it once the row's
// contact exists.
import { isIP } from 'node:net';
import type { StandardField } from './column-mapping.js';
import { parseDate } from './value-cleaning.js';

export interface ImportedConsent {
  granted: boolean;
  /** ISO time the other tool recorded. */
  occurred_at: string;
  ip: string | null;
  /** What the record says was agreed to, since the wording shown is not in the file. */
  text_shown: string;
}

export interface RowEvidence {
  note: string | null;
  consents: ImportedConsent[];
  /** When the person unsubscribed, as the file says. */
  unsubscribed_at: string | null;
}

/** The columns an import turns into evidence rather than contact fields. */
export const EVIDENCE_FIELDS: ReadonlySet<StandardField> = new Set<StandardField>([
  'notes', 'opt_in_time', 'opt_in_ip', 'confirm_time', 'confirm_ip', 'unsubscribed_at', 'cleaned_at',
]);

/** The fields whose columns an import may never leave out: opt-outs and the evidence of consent. */
export const COMPLIANCE_FIELDS: ReadonlySet<StandardField> = new Set<StandardField>([
  'do_not_email', 'do_not_call', 'opt_in_time', 'opt_in_ip', 'confirm_time', 'confirm_ip', 'unsubscribed_at', 'cleaned_at',
]);

// Headers of columns no table knows that still speak of consent or opt-outs ("GDPR consent",
// "LGPD - Base legal", "SMS opt out"): they are kept like any unknown column, and may not be
// left out.
const COMPLIANCE_HEADER = /opt.?(in|out)|consent|consentimento|unsub|gdpr|lgpd|legal.?basis|base.?legal|do.?not.?(e.?mail|call|contact)|dnc|black.?list|block.?list|suppress|bounce|cleaned/i;

export const isComplianceHeader = (header: string): boolean => COMPLIANCE_HEADER.test(header);

/** The cells of one row that go to evidence, by the field their column fills. */
export type EvidenceCells = Partial<Record<StandardField, { header: string; value: string }>>;

export interface EvidenceProblem {
  column: string;
  value: string;
  message: string;
}

const OPT_IN_WORDING = 'Opted in to email marketing (recorded by the previous tool; the wording shown is not in the imported file)';
const CONFIRM_WORDING = 'Confirmed the opt-in by email (double opt-in, recorded by the previous tool)';

/**
 * The evidence of one row. A time that cannot be read, or an address that is not one, leaves
 * that record out (or its address) with a warning: the contact still imports, and a consent
 * dated by guess would be worse than none.
 */
export function rowEvidence(cells: EvidenceCells, dayFirst: boolean): { evidence: RowEvidence; warnings: EvidenceProblem[] } {
  const warnings: EvidenceProblem[] = [];
  const timeOf = (field: StandardField): string | null => {
    const cell = cells[field];
    if (!cell) return null;
    const iso = parseDate(cell.value, { dayFirst });
    if (iso === null) warnings.push({ column: cell.header, value: cell.value, message: 'is not a date and time: no consent record was made of it' });
    return iso;
  };
  const ipOf = (field: StandardField): string | null => {
    const cell = cells[field];
    if (!cell) return null;
    if (isIP(cell.value) !== 0) return cell.value;
    warnings.push({ column: cell.header, value: cell.value, message: 'is not an IPv4 or IPv6 address: the consent record has none' });
    return null;
  };
  const consents: ImportedConsent[] = [];
  const optIn = timeOf('opt_in_time');
  const optInIp = ipOf('opt_in_ip');
  if (optIn) consents.push({ granted: true, occurred_at: optIn, ip: optInIp, text_shown: OPT_IN_WORDING });
  else if (optInIp && !cells.opt_in_time) {
    const cell = cells.opt_in_ip!;
    warnings.push({ column: cell.header, value: cell.value, message: 'has no opt-in time beside it: no consent record was made of it' });
  }
  const confirmed = timeOf('confirm_time');
  if (confirmed) consents.push({ granted: true, occurred_at: confirmed, ip: ipOf('confirm_ip'), text_shown: CONFIRM_WORDING });
  let unsubscribedAt: string | null = null;
  if (cells.unsubscribed_at) {
    const cell = cells.unsubscribed_at;
    unsubscribedAt = parseDate(cell.value, { dayFirst });
    if (unsubscribedAt) consents.push({ granted: false, occurred_at: unsubscribedAt, ip: null, text_shown: '' });
    else warnings.push({ column: cell.header, value: cell.value, message: 'is not a date and time: the contact is opted out of email, without the time' });
  }
  return { evidence: { note: cells.notes?.value ?? null, consents, unsubscribed_at: unsubscribedAt }, warnings };
}

export const hasEvidence = (evidence: RowEvidence): boolean =>
  evidence.note !== null || evidence.consents.length > 0 || evidence.unsubscribed_at !== null;
