import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Database, Executor } from '../../../db/database.js';
import { hasPersonalisation, personalise } from './personalise.js';

/** NOTIFY channel: something a public page shows changed (a publish, an unpublish, a move, a delete, the theme). */
export const PAGES_CHANNEL = 'inflow_pages';

/** Tells every process's page cache, on commit, to forget what it rendered. In the changing transaction. */
export async function announcePageChange(tx: Executor): Promise<void> {
  await sql`select pg_notify(${PAGES_CHANNEL}, '')`.execute(tx);
}

/** A rendered page, ready to send as it is. */
export interface ServedPage {
  workspaceId: string;
  pageId: string;
  version: number;
  html: Buffer;
  etag: string;
  policy: string;
  /** The forms it shows, each at the live version it was rendered with: a form published since makes the page stale. */
  forms: ReadonlyArray<{ id: string; version: number }>;
  /** The page before `{first_name}` is filled, when it has one (a thank-you page greets by name). */
  personal: string | null;
}

/** A page as the cache keeps it: the bytes everyone gets (placeholders at their fallbacks) and their ETag. */
export const servedPage = (input: Omit<ServedPage, 'etag' | 'html' | 'personal'> & { html: string }): ServedPage => {
  const html = Buffer.from(personalise(input.html, null));
  const personal = hasPersonalisation(input.html) ? input.html : null;
  return { ...input, html, personal, etag: `"${createHash('sha256').update(html).update(input.policy).digest('base64url').slice(0, 22)}"` };
};

const TTL_MS = 60_000;
const MAX_ENTRIES = 5_000;

/**
 * Rendered live pages by host and slug, per process. Coherent across processes through NOTIFY:
 * every page change clears every process's cache on commit (changes are rare; a page renders in
 * well under a millisecond). A render that began before a clear is not kept (the generation
 * moved), so a republish is never hidden by a render of the old version finishing late. Forms
 * the page shows are checked on each hit against the forms' own coherent cache (`fresh`).
 * While the listening connection is down, nothing is kept; entries expire after 60 s anyway
 * (a countdown moves on).
 */
export class PageCache {
  private readonly entries = new Map<string, { page: ServedPage | null; at: number }>();
  private readonly pending = new Map<string, Promise<ServedPage | null>>();
  private generation = 0;
  private listening = false;
  private unlisten: (() => Promise<void>) | null = null;

  constructor(
    private readonly fresh: (page: ServedPage) => Promise<boolean>,
    private readonly now: () => number = Date.now,
  ) {}

  async start(database: Database): Promise<void> {
    this.unlisten = await database.listen(PAGES_CHANNEL, {
      message: () => this.clear(),
      up: () => {
        this.clear();
        this.listening = true;
      },
      down: () => {
        this.listening = false;
        this.clear();
      },
    });
  }

  async stop(): Promise<void> {
    const unlisten = this.unlisten;
    this.unlisten = null;
    this.listening = false;
    await unlisten?.();
  }

  /** The page cached under `key`, or what `render` makes of it (one render per key at a time). */
  async page(key: string, render: () => Promise<ServedPage | null>): Promise<ServedPage | null> {
    const hit = this.entries.get(key);
    if (hit && this.now() - hit.at < TTL_MS && (!hit.page || (await this.fresh(hit.page)))) return hit.page;
    const inFlight = this.pending.get(key);
    if (inFlight) return inFlight;
    const generation = this.generation;
    const rendering = render().finally(() => {
      if (this.pending.get(key) === rendering) this.pending.delete(key);
    });
    this.pending.set(key, rendering);
    const page = await rendering;
    if (this.listening && generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, { page, at: this.now() });
    }
    return page;
  }

  /** Forgets every rendered page (the publishing process calls it after its commit, without waiting for NOTIFY). */
  clear(): void {
    this.generation += 1;
    this.entries.clear();
    this.pending.clear();
  }
}
