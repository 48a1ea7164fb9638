import { isbot } from 'isbot';
import { UAParser } from 'ua-parser-js';

export type DeviceKind = 'desktop' | 'mobile' | 'tablet' | 'bot' | 'other';
export type Device = { readonly device: DeviceKind; readonly browser: string | null; readonly os: string | null };

// ua-parser-js reads only the first 500 characters (UA_MAX_LENGTH); a longer string is either
// a bot or an attack, and cutting it also bounds what the memo holds.
const MAX_USER_AGENT = 500;
// The same few hundred user agents make most of the traffic, and a parse costs about 40 µs: a
// memo of the recent ones serves the rest. Two generations of 1,000 rather than a strict LRU:
// a hit in the newer one is a single Map lookup (under 0.1 µs), where moving the entry to the
// end of one full Map of 2,000 on every hit was measured at 2 to 7 µs. A user agent not
// seen for two generations is forgotten, so hostile, ever-changing ones cannot grow it past 2,000.
const GENERATION_SIZE = 1_000;
let recent = new Map<string, Device>();
let older = new Map<string, Device>();

function remember(ua: string, device: Device): void {
  recent.set(ua, device);
  if (recent.size >= GENERATION_SIZE) {
    older = recent;
    recent = new Map();
  }
}

// Automation that isbot lets through (Lighthouse and Puppeteer only say so in a suffix).
// Electron alone is a desktop app (Slack, VS Code), not a bot.
const HEADLESS = /headlesschrome|phantomjs|lighthouse|puppeteer|playwright|selenium|webdriver/i;

// ua-parser-js's names, turned into the names people know.
const BROWSER_NAMES: Readonly<Record<string, string>> = { 'Mobile Safari': 'Safari' };
const OS_NAMES: Readonly<Record<string, string>> = { 'Mac OS': 'macOS', 'Chromium OS': 'ChromeOS' };
// Linux distributions are reported as Linux: marketers compare operating systems, not distros.
const LINUX = new Set(['Arch', 'CentOS', 'Debian', 'Fedora', 'Gentoo', 'GNU', 'Kubuntu', 'Linpus', 'Linux', 'Mageia', 'Mandriva', 'Mint', 'PCLinuxOS', 'RedHat', 'Red Hat', 'Slackware', 'SUSE', 'Ubuntu', 'VectorLinux', 'Zenwalk']);
const DESKTOP_OS = new Set(['Windows', 'macOS', 'Linux', 'ChromeOS', 'FreeBSD', 'OpenBSD', 'NetBSD', 'Solaris']);
const HANDHELD_OS = new Set(['iOS', 'Android', 'HarmonyOS', 'KaiOS']);

/**
 * The kind of device, browser and operating system of a user agent. Bots (isbot's list, plus
 * headless and automation browsers, plus an empty user agent, which no browser sends) are
 * `bot`; TVs, consoles, watches and unknown strings are `other`. Results are memoised (up to
 * 2,000 recently seen user agents) and frozen: callers share them.
 */
export function deviceOf(userAgent: string): Device {
  const ua = typeof userAgent === 'string' ? userAgent.trim().slice(0, MAX_USER_AGENT) : '';
  const known = recent.get(ua);
  if (known) return known;
  const device = older.get(ua) ?? Object.freeze(parse(ua));
  remember(ua, device);
  return device;
}

function parse(ua: string): Device {
  const result = new UAParser(ua).getResult();
  const browser = result.browser.name ? BROWSER_NAMES[result.browser.name] ?? result.browser.name : null;
  const osName = result.os.name ?? null;
  const os = osName === null ? null : LINUX.has(osName) ? 'Linux' : OS_NAMES[osName] ?? osName;
  if (ua === '' || isbot(ua) || HEADLESS.test(ua)) return { device: 'bot', browser, os };
  return { device: kindOf(result.device.type, os), browser, os };
}

function kindOf(type: string | undefined, os: string | null): DeviceKind {
  if (type === 'mobile' || type === 'tablet') return type;
  if (type !== undefined) return 'other';
  if (os !== null && HANDHELD_OS.has(os)) return 'mobile';
  return os !== null && DESKTOP_OS.has(os) ? 'desktop' : 'other';
}
