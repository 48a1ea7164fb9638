// Before a contact's company name decided its company, contacts were linked by their email's
// domain alone: someone at acme.com who wrote "Globex" joined Acme. Migration 0014 queues this
// job once per workspace; it puts each such contact where its company name says.
import { sql } from 'kysely';
import type { JobHandler } from '../../db/jobs/worker.js';
import { companiesFor } from '../companies/link-companies.js';
import { companyNameKeys } from '../companies/service.js';
import { applyContactWrites, type ContactWrite } from './batch.js';

export const RELINK_COMPANIES_JOB = 'contacts.relink_companies';
const PAGE = 1_000;

export const relinkCompaniesJob: JobHandler = async (job, { db }) => {
  const workspaceId = job.workspace_id;
  if (!workspaceId) throw new Error(`${RELINK_COMPANIES_JOB} needs a workspace`);
  let after: string | null = null;
  for (;;) {
    const named = await db
      .selectFrom('contacts')
      .select(['id', 'email', 'company_id', 'company_name', sql<string>`inflow_company_name_key(company_name)`.as('name_key')])
      .where('workspace_id', '=', workspaceId)
      .where('company_name', 'is not', null)
      // Contacts in the trash are left as they were deleted.
      .where('deleted_at', 'is', null)
      .$if(after !== null, (query) => query.where('id', '>', after!))
      .orderBy('id')
      .limit(PAGE)
      .execute();
    if (named.length === 0) return;
    after = named.at(-1)!.id;
    const keyOf = await companyNameKeys(db, workspaceId, named.flatMap((contact) => (contact.company_id ? [contact.company_id] : [])));
    const contradicted = named.filter((contact) => !contact.company_id || keyOf.get(contact.company_id) !== contact.name_key);
    if (contradicted.length === 0) continue;
    await db.transaction().execute(async (tx) => {
      const companyIds = await companiesFor(tx, workspaceId, contradicted.map((contact) => ({ email: contact.email, companyName: contact.company_name })));
      const writes: ContactWrite[] = contradicted.flatMap((contact, i) => {
        const companyId = companyIds[i];
        return companyId && companyId !== contact.company_id ? [{ id: contact.id, input: { company_id: companyId } }] : [];
      });
      if (writes.length > 0) await applyContactWrites(tx, workspaceId, writes, { actor: { type: 'system', id: null }, returnContacts: false });
    });
  }
};
