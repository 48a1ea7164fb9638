import { domainToUnicode } from 'node:url';
import { registrableDomain } from './company-domain.js';

const SHORTEST_PREFIX = 3;

/** The letters and digits of a domain's own label: "acme-brasil.com.br" → "acmebrasil". */
function domainLabelKey(domain: string): string {
  const registrable = registrableDomain(domain) ?? domain;
  const readable = domainToUnicode(registrable) || registrable;
  return (readable.split('.')[0] ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Whether an email's domain may be given to a company of this name (its `name_key`): the
 * domain's label is the name ("acme.com", "Acme Inc."), or one begins the other ("acme.com.br",
 * "Acme Brasil"; "acmecorp.com", "Acme"), for three letters at least. A name that does not
 * agree (someone at acme.com who says they work for Globex) gets no domain: it is not theirs.
 */
export function domainAgreesWithName(domain: string, nameKey: string): boolean {
  const label = domainLabelKey(domain);
  if (label === '' || nameKey === '') return false;
  if (label === nameKey) return true;
  const [shorter, longer] = label.length < nameKey.length ? [label, nameKey] : [nameKey, label];
  return shorter.length >= SHORTEST_PREFIX && longer.startsWith(shorter);
}
