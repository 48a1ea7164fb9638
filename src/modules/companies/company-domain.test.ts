import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  companyDomainFromEmail,
  companyNameFromDomain,
  isDisposableDomain,
  isFreeMailDomain,
  normaliseCompanyDomain,
  registrableDomain,
} from './company-domain.js';
import { DISPOSABLE_DOMAINS } from './disposable-domains.js';
import { FREE_MAIL_DOMAINS } from './free-mail-domains.js';

describe('the domain lists', () => {
  it.each([
    ['free-mail', FREE_MAIL_DOMAINS],
    ['disposable', DISPOSABLE_DOMAINS],
  ])('%s holds only lower-case, dotted, valid domains', (_name, list) => {
    for (const domain of list) {
      expect(domain).toMatch(/^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/);
    }
  });

  it('never lists a domain as both free-mail and disposable', () => {
    expect([...FREE_MAIL_DOMAINS].filter((domain) => DISPOSABLE_DOMAINS.has(domain))).toEqual([]);
  });

  it('covers the big consumer providers named in the product brief', () => {
    for (const domain of [
      'gmail.com', 'googlemail.com', 'yahoo.com', 'yahoo.com.br', 'hotmail.com', 'outlook.com',
      'live.com', 'msn.com', 'icloud.com', 'me.com', 'mac.com', 'aol.com', 'proton.me',
      'protonmail.com', 'gmx.de', 'web.de', 'yandex.ru', 'mail.ru', 'qq.com', '163.com',
      '126.com', 'bol.com.br', 'uol.com.br', 'terra.com.br', 'ig.com.br', 'zoho.com',
      'fastmail.com', 'hey.com', 'tutanota.com', 'rediffmail.com', 'naver.com', 'daum.net',
      'libero.it', 'orange.fr', 'free.fr', 't-online.de', 'btinternet.com', 'comcast.net',
      'verizon.net', 'att.net',
    ]) expect(FREE_MAIL_DOMAINS.has(domain), domain).toBe(true);
  });

  it('covers the well-known throwaway providers', () => {
    for (const domain of [
      'mailinator.com', 'guerrillamail.com', '10minutemail.com', 'temp-mail.org', 'yopmail.com',
      'trashmail.com', 'sharklasers.com', 'getnada.com', 'dispostable.com', 'maildrop.cc',
      'throwawaymail.com',
    ]) expect(DISPOSABLE_DOMAINS.has(domain), domain).toBe(true);
  });
});

describe('isFreeMailDomain and isDisposableDomain', () => {
  it.each([
    ['gmail.com', true],
    ['GMail.COM', true],
    ['gmail.com.', true],
    ['yahoo.co.jp', true],
    ['mail.yahoo.co.jp', true],
    ['nc.rr.com', true],
    ['notgmail.com', false],
    ['gmail.com.evil.example', false],
    ['co.jp', false],
    ['com', false],
    ['acme.com', false],
  ])('isFreeMailDomain(%j) is %s', (domain, expected) => {
    expect(isFreeMailDomain(domain)).toBe(expected);
  });

  it.each([
    ['mailinator.com', true],
    ['x.mailinator.com', true],
    ['a.b.yopmail.fr', true],
    ['mailinator.com.example', false],
    ['notmailinator.co', false],
    ['gmail.com', false],
    ['acme.com', false],
  ])('isDisposableDomain(%j) is %s', (domain, expected) => {
    expect(isDisposableDomain(domain)).toBe(expected);
  });
});

describe('registrableDomain', () => {
  it.each([
    ['acme.com', 'acme.com'],
    ['eu.mail.acme.com', 'acme.com'],
    ['ACME.com.', 'acme.com'],
    ['acme.co.uk', 'acme.co.uk'],
    ['sub.domain.example.co.uk', 'example.co.uk'],
    ['acme-brasil.com.br', 'acme-brasil.com.br'],
    ['shop.acme.com.au', 'acme.com.au'],
    ['mail.yahoo.co.jp', 'yahoo.co.jp'],
    ['tata.co.in', 'tata.co.in'],
    ['bimbo.com.mx', 'bimbo.com.mx'],
    ['www.standardbank.co.za', 'standardbank.co.za'],
    ['co.uk', null],
    ['com', null],
    ['', null],
    ['a..com', null],
  ])('registrableDomain(%j) is %j', (domain, expected) => {
    expect(registrableDomain(domain)).toBe(expected);
  });
});

describe('companyDomainFromEmail', () => {
  it.each([
    ['jane@acme.com', 'acme.com'],
    ['Jane.Doe@Sales.EU.Acme.COM', 'acme.com'],
    ['joao@acme-brasil.com.br', 'acme-brasil.com.br'],
    ['user@sub.domain.example.co.uk', 'example.co.uk'],
    ['hans@bücher.de', 'xn--bcher-kva.de'],
    ['  jane@acme.com\n', 'acme.com'],
    ['bob@gmail.com', null],
    ['bob@GoogleMail.com', null],
    ['bob@mail.yahoo.co.jp', null],
    ['bob@yahoo.com.br', null],
    ['bob@x.mailinator.com', null],
    ['bob@yopmail.com', null],
    ['bob@comcast.net', null],
    ['bob@uol.com.br', null],
    ['ana@example.com', null],
    ['ana@sales.example.org', null],
    ['ana@acme.test', null],
    ['ana@hans.example', null],
    ['ana@printer.local', null],
    ['not an email', null],
    ['bob@acme', null],
    ['victim@acme.com\r\nBcc: everyone@example.com', null],
  ])('companyDomainFromEmail(%j) is %j', (email, expected) => {
    expect(companyDomainFromEmail(email)).toBe(expected);
  });

  it('never names a free-mail or disposable provider as a company', () => {
    const listed = fc.constantFrom(...FREE_MAIL_DOMAINS, ...DISPOSABLE_DOMAINS);
    const label = fc.stringMatching(/^[a-z0-9]{1,10}$/);
    fc.assert(fc.property(label, fc.option(label, { nil: undefined }), listed, (local, sub, domain) => {
      const host = sub === undefined ? domain : `${sub}.${domain}`;
      expect(companyDomainFromEmail(`${local}@${host}`)).toBeNull();
    }), { numRuns: 1000 });
  });

  it('returns a registrable domain for any valid company address', () => {
    fc.assert(fc.property(fc.emailAddress().filter((email) => email.length <= 254), (email) => {
      const company = companyDomainFromEmail(email);
      if (company === null) return;
      expect(email.toLowerCase().endsWith(company)).toBe(true);
      expect(registrableDomain(company)).toBe(company);
    }), { numRuns: 1000 });
  });
});

describe('companyNameFromDomain', () => {
  it.each([
    ['acme-brasil.com.br', 'Acme Brasil'],
    ['acme.com', 'Acme'],
    ['mail.acme.com', 'Acme'],
    ['salesforce.com', 'Salesforce'],
    ['ibm.com', 'IBM'],
    ['sap.com', 'SAP'],
    ['3m.com', '3M'],
    ['hp.com', 'HP'],
    ['hsbc.co.uk', 'HSBC'],
    ['kpmg.com', 'KPMG'],
    ['bnp-paribas.fr', 'BNP Paribas'],
    ['ikea.com', 'Ikea'],
    ['box.com', 'BOX'],
    ['the-box.com', 'The Box'],
    ['new-age.io', 'New Age'],
    ['deutsche-bank.de', 'Deutsche Bank'],
    ['new--age.io', 'New Age'],
    ['xn--mnchen-3ya.de', 'München'],
    ['ACME.COM', 'Acme'],
  ])('companyNameFromDomain(%j) is %j', (domain, expected) => {
    expect(companyNameFromDomain(domain)).toBe(expected);
  });

  it('always returns a non-empty name without hyphens for a real domain', () => {
    fc.assert(fc.property(fc.domain(), (domain) => {
      const name = companyNameFromDomain(domain);
      expect(name.length).toBeGreaterThan(0);
      expect(name).not.toMatch(/^-|-$|\s{2}/);
    }), { numRuns: 1000 });
  });
});

describe('normaliseCompanyDomain', () => {
  it('keeps the host of whatever was pasted: URL, address or bare domain', () => {
    const cases: Array<[string, string]> = [
      ['https://www.Acme.com.br/contato', 'acme.com.br'],
      ['ACME.com', 'acme.com'],
      ['www.acme.com.', 'acme.com'],
      ['http://user:pw@shop.acme.co.uk:8080/x?y#z', 'shop.acme.co.uk'],
      ['sales@acme.io', 'acme.io'],
      ['münchen.de', 'xn--mnchen-3ya.de'],
      ['www.com', 'www.com'],
    ];
    for (const [input, domain] of cases) expect(normaliseCompanyDomain(input), input).toEqual({ ok: true, domain });
  });

  it('says what is wrong with something that is not a domain', () => {
    expect(normaliseCompanyDomain('  ')).toEqual({ ok: false, reason: 'is empty' });
    expect(normaliseCompanyDomain('acme')).toEqual({ ok: false, reason: 'needs a dot (a top-level domain)' });
    expect(normaliseCompanyDomain('127.0.0.1')).toEqual({ ok: false, reason: 'uses an IP address instead of a domain name' });
    expect(normaliseCompanyDomain('.acme.com')).toEqual({ ok: false, reason: 'starts with a dot' });
    expect(normaliseCompanyDomain('<script>.com')).toEqual({ ok: false, reason: 'contains "<", which is not allowed in the domain' });
  });

  it('gives the same domain back when given its own answer', () => {
    fc.assert(fc.property(fc.domain(), (domain) => {
      const typed = normaliseCompanyDomain(`https://${domain}/`);
      if (!typed.ok) return;
      expect(normaliseCompanyDomain(typed.domain)).toEqual(typed);
    }), { numRuns: 500 });
  });
});
