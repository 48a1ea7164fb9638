import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emailDomain, emailIdentityKey, normaliseEmail } from './email-address.js';

interface HostileInputs {
  emails_invalid: string[];
  emails_valid_unusual: string[];
  header_injection: string[];
  [group: string]: unknown;
}

const hostile = JSON.parse(
  readFileSync(new URL('../../../shared/fixtures/hostile-inputs.json', import.meta.url), 'utf8'),
) as HostileInputs;

const stringGroups = Object.entries(hostile)
  .filter((entry): entry is [string, string[]] => Array.isArray(entry[1]))
  .flatMap(([group, values]) => values.map((value) => [group, value] as const));

function accepted(raw: string): string {
  const result = normaliseEmail(raw);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(raw)} to be accepted: ${result.reason}`);
  return result.email;
}

function rejection(raw: string): string {
  const result = normaliseEmail(raw);
  if (result.ok) throw new Error(`expected ${JSON.stringify(raw)} to be rejected, got ${result.email}`);
  return result.reason;
}

describe('normaliseEmail on the shared hostile inputs', () => {
  it.each(hostile.emails_invalid)('rejects the invalid address %j', (raw) => {
    expect(normaliseEmail(raw).ok).toBe(false);
  });

  it.each(hostile.header_injection)('rejects the header injection %j', (raw) => {
    expect(normaliseEmail(raw).ok).toBe(false);
  });

  it.each(hostile.emails_valid_unusual)('accepts the unusual but real address %j', (raw) => {
    expect(normaliseEmail(raw).ok).toBe(true);
  });

  it('keeps the local part as typed and lower-cases only the domain', () => {
    expect(accepted('Alice.Smith+news@Example.COM')).toBe('Alice.Smith+news@example.com');
    expect(accepted("o'brien@example.ie")).toBe("o'brien@example.ie");
    expect(accepted('user@sub.domain.example.co.uk')).toBe('user@sub.domain.example.co.uk');
  });

  it.each(stringGroups)('answers every %s input with a value, never an exception (%j)', (_group, raw) => {
    const result = normaliseEmail(raw);
    if (result.ok) expect(result.email).not.toMatch(/[\s<>"]/u);
    else expect(result.reason).toMatch(/^[a-z]/);
  });

  it('refuses a megabyte of input quickly', () => {
    const started = performance.now();
    expect(rejection(`${'a'.repeat(1_000_000)}@example.com`)).toBe('is longer than 254 characters');
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('normaliseEmail reasons', () => {
  it.each([
    ['', 'is empty'],
    ['   \t ', 'is empty'],
    ['\uFEFF', 'is empty'],
    ['plainaddress', 'is missing the @'],
    ['a@@b.com', 'has more than one @'],
    ['a@b@example.com', 'has more than one @'],
    ['"a@b"@example.com', 'has more than one @'],
    ['@example.com', 'has nothing before the @'],
    ['x@', 'has no domain'],
    ['a b@example.com', 'contains spaces'],
    ['a@exam ple.com', 'contains spaces'],
    ['a\u00A0b@example.com', 'contains spaces'],
    ['a\u3000b@example.com', 'contains spaces'],
    ['bob@example.com\nbcc@evil.com', 'contains a line break'],
    ['bob@example.com\rX', 'contains a line break'],
    ['bob\u2028@example.com', 'contains a line break'],
    ['bob\u0000@example.com', 'contains an invisible control character'],
    ['bob\u007F@example.com', 'contains an invisible control character'],
    ['bob\u202E@example.com', 'contains an invisible character'],
    ['bo\u200Bb@example.com', 'contains an invisible character'],
    ['bob@exa\u00ADmple.com', 'contains an invisible character'],
    ['.bob@example.com', 'starts with a dot'],
    ['bob.@example.com', 'has a dot right before the @'],
    ['bob..smith@example.com', 'has two dots in a row before the @'],
    [`${'a'.repeat(65)}@example.com`, 'has more than 64 characters before the @'],
    ['<bob>@example.com', 'contains "<", which is not allowed before the @'],
    ['bob(comment)@example.com', 'contains "(", which is not allowed before the @'],
    ['bob,jim@example.com', 'contains ",", which is not allowed before the @'],
    ['"bob"@example.com', 'contains """, which is not allowed before the @'],
    ['bob@example.com>', 'contains ">", which is not allowed in the domain'],
    ['bob@ex_ample.com', 'contains "_", which is not allowed in the domain'],
    ['bob@example.com:25', 'contains ":", which is not allowed in the domain'],
    ['bob@example.com/path', 'contains "/", which is not allowed in the domain'],
    ['a@b.co%0d%0abcc', 'contains "%", which is not allowed in the domain'],
    ['bob@[192.168.0.1]', 'uses an IP address instead of a domain name'],
    ['bob@192.168.0.1', 'uses an IP address instead of a domain name'],
    ['bob@.example.com', 'has a dot right after the @'],
    ['bob@example.com.', 'ends with a dot'],
    ['a@example..com', 'has an empty part between dots'],
    ['a@example\u3002\u3002com', 'has an empty part between dots'],
    ['a@b', 'the domain needs a dot (a top-level domain)'],
    ['bob@localhost', 'the domain needs a dot (a top-level domain)'],
    ['bob@-example.com', 'has a part of the domain that starts or ends with a hyphen'],
    ['bob@example-.com', 'has a part of the domain that starts or ends with a hyphen'],
    [`bob@${'a'.repeat(64)}.com`, 'has a part of the domain longer than 63 characters'],
    ['bob@example.c', 'has a top-level domain that is too short'],
    ['bob@example.c0m', 'has a top-level domain that is not valid'],
    ['bob@example.123', 'has a top-level domain that is not valid'],
    ['bob@0x7f.1', 'has a top-level domain that is not valid'],
    ['bob@127.0.0.\uFF11', 'uses an IP address instead of a domain name'],
    ['bob@xn--abc.com', 'has a domain that is not valid'],
    [`${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(60)}.com`, 'is longer than 254 characters'],
  ])('rejects %j because it %s', (raw, reason) => {
    expect(rejection(raw)).toBe(reason);
  });
});

describe('normaliseEmail accepted forms', () => {
  it.each([
    ['bob@example.com', 'bob@example.com'],
    ['Bob@Example.Com', 'Bob@example.com'],
    ['  bob@example.com\t', 'bob@example.com'],
    ['bob@example.com\r\n', 'bob@example.com'],
    ['\uFEFFbob@example.com', 'bob@example.com'],
    ['\u200Bbob@example.com\u200B', 'bob@example.com'],
    ['\u00A0bob@example.com\u3000', 'bob@example.com'],
    ['first.last@example.com', 'first.last@example.com'],
    ['user+tag+more@example.com', 'user+tag+more@example.com'],
    ["d'angelo@example.it", "d'angelo@example.it"],
    ['under_score-dash@example.com', 'under_score-dash@example.com'],
    ['x@example.museum', 'x@example.museum'],
    ['1234@example.com', '1234@example.com'],
    ['a@b.co', 'a@b.co'],
    ['a@b-c.io', 'a@b-c.io'],
    ['a@123.example.com', 'a@123.example.com'],
    ['a@mail.yahoo.co.jp', 'a@mail.yahoo.co.jp'],
    ['a@example.xn--p1ai', 'a@example.xn--p1ai'],
    ['hans@Bücher.example', 'hans@xn--bcher-kva.example'],
    ['info@münchen.de', 'info@xn--mnchen-3ya.de'],
    ['a@例え.テスト', 'a@xn--r8jz45g.xn--zckzah'],
    ['a@ｅｘａｍｐｌｅ.com', 'a@example.com'],
    ['a@example\u3002com', 'a@example.com'],
    ['josé@example.com', 'josé@example.com'],
    ['jose\u0301@example.com', 'jos\u00E9@example.com'],
    ['用户@例子.测试', '用户@xn--fsqu00a.xn--0zwm56d'],
    ['!#$%&*/=?^`{|}~@example.com', '!#$%&*/=?^`{|}~@example.com'],
    [`${'a'.repeat(64)}@example.com`, `${'a'.repeat(64)}@example.com`],
  ])('accepts %j as %j', (raw, email) => {
    expect(accepted(raw)).toBe(email);
  });

  it('accepts an address of exactly 254 characters', () => {
    const raw = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.com`;
    expect(raw).toHaveLength(254);
    expect(accepted(raw)).toBe(raw);
  });
});

describe('emailIdentityKey', () => {
  it('makes addresses that differ only in case one person', () => {
    expect(emailIdentityKey(accepted('Bob@X.com'))).toBe(emailIdentityKey(accepted('bob@x.com')));
    expect(emailIdentityKey(accepted('Alice.Smith+news@Example.COM'))).toBe('alice.smith+news@example.com');
  });

  it('keeps plus tags and dots, which some providers route to different mailboxes', () => {
    expect(emailIdentityKey('bob+a@example.com')).not.toBe(emailIdentityKey('bob@example.com'));
    expect(emailIdentityKey('b.ob@example.com')).not.toBe(emailIdentityKey('bob@example.com'));
  });
});

describe('emailDomain', () => {
  it('returns the part after the @', () => {
    expect(emailDomain('Alice.Smith+news@example.com')).toBe('example.com');
    expect(emailDomain(accepted('hans@Bücher.example'))).toBe('xn--bcher-kva.example');
  });
});

// fast-check's domain() allows 255-character domains; SMTP paths stop at 254 characters.
const realAddress = fc.emailAddress().filter((email) => email.length <= 254);
const padding = fc.constantFrom('', ' ', '\t', '\n', '\r\n', '\uFEFF', '\u00A0', '\u200B', '\u3000');
const messyInput = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.tuple(padding, realAddress, padding).map(([before, email, after]) => `${before}${email}${after}`),
  fc.tuple(realAddress, fc.nat(), fc.constantFrom(' ', '\n', '\r', '@', '.', '..', '\u0000', '\u202E'))
    .map(([email, at, insert]) => {
      const index = at % (email.length + 1);
      return email.slice(0, index) + insert + email.slice(index);
    }),
  stringOf(fc.constantFrom('a', 'B', '@', '.', '-', '+', ' ', '\n', 'é', 'ü', '\u3002', 'xn--')),
);

function stringOf(piece: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.array(piece, { maxLength: 20 }).map((pieces) => pieces.join(''));
}

describe('normaliseEmail properties', () => {
  it('is idempotent', () => {
    fc.assert(fc.property(messyInput, (raw) => {
      const once = normaliseEmail(raw);
      if (once.ok) expect(normaliseEmail(once.email)).toEqual(once);
    }), { numRuns: 2000 });
  });

  it('never returns whitespace, line breaks or control characters', () => {
    fc.assert(fc.property(messyInput, (raw) => {
      const result = normaliseEmail(raw);
      if (result.ok) expect(result.email).not.toMatch(/[\s\u0000-\u001F\u007F-\u009F]/u);
    }), { numRuns: 2000 });
  });

  it('returns exactly one @ with a dotted, lower-case ASCII domain', () => {
    fc.assert(fc.property(messyInput, (raw) => {
      const result = normaliseEmail(raw);
      if (!result.ok) return;
      expect(result.email.split('@')).toHaveLength(2);
      expect(emailDomain(result.email)).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
      expect(result.email.length).toBeLessThanOrEqual(254);
    }), { numRuns: 2000 });
  });

  it('accepts every generated valid address, with the same identity key in any case', () => {
    fc.assert(fc.property(realAddress, (email) => {
      const lower = normaliseEmail(email);
      const upper = normaliseEmail(email.toUpperCase());
      if (!lower.ok || !upper.ok) throw new Error(`rejected ${email}`);
      expect(emailIdentityKey(upper.email)).toBe(emailIdentityKey(lower.email));
    }), { numRuns: 2000 });
  });
});
