import { domainToASCII } from 'node:url';

/** `reason` completes the sentence "This email address …" shown to marketers next to the field. */
export type NormalisedEmail = { ok: true; email: string } | { ok: false; reason: string };

// RFC 5321 §4.5.3.1: a path is at most 256 octets including the angle brackets, a local part
// at most 64 and a domain label at most 63. Lengths here count UTF-16 code units, which equal
// octets for the ASCII addresses that make up nearly all lead data.
const MAX_ADDRESS = 254;
const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;
const MAX_LABEL = 63;

// Pasted addresses arrive wrapped in BOMs and zero-width characters from spreadsheets, PDFs
// and chat apps; they carry no meaning at the edges, so they are trimmed like whitespace.
const EDGE_JUNK = /^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/gu;
const LINE_BREAK = /[\r\n\u0085\u2028\u2029]/u;
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/u;
const WHITESPACE = /\s/u;
// Format characters (bidi overrides, zero-width joiners), lone surrogates, private-use and
// unassigned code points: invisible, so two addresses that look the same would be two people.
const INVISIBLE = /[\p{Cf}\p{Cs}\p{Co}\p{Cn}]/u;

// RFC 5322 atext plus the dot, and (RFC 6531) letters, marks and digits of any script.
const LOCAL_CHAR = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.\-]$|^[\p{L}\p{M}\p{N}]$/u;
// Non-ASCII letters are allowed so IDN domains can be typed as people see them; ASCII is LDH.
const DOMAIN_CHAR = /^[A-Za-z0-9.\-]$|^[\p{L}\p{M}\p{N}]$/u;
// UTS #46 treats these as dots; mapping them first keeps the empty-label checks honest.
const IDEOGRAPHIC_DOTS = /[\u3002\uFF0E\uFF61]/gu;
const ASCII_LABEL = /^[a-z0-9-]+$/;
const TOP_LEVEL_DOMAIN = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

// Nearly every real address is plain ASCII: it needs none of the Unicode checks, and its
// domain no UTS #46 mapping beyond lower-casing (unless it holds an "xn--" label to verify).
const PLAIN_ADDRESS = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.\-]+@[A-Za-z0-9.\-]+$/;

const fail = (reason: string): NormalisedEmail => ({ ok: false, reason });

/**
 * Validates an address typed or imported by a person and returns the form stored as the
 * contact's identity: trimmed, NFC, local part as typed, domain lower-cased and in punycode.
 * Quoted local parts and IP-literal domains are rejected: real leads never use them, and
 * accepting them would make every downstream consumer (CSV, SMTP headers) handle quoting.
 */
export function normaliseEmail(raw: string): NormalisedEmail {
  if (typeof raw !== 'string') return fail('is not text');
  const trimmed = raw.replace(EDGE_JUNK, '');
  if (trimmed === '') return fail('is empty');
  if (LINE_BREAK.test(trimmed)) return fail('contains a line break');
  if (CONTROL.test(trimmed)) return fail('contains an invisible control character');
  if (WHITESPACE.test(trimmed)) return fail('contains spaces');
  // NFC shrinks text by at most 4x, so anything longer can be refused before normalising it.
  if (trimmed.length > MAX_ADDRESS * 4) return fail(`is longer than ${MAX_ADDRESS} characters`);

  const plain = PLAIN_ADDRESS.test(trimmed);
  const composed = plain ? trimmed : trimmed.normalize('NFC');
  if (!plain && INVISIBLE.test(composed)) return fail('contains an invisible character');
  if (composed.length > MAX_ADDRESS) return fail(`is longer than ${MAX_ADDRESS} characters`);

  const at = composed.indexOf('@');
  if (at === -1) return fail('is missing the @');
  if (composed.indexOf('@', at + 1) !== -1) return fail('has more than one @');
  const local = composed.slice(0, at);
  const domain = plain ? composed.slice(at + 1) : composed.slice(at + 1).replace(IDEOGRAPHIC_DOTS, '.');
  if (local === '') return fail('has nothing before the @');
  if (domain === '') return fail('has no domain');

  const localProblem = checkLocalPart(local, plain);
  if (localProblem) return fail(localProblem);
  const asciiDomain = toAsciiDomain(domain, plain);
  if (!asciiDomain.ok) return asciiDomain;

  const email = `${local}@${asciiDomain.email}`;
  if (email.length > MAX_ADDRESS) return fail(`is longer than ${MAX_ADDRESS} characters`);
  return { ok: true, email };
}

function checkLocalPart(local: string, plain: boolean): string | null {
  const bad = plain ? null : firstNotMatching(local, LOCAL_CHAR);
  if (bad !== null) return `contains ${describeChar(bad)}, which is not allowed before the @`;
  if (local.startsWith('.')) return 'starts with a dot';
  if (local.endsWith('.')) return 'has a dot right before the @';
  if (local.includes('..')) return 'has two dots in a row before the @';
  if (local.length > MAX_LOCAL) return `has more than ${MAX_LOCAL} characters before the @`;
  return null;
}

/** Returns the punycode domain in `email` on success, to reuse the result shape. */
function toAsciiDomain(domain: string, plain: boolean): NormalisedEmail {
  if (domain.startsWith('[')) return fail('uses an IP address instead of a domain name');
  const bad = plain ? null : firstNotMatching(domain, DOMAIN_CHAR);
  if (bad !== null) return fail(`contains ${describeChar(bad)}, which is not allowed in the domain`);
  if (domain.startsWith('.')) return fail('has a dot right after the @');
  if (domain.endsWith('.')) return fail('ends with a dot');
  if (domain.includes('..')) return fail('has an empty part between dots');
  if (!domain.includes('.')) return fail('the domain needs a dot (a top-level domain)');

  // The URL standard reads a domain ending in a number as an IPv4 address, so this is told
  // apart before conversion, where it would only come back as a failure.
  const lastLabel = domain.slice(domain.lastIndexOf('.') + 1);
  if (/^\d+$/.test(lastLabel)) {
    return fail(IPV4.test(domain)
      ? 'uses an IP address instead of a domain name'
      : 'has a top-level domain that is not valid');
  }

  // WHATWG/UTS #46 processing: lower-cases, maps full-width forms, encodes IDN labels, and
  // returns '' for labels it cannot encode (such as a malformed "xn--" label).
  const ascii = plain && !/(?:^|\.)xn--/i.test(domain) ? domain.toLowerCase() : domainToASCII(domain);
  if (ascii === '') return fail('has a domain that is not valid');
  if (ascii.length > MAX_DOMAIN) return fail(`is longer than ${MAX_ADDRESS} characters`);

  const labels = ascii.split('.');
  for (const label of labels) {
    if (label === '') return fail('has an empty part between dots');
    if (!ASCII_LABEL.test(label)) return fail('has a domain that is not valid');
    if (label.length > MAX_LABEL) return fail(`has a part of the domain longer than ${MAX_LABEL} characters`);
    if (label.startsWith('-') || label.endsWith('-')) {
      return fail('has a part of the domain that starts or ends with a hyphen');
    }
  }
  const tld = labels[labels.length - 1] ?? '';
  // A full-width final digit ("127.0.0.１") only becomes a dotted IPv4 address here.
  if (IPV4.test(ascii)) return fail('uses an IP address instead of a domain name');
  if (tld.length < 2) return fail('has a top-level domain that is too short');
  if (!TOP_LEVEL_DOMAIN.test(tld)) return fail('has a top-level domain that is not valid');
  return { ok: true, email: ascii };
}

function firstNotMatching(text: string, allowed: RegExp): string | null {
  for (const char of text) if (!allowed.test(char)) return char;
  return null;
}

// The reason is displayed in the dashboard; quoting a printable character helps the marketer
// find it, while an invisible one would only show as empty quotes.
function describeChar(char: string): string {
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(char) ? `"${char}"` : 'a character';
}

/**
 * The key under which contacts are unique in a workspace, for a normalised address: the whole
 * address lower-cased. RFC 5321 lets a local part be case-sensitive, but no mainstream mailbox
 * provider treats it so, and marketers expect Bob@x.com and bob@x.com to be one person. The
 * stored address keeps its original case so mail still goes out exactly as the person typed it.
 */
export function emailIdentityKey(email: string): string {
  return email.toLowerCase();
}

/** The domain of a normalised address (everything after the @). */
export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1);
}
