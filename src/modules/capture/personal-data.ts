import { sql } from 'kysely';
import { Type } from 'typebox';
import type { Executor } from '../../db/database.js';
import { Timestamp } from '../../http/schemas.js';
import type { PersonalDataHooks } from '../module.js';
import { DownloadExport, downloadsOfPerson } from './assets/personal-data.js';

const SubmissionExport = Type.Object({
  id: Type.String(),
  form_id: Type.String(),
  form_version: Type.Integer(),
  values: Type.Record(Type.String(), Type.Unknown()),
  consents: Type.Array(Type.Unknown()),
  page_url: Type.Union([Type.String(), Type.Null()]),
  referrer: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  user_agent: Type.Union([Type.String(), Type.Null()]),
  created_at: Timestamp,
});

function ofPerson(db: Executor, workspaceId: string, contactId: string, email: string | null) {
  return db
    .selectFrom('form_submissions')
    .where('workspace_id', '=', workspaceId)
    .where((eb) => (email ? eb.or([eb('contact_id', '=', contactId), eb(sql`lower(email)`, '=', email.toLowerCase())]) : eb('contact_id', '=', contactId)));
}

/**
 * A person's submissions (and spam carrying their address) follow them: moved to the survivor
 * of a merge, deleted with an erasure (the contact link alone would leave the values behind),
 * listed in an export.
 */
export const capturePersonalData: PersonalDataHooks = {
  merge: async (tx, workspaceId, survivor, other) => {
    const moved = await tx.updateTable('form_submissions').set({ contact_id: survivor.id }).where('workspace_id', '=', workspaceId).where('contact_id', '=', other.id).executeTakeFirst();
    return { form_submissions: Number(moved.numUpdatedRows), asset_downloads: await downloadsOfPerson.merge(tx, workspaceId, survivor, other) };
  },
  erase: async (tx, workspaceId, person) => {
    await tx.deleteFrom('form_submissions').where('workspace_id', '=', workspaceId).where((eb) => {
      const byContact = eb('contact_id', '=', person.id);
      return person.email ? eb.or([byContact, eb(sql`lower(email)`, '=', person.email.toLowerCase())]) : byContact;
    }).execute();
    await downloadsOfPerson.erase(tx, workspaceId, person);
    if (person.email) await tx.deleteFrom('form_spam').where('workspace_id', '=', workspaceId).where(sql`lower(email)`, '=', person.email.toLowerCase()).execute();
  },
  export: async (tx, workspaceId, person) => ({
    form_submissions: await ofPerson(tx, workspaceId, person.id, person.email)
      .select(['id', 'form_id', 'form_version', 'values', 'consents', 'page_url', 'referrer', 'ip', 'user_agent', 'created_at'])
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    asset_downloads: await downloadsOfPerson.export(tx, workspaceId, person),
  }),
  exportSchema: { form_submissions: Type.Array(SubmissionExport), asset_downloads: Type.Array(DownloadExport) },
};
