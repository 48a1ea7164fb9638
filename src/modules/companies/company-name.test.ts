import { describe, expect, it } from 'vitest';
import { domainAgreesWithName } from './company-name.js';

describe('domainAgreesWithName', () => {
  it.each([
    ['acme.com', 'acme'],
    ['eu.acme.co.uk', 'acme'],
    ['acme-brasil.com.br', 'acmebrasil'],
    ['acme.com.br', 'acmebrasil'],
    ['acmecorp.com', 'acme'],
    ['hp.com', 'hp'],
    ['xn--aa-4iaz.com.br', 'acai'], // açaí.com.br
  ])('%s agrees with %s', (domain, key) => expect(domainAgreesWithName(domain, key)).toBe(true));

  it.each([
    ['acme.com', 'globex'],
    ['ibm.com', 'internationalbusinessmachines'],
    ['ab.com', 'abc'], // a two-letter label begins too many names
    ['acme.com', ''],
  ])('%s does not agree with %s', (domain, key) => expect(domainAgreesWithName(domain, key)).toBe(false));
});
