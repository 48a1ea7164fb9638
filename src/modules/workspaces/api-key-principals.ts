import type { Database } from '../../db/database.js';
import { sha256 } from '../accounts/tokens.js';
import { markApiKeyUsed, principalForKey, type ApiKeyPrincipal } from './api-keys.js';
import { AUTH_CHANNEL, localAuthChanges } from './auth-changes.js';

interface Entry {
  principal: ApiKeyPrincipal;
  expiresAt: number;
  markedUsedAt: number;
}

const TTL_MS = 60_000;
const MARK_USED_EVERY_MS = 60_000;
const MAX_ENTRIES = 10_000;

/**
 * API-key lookups with a cache in front: a key is checked on every API request, and the
 * embedded database runs on the request thread, so a query per request would cap the API.
 * The cache stays coherent across processes through NOTIFY: every change to what a key
 * stands for (revocation, a renamed workspace) evicts that workspace's keys everywhere on
 * commit. While the listening connection is down the cache is bypassed, and entries expire
 * after a minute regardless.
 */
export class ApiKeyPrincipals {
  private readonly entries = new Map<string, Entry>();
  private listening = false;
  private unlisten: (() => Promise<void>) | null = null;
  private readonly evict = (workspaceId: string) => this.evictWorkspace(workspaceId);

  constructor(
    private readonly database: Database,
    private readonly now: () => number = Date.now,
  ) {}

  async start(): Promise<void> {
    localAuthChanges.on('changed', this.evict);
    this.unlisten = await this.database.listen(AUTH_CHANNEL, {
      message: this.evict,
      // Whatever was announced while nobody listened is unknown: start from an empty cache.
      up: () => {
        this.entries.clear();
        this.listening = true;
      },
      down: () => {
        this.listening = false;
        this.entries.clear();
      },
    });
  }

  async stop(): Promise<void> {
    localAuthChanges.off('changed', this.evict);
    const unlisten = this.unlisten;
    this.unlisten = null;
    this.listening = false;
    this.entries.clear();
    await unlisten?.();
  }

  /** The principal behind a presented key, or null; records use at most once a minute. */
  async lookup(key: string, onError: (err: unknown) => void): Promise<ApiKeyPrincipal | null> {
    const hash = sha256(key);
    const now = this.now();
    let entry = this.listening ? this.entries.get(hash) : undefined;
    if (!entry || entry.expiresAt <= now) {
      const principal = await principalForKey(this.database.db, key);
      if (!principal) {
        this.entries.delete(hash);
        return null;
      }
      entry = { principal, expiresAt: now + TTL_MS, markedUsedAt: principal.lastUsedAt?.getTime() ?? 0 };
      if (this.listening) this.remember(hash, entry);
    }
    if (now - entry.markedUsedAt > MARK_USED_EVERY_MS) {
      entry.markedUsedAt = now;
      markApiKeyUsed(this.database.db, entry.principal.workspace.id, entry.principal.keyId).catch(onError);
    }
    return entry.principal;
  }

  private remember(hash: string, entry: Entry): void {
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(hash, entry);
  }

  private evictWorkspace(workspaceId: string): void {
    for (const [hash, entry] of this.entries) if (entry.principal.workspace.id === workspaceId) this.entries.delete(hash);
  }
}
