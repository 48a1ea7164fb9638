// An import's files are kept for a while, not for ever: an upload can be a gigabyte, and an
// error report quotes the people's data the rows held. The import stays, with its counts.
import { unlink } from 'node:fs/promises';
import { sql, type Kysely } from 'kysely';
import type { RecurringJob } from '../../../db/jobs/recurring.js';
import type { Tables } from '../../../db/schema.js';

/** An upload never started is a mistake or an abandoned wizard. */
export const DRAFT_FILES_DAYS = 7;
/** Long enough to download the error report and resume a failed import. */
export const FINISHED_FILES_DAYS = 30;
const BATCH = 200;

async function removeFile(file: string | null): Promise<void> {
  if (!file) return;
  await unlink(file).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw err;
  });
}

/**
 * Removes the files of imports idle past their retention (drafts, and finished, failed or
 * cancelled imports; never queued or running ones), in every workspace. A file given by path
 * (the CLI's own file) is never the import's to remove. Returns how many imports it cleared.
 */
export async function purgeImportFiles(db: Kysely<Tables>, now = new Date()): Promise<number> {
  let cleared = 0;
  for (;;) {
    // Claimed and marked in one statement, before any file goes: an import started meanwhile
    // is no longer due (its status changed), and one claimed here can no longer be started.
    // updated_at stays: it is the import's last activity, not the purge's.
    const { rows: claimed } = await sql<{ file_path: string; file_owned: boolean; error_report_path: string | null }>`
      update imports set files_removed_at = ${now}, error_report_bytes = 0
       where (workspace_id, id) in (
         select workspace_id, id from imports
          where files_removed_at is null
            and ((status = 'draft' and updated_at < ${now}::timestamptz - ${DRAFT_FILES_DAYS} * interval '1 day')
              or (status in ('done', 'failed', 'cancelled') and updated_at < ${now}::timestamptz - ${FINISHED_FILES_DAYS} * interval '1 day'))
          limit ${BATCH}
            for update skip locked)
      returning file_path, file_owned, error_report_path`.execute(db);
    for (const imp of claimed) {
      if (imp.file_owned) await removeFile(imp.file_path);
      await removeFile(imp.error_report_path);
    }
    cleared += claimed.length;
    if (claimed.length < BATCH) return cleared;
  }
}

export const purgeImportFilesJob: RecurringJob = {
  kind: 'contacts.purge_import_files',
  everyMs: 60 * 60_000,
  run: async (_job, { db }) => {
    await purgeImportFiles(db);
  },
};
