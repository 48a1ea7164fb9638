import { domainToUnicode } from 'node:url';
import { getDomain } from 'tldts';
import { emailDomain, normaliseEmail } from '../../lib/email-address.js';
import { DISPOSABLE_DOMAINS } from './disposable-domains.js';
import { FREE_MAIL_DOMAINS } from './free-mail-domains.js';

// Letters that make a short label pronounceable; "y" counts, as in "Sky".
const VOWEL = /[aeiouy]/;

function cleanDomain(domain: string): string {
  return domain.trim().toLowerCase().replace(/\.$/, '');
}

/** True when `domain` or any parent of it is in `list`: one lookup per label, no TLD matches. */
function inList(list: ReadonlySet<string>, domain: string): boolean {
  const labels = cleanDomain(domain).split('.');
  for (let start = 0; start <= labels.length - 2; start++) {
    if (list.has(labels.slice(start).join('.'))) return true;
  }
  return false;
}

/** True for consumer mailbox domains (gmail.com, yahoo.co.jp) and their subdomains. */
export function isFreeMailDomain(domain: string): boolean {
  return inList(FREE_MAIL_DOMAINS, domain);
}

/** True for throwaway-inbox domains (mailinator.com, yopmail.com) and their subdomains. */
export function isDisposableDomain(domain: string): boolean {
  return inList(DISPOSABLE_DOMAINS, domain);
}

/**
 * The domain a company registers (`acme.co.uk` for `eu.mail.acme.co.uk`), by the Public Suffix
 * List's ICANN section (tldts, which ships the list and is updated with it); null when the
 * input is itself a public suffix or a bare label.
 */
export function registrableDomain(domain: string): string | null {
  const clean = cleanDomain(domain);
  if (clean.split('.').some((label) => label === '')) return null;
  return getDomain(clean, { allowPrivateDomains: false }) ?? null;
}

/**
 * The registrable domain of an address when it can identify an employer; null for invalid
 * addresses, for free-mail and disposable providers, and for reserved example domains. Subdomains collapse to the registrable
 * domain so that people at eu.acme.com and acme.com land in one company.
 */
export function companyDomainFromEmail(email: string): string | null {
  const normalised = normaliseEmail(email);
  return normalised.ok ? companyDomainOf(emailDomain(normalised.email)) : null;
}

// Names kept for documentation and testing (RFC 2606, RFC 6761): nobody's employer.
const RESERVED_DOMAINS: ReadonlySet<string> = new Set(['example.com', 'example.net', 'example.org']);
const RESERVED_TOP_LEVEL = new Set(['example', 'test', 'invalid', 'localhost', 'local']);

/** True for example.com/.net/.org and the reserved top-level names (.test, .example, .invalid, .localhost, .local). */
export function isReservedDomain(domain: string): boolean {
  const clean = cleanDomain(domain);
  return RESERVED_TOP_LEVEL.has(clean.split('.').pop() ?? '') || inList(RESERVED_DOMAINS, clean);
}

/** The same for the domain of an address already normalised. */
export function companyDomainOf(domain: string): string | null {
  if (isFreeMailDomain(domain) || isDisposableDomain(domain) || isReservedDomain(domain)) return null;
  return registrableDomain(domain);
}

/**
 * A display name guessed from a domain, for a new company record that a person can rename:
 * the label before the public suffix, hyphens as spaces, each word title-cased, and short
 * words that read as initials upper-cased ("acme-brasil.com.br" → "Acme Brasil",
 * "ibm.com" → "IBM", "hsbc.co.uk" → "HSBC").
 */
export function companyNameFromDomain(domain: string): string {
  const registrable = registrableDomain(domain) ?? cleanDomain(domain);
  // Punycode labels are unreadable, so the name is taken from the Unicode form.
  const readable = domainToUnicode(registrable) || registrable;
  const label = readable.split('.')[0] ?? '';
  const words = label.split(/[-_]+/).filter((word) => word !== '');
  if (words.length === 0) return domain;
  return words.map((word) => displayWord(word, words.length === 1)).join(' ');
}

// A whole label of three characters or fewer is nearly always initials (IBM, SAP, 3M); inside
// a longer name only unpronounceable words are (BNP Paribas, but New Age). Words like "box"
// still come out as "BOX": the name is only a first guess that a person can edit.
function displayWord(word: string, isWholeLabel: boolean): string {
  const initials = /^[a-z0-9]+$/.test(word) && /[a-z]/.test(word)
    && ((isWholeLabel && word.length <= 3) || (word.length <= 4 && !VOWEL.test(word)));
  if (initials) return word.toUpperCase();
  const [first = '', ...rest] = [...word];
  return first.toUpperCase() + rest.join('');
}

export type NormalisedDomain = { ok: true; domain: string } | { ok: false; reason: string };

/**
 * A company's domain as stored, from whatever a person pasted: a bare domain, a URL or an
 * address. Lower-cased, scheme, user, port, path, trailing dot and a leading `www.` removed,
 * IDN in punycode ("https://www.Acme.com.br/contato" → "acme.com.br"). Subdomains are kept:
 * a person who types one means it. Validated by the rules of an email's domain, so a company
 * typed by hand and one linked from an address meet on the same value.
 */
export function normaliseCompanyDomain(raw: string): NormalisedDomain {
  const host = raw
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/[/?#\\].*$/s, '')
    .replace(/^.*@/, '')
    .replace(/:\d*$/, '')
    .replace(/\.$/, '')
    .replace(/^www\.(?=.*\.)/, '');
  if (host === '') return { ok: false, reason: 'is empty' };
  const checked = normaliseEmail(`company@${host}`);
  // The email's reasons speak of "the @"; said of a domain alone they are reworded.
  if (!checked.ok) return { ok: false, reason: checked.reason.replace('the domain needs', 'needs').replace('has a dot right after the @', 'starts with a dot') };
  return { ok: true, domain: emailDomain(checked.email) };
}
