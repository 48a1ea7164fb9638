// Assets' SQL: one function per question, every one scoped by the workspace.
import { sql } from 'kysely';
import type { Executor } from '../../../db/database.js';
import { pastKeyset, timestampKey, type Keyset } from '../../../db/keyset.js';
import type { AssetKind } from './file-kinds.js';

const COLUMNS = ['id', 'name', 'file_name', 'content_type', 'kind', 'size', 'sha256', 'downloads', 'created_by', 'created_at', 'updated_at'] as const;

export interface AssetRow {
  id: string;
  name: string;
  file_name: string;
  content_type: string;
  kind: AssetKind;
  size: number;
  sha256: string | null;
  downloads: number;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

/** Ready assets by id (an upload still arriving is no asset yet). */
export async function assetsByIds(db: Executor, workspaceId: string, ids: readonly string[]): Promise<AssetRow[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('assets').select(COLUMNS).where('workspace_id', '=', workspaceId).where('id', 'in', ids).where('status', '=', 'ready').execute();
  return rows as AssetRow[];
}

/** The offered assets among these ids (absent or empty ids skipped; deleted ones missing), by id: what `form.submitted` names. */
export async function offeredAssets(db: Executor, workspaceId: string, ids: readonly (string | null | undefined)[]): Promise<Map<string, { id: string; name: string }>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('assets').select(['id', 'name']).where('workspace_id', '=', workspaceId).where('id', 'in', wanted).where('status', '=', 'ready').execute();
  return new Map(rows.map((row) => [row.id, row]));
}

/** A page of the workspace's ready assets, newest first; `sort_key` keys the next page. */
export async function assetPage(db: Executor, workspaceId: string, page: { after: Keyset | null; limit: number }): Promise<(AssetRow & { sort_key: string })[]> {
  let query = db.selectFrom('assets').select([...COLUMNS, timestampKey('created_at').as('sort_key')]).where('workspace_id', '=', workspaceId).where('status', '=', 'ready');
  if (page.after) query = query.where(pastKeyset(sql.ref('created_at'), 'id', page.after, 'desc', 'timestamptz'));
  return (await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit).execute()) as (AssetRow & { sort_key: string })[];
}

export async function insertUploading(db: Executor, workspaceId: string, row: { id: string; name: string; fileName: string; kind: AssetKind; contentType: string; createdBy: string | null }): Promise<void> {
  await db
    .insertInto('assets')
    .values({ workspace_id: workspaceId, id: row.id, name: row.name, file_name: row.fileName, kind: row.kind, content_type: row.contentType, created_by: row.createdBy })
    .execute();
}

export async function insertChunk(db: Executor, workspaceId: string, assetId: string, seq: number, data: Buffer): Promise<void> {
  await db.insertInto('asset_chunks').values({ workspace_id: workspaceId, asset_id: assetId, seq, data }).execute();
}

/** The upload is whole: the asset becomes visible with what its bytes turned out to be. */
export async function markReady(db: Executor, workspaceId: string, id: string, done: { size: number; sha256: string; kind: AssetKind; contentType: string }): Promise<void> {
  await db
    .updateTable('assets')
    .set({ status: 'ready', size: done.size, sha256: done.sha256, kind: done.kind, content_type: done.contentType, updated_at: sql`now()` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

/** Deletes an asset, its chunks and its downloads (cascade); true when there was one. */
export async function deleteAsset(db: Executor, workspaceId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('assets').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function renameAsset(db: Executor, workspaceId: string, id: string, name: string): Promise<boolean> {
  const result = await db.updateTable('assets').set({ name, updated_at: sql`now()` }).where('workspace_id', '=', workspaceId).where('id', '=', id).where('status', '=', 'ready').executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** One chunk's bytes, or null when the asset went (deleted while it was being read). */
export async function chunkData(db: Executor, workspaceId: string, assetId: string, seq: number): Promise<Buffer | null> {
  const row = await db.selectFrom('asset_chunks').select('data').where('workspace_id', '=', workspaceId).where('asset_id', '=', assetId).where('seq', '=', seq).executeTakeFirst();
  if (!row) return null;
  // pg gives a Buffer, PGlite a Uint8Array: the same bytes either way, without a copy.
  return Buffer.isBuffer(row.data) ? row.data : Buffer.from(row.data.buffer, row.data.byteOffset, row.data.byteLength);
}

/** A download: its row, and the asset's count (in the caller's transaction). */
export async function recordDownloadRow(tx: Executor, workspaceId: string, row: { id: string; assetId: string; contactId: string | null; ip: string | null; userAgent: string | null }): Promise<void> {
  await tx.insertInto('asset_downloads').values({ workspace_id: workspaceId, id: row.id, asset_id: row.assetId, contact_id: row.contactId, ip: row.ip, user_agent: row.userAgent }).execute();
  await tx.updateTable('assets').set({ downloads: sql`downloads + 1` }).where('workspace_id', '=', workspaceId).where('id', '=', row.assetId).execute();
}

/** Uploads a crashed process left half-written (their chunks go with them). */
export async function deleteStaleUploads(db: Executor, olderThanMinutes: number): Promise<void> {
  await db.deleteFrom('assets').where('status', '=', 'uploading').where('created_at', '<', sql<Date>`now() - ${olderThanMinutes} * interval '1 minute'`).execute();
}
