// A form's submissions as CSV, streamed page by page: memory stays flat at any size.
import type { Executor } from '../../db/database.js';
import type { Keyset } from '../../db/keyset.js';
import { CSV_BOM, csvLines } from '../contacts/csv-cells.js';
import { submissionHeader, submissionRow } from './submission-csv.js';
import { fieldKeysOfAllVersions, formSubmissionsPage, type SubmissionFilters } from './submission-queries.js';

const PAGE = 500;

/** The CSV text of a form's submissions that pass the filters, newest first, in chunks (the form is checked by the caller). */
export async function submissionsCsv(db: Executor, workspaceId: string, formId: string, filters: SubmissionFilters): Promise<AsyncGenerator<string>> {
  const keys = await fieldKeysOfAllVersions(db, workspaceId, formId);
  async function* chunks(): AsyncGenerator<string> {
    yield CSV_BOM + csvLines([submissionHeader(keys)]);
    for (let after: Keyset | null = null; ; ) {
      const page = await formSubmissionsPage(db, workspaceId, formId, filters, { limit: PAGE, after });
      if (page.length > 0) yield csvLines(page.map((submission) => submissionRow(submission, keys)));
      if (page.length < PAGE) return;
      const last = page[page.length - 1]!;
      after = { key: last.sort_key, id: last.id };
    }
  }
  return chunks();
}
