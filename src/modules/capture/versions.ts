// The published versions of a form or a page, as the dashboard lists them: newest first, paged
// by version number, each with the person who published it.
import { Type } from 'typebox';
import type { Executor } from '../../db/database.js';
import { decodeCursor } from '../../http/pagination.js';
import { Timestamp } from '../../http/schemas.js';
import { publicUsersByIds, type PublicUser } from '../accounts/service.js';

export const VersionSchema = Type.Object({
  version: Type.Integer(),
  published_at: Timestamp,
  published_by: Type.Union([Type.Object({ id: Type.String(), name: Type.String(), email: Type.String() }), Type.Null()], { description: 'Who published it; null when an API key or the schedule did' }),
  live: Type.Boolean({ description: 'The version the public sees now' }),
});

export interface VersionView {
  version: number;
  published_at: Date;
  published_by: PublicUser | null;
  live: boolean;
}

/** The version a `cursor` of the versions list points past; null on the first page. */
export function versionBefore(cursor: string | undefined): number | null {
  const after = decodeCursor(cursor, (k) => k.id === '' && /^[1-9]\d{0,9}$/.test(k.key));
  return after ? Number(after.key) : null;
}

export const versionKey = (row: VersionView) => ({ key: String(row.version), id: '' });

/** Names the publishers of a page of version rows, and marks the live one. */
export async function versionViews(db: Executor, rows: Array<{ version: number; published_at: Date; published_by: string | null }>, liveVersion: number | null): Promise<VersionView[]> {
  const users = new Map((await publicUsersByIds(db, [...new Set(rows.flatMap((r) => (r.published_by ? [r.published_by] : [])))])).map((u) => [u.id, u]));
  return rows.map((r) => ({
    version: r.version,
    published_at: r.published_at,
    published_by: (r.published_by && users.get(r.published_by)) || null,
    live: r.version === liveVersion,
  }));
}
