import { Type } from 'typebox';
import type { Executor } from '../../../db/database.js';
import { Timestamp } from '../../../http/schemas.js';
import type { PersonRef } from '../../module.js';

export const DownloadExport = Type.Object({
  asset_id: Type.String(),
  ip: Type.Union([Type.String(), Type.Null()]),
  user_agent: Type.Union([Type.String(), Type.Null()]),
  created_at: Timestamp,
});

/** A person's downloads follow a merge, go with an erasure (the asset's count stays: an anonymous aggregate), and are exported. */
export const downloadsOfPerson = {
  merge: async (tx: Executor, workspaceId: string, survivor: PersonRef, other: PersonRef) => {
    const moved = await tx.updateTable('asset_downloads').set({ contact_id: survivor.id }).where('workspace_id', '=', workspaceId).where('contact_id', '=', other.id).executeTakeFirst();
    return Number(moved.numUpdatedRows);
  },
  erase: async (tx: Executor, workspaceId: string, person: PersonRef) => {
    await tx.deleteFrom('asset_downloads').where('workspace_id', '=', workspaceId).where('contact_id', '=', person.id).execute();
  },
  export: (tx: Executor, workspaceId: string, person: PersonRef) =>
    tx.selectFrom('asset_downloads').select(['asset_id', 'ip', 'user_agent', 'created_at']).where('workspace_id', '=', workspaceId).where('contact_id', '=', person.id).orderBy('created_at').execute(),
};
