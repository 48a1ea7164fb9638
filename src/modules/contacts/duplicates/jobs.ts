import type { JobHandler } from '../../../db/jobs/worker.js';
import type { EventSubscriber } from '../../../events/subscriber.js';
import { scanDuplicates, scheduleDuplicateScan } from './pairs.js';

/** A scan asked for by a user ("Check again"), or after contacts changed (below). */
export const findDuplicatesJob: JobHandler = async (job, { db }) => {
  await scanDuplicates(db, (job.payload as { workspace_id: string }).workspace_id);
};

/** The fields a duplicate scan compares (see scanDuplicates). */
const COMPARED_FIELDS = new Set(['first_name', 'last_name', 'company_id', 'company_name', 'phone']);
/** Changes within this time of the first one share a scan. */
export const SCAN_DELAY_MS = 60_000;

/**
 * Keeps each workspace's duplicate pairs current without rescanning anything: a contact
 * created, or changed in a field the scan compares, asks for a scan of its workspace a minute
 * later, and so does one restored from the trash. Deleted and merged contacts take their pairs
 * with them as they go.
 */
export const duplicateChecks: EventSubscriber = {
  name: 'contacts.duplicate_checks',
  kinds: ['contact.created', 'contact.updated', 'contact.restored'],
  handle: async (events, { tx }) => {
    const workspaces = new Set<string>();
    for (const event of events) {
      if (event.kind === 'contact.created' || event.kind === 'contact.restored' || (event.kind === 'contact.updated' && Object.keys(event.payload.changes).some((field) => COMPARED_FIELDS.has(field)))) {
        workspaces.add(event.workspace_id);
      }
    }
    for (const workspaceId of workspaces) await scheduleDuplicateScan(tx, workspaceId, SCAN_DELAY_MS);
  },
};
