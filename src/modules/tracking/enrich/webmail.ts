import type { SiteEntry } from './known-sites.js';

// Webmail sites and mail apps: a visitor who comes from one clicked a link in an email, so the
// visit counts as email even without UTM tags. GA4 counts these as referrals; Inflow sends
// email and wants its clicks, and those of the emails it does not send, counted as email.
// Only the mail hosts are listed (mail.yahoo.com, not yahoo.com): the rest of those domains
// are portals or search engines.
//
// To add a provider: one entry, `name` lower-case as it should appear in reports, `hosts` the
// webmail's own hosts, `apps` its Android package, then a case in channel.test.ts. A host may
// appear in one table only (known-sites.test.ts checks).
export const WEBMAIL: readonly SiteEntry[] = [
  { name: 'gmail', hosts: ['mail.google.com', 'inbox.google.com'], apps: ['com.google.android.gm'] },
  { name: 'outlook', hosts: ['outlook.live.com', 'outlook.office.com', 'outlook.office365.com'], apps: ['com.microsoft.office.outlook'] },
  { name: 'yahoo-mail', hosts: ['mail.yahoo.com', 'mail.yahoo.co.jp'], apps: ['com.yahoo.mobile.client.android.mail'] },
  { name: 'aol-mail', hosts: ['mail.aol.com'] },
  { name: 'proton-mail', hosts: ['mail.proton.me', 'mail.protonmail.com'], apps: ['ch.protonmail.android'] },
  { name: 'zoho-mail', hosts: ['mail.zoho.com', 'mail.zoho.eu'] },
  { name: 'yandex-mail', hosts: ['mail.yandex.ru', 'mail.yandex.com'] },
  { name: 'mail.ru', hosts: ['e.mail.ru', 'touch.mail.ru'] },
  { name: 'gmx', hosts: ['navigator.gmx.net', 'navigator.gmx.com'] },
  { name: 'web.de', hosts: ['navigator.web.de'] },
  { name: 'seznam-email', hosts: ['email.seznam.cz'] },
  { name: 'naver-mail', hosts: ['mail.naver.com'] },
  { name: 'uol-mail', hosts: ['email.uol.com.br'] },
  { name: 'fastmail', hosts: ['app.fastmail.com'] },
];
