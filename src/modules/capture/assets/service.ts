// Assets' operations: reading a file back in chunks, and what a download makes true.
import { Readable } from 'node:stream';
import type { Executor, QueryBuilder } from '../../../db/database.js';
import { newId } from '../../../db/ids.js';
import { notFound } from '../../../errors.js';
import { publish } from '../../../events/publish.js';
import { existingContactIds } from '../../contacts/service.js';
import { recordTimeline } from '../../timeline/timeline.js';
import type { ByteRange } from './served-file.js';
import { assetsByIds, chunkData, recordDownloadRow, type AssetRow } from './store.js';
import { CHUNK_BYTES } from './upload.js';

const SYSTEM = { type: 'system', id: null } as const;

export async function getAsset(db: Executor, workspaceId: string, id: string): Promise<AssetRow> {
  const [asset] = await assetsByIds(db, workspaceId, [id]);
  if (!asset) throw notFound('Asset');
  return asset;
}

/**
 * The bytes of an asset (or of one range of it) as a stream that reads one chunk from the
 * database when the reader wants more: a 50 MB file is never whole in memory. Deleted while
 * it is read, the stream fails (the response is cut short rather than completed with wrong bytes).
 */
export function assetBytes(db: QueryBuilder, workspaceId: string, asset: Pick<AssetRow, 'id' | 'size'>, range: ByteRange = { start: 0, end: asset.size - 1 }): Readable {
  const first = Math.floor(range.start / CHUNK_BYTES);
  const last = Math.floor(range.end / CHUNK_BYTES);
  async function* chunks() {
    for (let seq = first; seq <= last; seq++) {
      const data = await chunkData(db, workspaceId, asset.id, seq);
      if (!data) throw new Error(`asset ${asset.id} lost its chunk ${seq} while being read`);
      const from = seq === first ? range.start - seq * CHUNK_BYTES : 0;
      const to = seq === last ? range.end - seq * CHUNK_BYTES + 1 : data.length;
      yield data.subarray(from, to);
    }
  }
  // One chunk read ahead at most.
  return Readable.from(chunks(), { objectMode: false, highWaterMark: 1 });
}

/**
 * A lead downloaded an asset through their link: the download row and the count, a line on the
 * contact's timeline and `asset.downloaded`, together. A contact deleted since the link was
 * made is counted without them.
 */
export async function recordDownload(db: QueryBuilder, workspaceId: string, asset: Pick<AssetRow, 'id' | 'name'>, visit: { contactId: string | null; ip: string | null; userAgent: string | null }): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const contactId = visit.contactId && (await existingContactIds(tx, workspaceId, [visit.contactId])).has(visit.contactId) ? visit.contactId : null;
    const id = newId();
    await recordDownloadRow(tx, workspaceId, { id, assetId: asset.id, contactId, ip: visit.ip, userAgent: visit.userAgent });
    if (!contactId) return;
    await recordTimeline(tx, workspaceId, SYSTEM, [{ contactId, kind: 'asset.downloaded', data: { asset_id: asset.id, asset_name: asset.name, download_id: id } }]);
    await publish(tx, { workspaceId, kind: 'asset.downloaded', contactId, actor: SYSTEM, payload: { asset_id: asset.id, asset_name: asset.name, download_id: id } });
  });
}
