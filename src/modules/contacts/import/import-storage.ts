// Uploads wait on the server's disk until their import runs, and stay 30 days after (to resume
// or to download the error report). One workspace must not fill the disk for everyone: its
// kept files count against a quota, and no upload may take the disk below the reserve that
// keeps the database writable.
import { sql } from 'kysely';
import type { QueryBuilder } from '../../../db/database.js';
import type { DiskSpace } from '../../../db/disk-space.js';
import { AppError } from '../../../errors.js';
import { formatBytes } from '../../../lib/bytes.js';

export interface ImportStorage {
  used_bytes: number;
  quota_bytes: number;
  disk_free_bytes: number;
  disk_reserve_bytes: number;
  /** Said before an upload is refused: the quota is 80 % used, or the disk is close to its reserve. */
  warning: string | null;
}

const WARN_QUOTA_SHARE = 0.8;
const WARN_DISK_MARGIN = 1024 ** 3;

/** The bytes of the workspace's kept import files: the uploads it owns (removed once imported), and error reports. */
export async function importFilesBytes(db: QueryBuilder, workspaceId: string): Promise<number> {
  const { rows } = await sql<{ bytes: number }>`
    select coalesce(sum(case when file_owned and status <> 'done' then file_size else 0 end + error_report_bytes), 0)::int8 as bytes
      from imports
     where workspace_id = ${workspaceId} and files_removed_at is null`.execute(db);
  return rows[0]?.bytes ?? 0;
}

export function importStorage(usedBytes: number, quotaBytes: number, disk: DiskSpace): ImportStorage {
  const free = disk.freeBytes();
  let warning: string | null = null;
  if (free < disk.reserveBytes + WARN_DISK_MARGIN) {
    warning = `The server's disk has ${formatBytes(free)} free: uploads stop when less than ${formatBytes(disk.reserveBytes)} would be left.`;
  } else if (usedBytes >= quotaBytes * WARN_QUOTA_SHARE) {
    warning = `This workspace's import files use ${formatBytes(usedBytes)} of its ${formatBytes(quotaBytes)}: delete finished imports to make room (their files also go 30 days after they end).`;
  }
  return { used_bytes: usedBytes, quota_bytes: quotaBytes, disk_free_bytes: free, disk_reserve_bytes: disk.reserveBytes, warning };
}

/** Why `incoming` more bytes of a workspace's uploads exceed its quota, or null. */
export function quotaRefusal(usedBytes: number, quotaBytes: number, incoming: number): AppError | null {
  if (usedBytes + incoming <= quotaBytes) return null;
  return new AppError(
    'storage_full',
    `This workspace's import files would use more than its ${formatBytes(quotaBytes)} (INFLOW_IMPORT_QUOTA_MB; ${formatBytes(usedBytes)} used): delete finished imports to make room.`,
  );
}

/** Why `incoming` more bytes would take the disk below its reserve, or null. */
export function diskRefusal(freeBytes: number, reserveBytes: number, incoming: number): AppError | null {
  if (freeBytes - incoming >= reserveBytes) return null;
  return new AppError(
    'storage_full',
    `The server's disk is almost full (${formatBytes(freeBytes)} free, ${formatBytes(reserveBytes)} kept in reserve): the upload does not fit.`,
  );
}
