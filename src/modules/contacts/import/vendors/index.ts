// The header tables, and which one a file's header row comes from.
import { matchKey } from '../header-keys.js';
import { activeCampaign } from './activecampaign.js';
import { brevo } from './brevo.js';
import { common } from './common.js';
import { hubspot } from './hubspot.js';
import { mailchimp } from './mailchimp.js';
import { mautic } from './mautic.js';
import { pipedrive } from './pipedrive.js';
import { rdStation } from './rd-station.js';
import { salesforce } from './salesforce.js';
import type { HeaderHome, HeaderTable } from './vendor-table.js';

export type { HeaderHome, HeaderTable } from './vendor-table.js';

export const VENDOR_TABLES: readonly HeaderTable[] = [hubspot, mautic, salesforce, mailchimp, rdStation, pipedrive, activeCampaign, brevo];
export { common as COMMON_TABLE };

/** A table's homes by header key, with each spelling's preference within its field. */
export interface KeyedTable {
  table: HeaderTable;
  homes: ReadonlyMap<string, { home: HeaderHome; rank: number }>;
}

const homeId = (home: HeaderHome) => (typeof home === 'string' ? home : `custom:${home.custom}:${home.type}`);
const fieldOf = (home: HeaderHome) => (typeof home === 'string' ? home : `custom:${home.custom}`);

export function keyed(table: HeaderTable): KeyedTable {
  const homes = new Map<string, { home: HeaderHome; rank: number }>();
  const perField = new Map<string, number>();
  for (const [spelling, home] of Object.entries(table.headers)) {
    const key = matchKey(spelling);
    const taken = homes.get(key);
    // Two spellings of one header sending it to different places would make guesses depend on
    // the order of the file: fail at load instead.
    if (taken && homeId(taken.home) !== homeId(home)) throw new Error(`${table.vendor} header "${spelling}" is listed twice with different homes`);
    if (taken) continue;
    const field = fieldOf(home);
    const rank = (perField.get(field) ?? 0) + 1;
    perField.set(field, rank);
    homes.set(key, { home, rank });
  }
  return { table, homes };
}

const VENDORS = VENDOR_TABLES.map(keyed);
export const COMMON = keyed(common);

/**
 * Headers every vendor table that lists them sends to the same place: they may be guessed when
 * the file's tool is not known. "Title" is a job title in Salesforce and a salutation in Mautic,
 * so it is not among them.
 */
export const AGREED: ReadonlyMap<string, { home: HeaderHome; rank: number }> = (() => {
  const seen = new Map<string, { home: HeaderHome; rank: number } | null>();
  for (const { homes } of VENDORS) {
    for (const [key, entry] of homes) {
      const before = seen.get(key);
      if (before === undefined) seen.set(key, entry);
      else if (before !== null && homeId(before.home) !== homeId(entry.home)) seen.set(key, null);
    }
  }
  return new Map([...seen].filter((pair): pair is [string, { home: HeaderHome; rank: number }] => pair[1] !== null));
})();

/** How many tables list each header key: a key only one tool writes tells the tool. */
const listedBy = (() => {
  const count = new Map<string, number>();
  for (const { homes } of VENDORS) for (const key of homes.keys()) count.set(key, (count.get(key) ?? 0) + 1);
  return count;
})();

/**
 * The tool a header row comes from: the one with the most headers no other tool writes (at least
 * two, and more than any other tool), or none. Only its table reads ambiguous headers.
 */
export function detectVendor(headers: readonly string[]): KeyedTable | null {
  const keys = new Set(headers.map(matchKey));
  const scored = VENDORS.map((vendor) => ({
    vendor,
    own: [...keys].filter((key) => vendor.homes.has(key) && listedBy.get(key) === 1).length,
    all: [...keys].filter((key) => vendor.homes.has(key)).length,
  })).sort((a, b) => b.own - a.own || b.all - a.all);
  const [best, second] = scored;
  if (!best || best.own < 2) return null;
  if (second && second.own === best.own && second.all === best.all) return null;
  return best.vendor;
}
