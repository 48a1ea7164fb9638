import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { workspaceSettings } from '../workspaces/service.js';

export interface TrackingSettings {
  require_consent: boolean;
  respect_dnt: boolean;
  retention_months: number;
  site_hosts: string[];
  /** What a site's server signs `identify` calls with (hex HMAC-SHA256 of the lower-cased email). */
  identify_key: string;
}

const COLUMNS = ['require_consent', 'respect_dnt', 'retention_months', 'site_hosts', 'identify_key'] as const;

const newIdentifyKey = () => randomBytes(32).toString('hex');

/** A workspace's tracking settings, made with their defaults (and a fresh identify key) on first use. */
export async function trackingSettings(db: Executor, workspaceId: string): Promise<TrackingSettings> {
  const found = await db.selectFrom('tracking_settings').select(COLUMNS).where('workspace_id', '=', workspaceId).executeTakeFirst();
  if (found) return found;
  await db.insertInto('tracking_settings').values({ workspace_id: workspaceId, identify_key: newIdentifyKey(), updated_at: sql`now()` }).onConflict((oc) => oc.column('workspace_id').doNothing()).execute();
  return db.selectFrom('tracking_settings').select(COLUMNS).where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow();
}

export type TrackingSettingsPatch = Partial<Pick<TrackingSettings, 'require_consent' | 'respect_dnt' | 'retention_months' | 'site_hosts'>> & { rotate_identify_key?: boolean };

export async function updateTrackingSettings(db: Executor, workspaceId: string, patch: TrackingSettingsPatch): Promise<TrackingSettings> {
  await trackingSettings(db, workspaceId);
  const { rotate_identify_key: rotate, site_hosts: hosts, ...rest } = patch;
  await db
    .updateTable('tracking_settings')
    .set({
      ...rest,
      ...(hosts ? { site_hosts: sql<string[]>`${hosts}::text[]` } : {}),
      ...(rotate ? { identify_key: newIdentifyKey() } : {}),
      updated_at: sql`now()`,
    })
    .where('workspace_id', '=', workspaceId)
    .execute();
  return trackingSettings(db, workspaceId);
}

/** What ingestion needs of a workspace, per request: read through IngestPolicies. */
export interface IngestPolicy {
  requireConsent: boolean;
  respectDnt: boolean;
  truncateIps: boolean;
  siteHosts: readonly string[];
  identifyKey: string;
}

async function loadPolicy(db: Executor, workspaceId: string): Promise<IngestPolicy | null> {
  const workspace = await workspaceSettings(db, workspaceId);
  if (!workspace) return null;
  // Made here if missing: retention reads every workspace that tracks from tracking_settings.
  const settings = await trackingSettings(db, workspaceId);
  return { requireConsent: settings.require_consent, respectDnt: settings.respect_dnt, truncateIps: workspace.truncate_ips, siteHosts: settings.site_hosts, identifyKey: settings.identify_key };
}

/**
 * Workspaces' ingestion policies, kept `ttlMs` in memory: a busy site posts many batches a
 * second, and a change of settings may take that long to reach every process. Unknown
 * workspaces are remembered too, so garbage ids cost one query per `ttlMs`, not one per post.
 */
export class IngestPolicies {
  private readonly entries = new Map<string, { at: number; policy: Promise<IngestPolicy | null> }>();

  constructor(private readonly db: Executor, private readonly ttlMs = 10_000, private readonly maxEntries = 10_000) {}

  get(workspaceId: string): Promise<IngestPolicy | null> {
    const now = Date.now();
    const hit = this.entries.get(workspaceId);
    if (hit && now - hit.at < this.ttlMs) return hit.policy;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    const policy = loadPolicy(this.db, workspaceId);
    this.entries.set(workspaceId, { at: now, policy });
    policy.catch(() => this.entries.delete(workspaceId));
    return policy;
  }

  /** Forgets a workspace's policy (its settings changed in this process). */
  forget(workspaceId: string): void {
    this.entries.delete(workspaceId);
  }
}
