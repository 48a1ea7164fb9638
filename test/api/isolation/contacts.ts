import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBulkAction } from '../../../src/modules/contacts/bulk/bulk-actions.js';
import { createCustomField } from '../../../src/modules/contacts/custom-field-service.js';
import { createImport } from '../../../src/modules/contacts/import/import-service.js';
import { recordConsent } from '../../../src/modules/contacts/privacy.js';
import { upsertContact } from '../../../src/modules/contacts/service.js';
import { trashContacts } from '../../../src/modules/contacts/trash.js';
import type { MakeIsolationFixture } from './fixture.js';

export const fixture: MakeIsolationFixture = async (server, b) => {
  const db = server.database.db;
  const system = { type: 'system', id: null } as const;
  const { contact } = await upsertContact(db, b.workspaceId, { email: 'secret-lead@beta.example', first_name: 'Secret' }, { actor: system });
  await createCustomField(db, b.workspaceId, { key: 'beta_only', label: 'Beta only', type: 'text' });
  const { contact: twin } = await upsertContact(db, b.workspaceId, { email: 'twin@beta.example', first_name: 'Secret', phone: '+55 81 99999-0000' }, { actor: system });
  await upsertContact(db, b.workspaceId, { email: 'twin2@beta.example', first_name: 'Secret', phone: '81 99999 0000' }, { actor: system });
  await recordConsent(db, b.workspaceId, contact.id, { purpose: 'email', granted: true, text_shown: 'Yes, email me', source: 'test' }, system);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'inflow-tenant-')), 'beta-secret.csv');
  fs.writeFileSync(file, 'email\nsecret-import@beta.example\n');
  const imported = await createImport(db, b.workspaceId, {
    filePath: file, fileName: 'beta-secret.csv', fileSize: fs.statSync(file).size, fileOwned: false, reportDir: path.dirname(file), start: false, actor: system,
  });
  const bulk = await createBulkAction(db, b.workspaceId, { tag: ['beta-secret-tag'], custom: {} }, { action: 'add_tags', tags: ['beta-secret-tag'] }, system);
  // A contact of B in the trash: A can neither see it there, nor restore or purge it.
  const { contact: trashed } = await upsertContact(db, b.workspaceId, { email: 'trashed-secret@beta.example' }, { actor: system });
  await db.transaction().execute((tx) => trashContacts(tx, b.workspaceId, [trashed.id], system));
  const ofContact = { id: contact.id };
  const ofImport = { id: imported.id };
  return {
    params: {
      '/api/v1/contacts/bulk-actions/:id': { id: bulk.id },
      '/api/v1/contacts/:id': ofContact,
      '/api/v1/contacts/:id/timeline': ofContact,
      '/api/v1/contacts/:id/notes': ofContact,
      '/api/v1/contacts/:id/consents': ofContact,
      '/api/v1/contacts/:id/export': ofContact,
      '/api/v1/contacts/:id/erase': ofContact,
      '/api/v1/contacts/:id/merge': { id: twin.id },
      '/api/v1/contacts/:id/restore': { id: trashed.id },
      '/api/v1/contacts/trash/:id': { id: trashed.id },
      '/api/v1/custom-fields/:key': { key: 'beta_only' },
      '/api/v1/imports/:id': ofImport,
      '/api/v1/imports/:id/preview': ofImport,
      '/api/v1/imports/:id/start': ofImport,
      '/api/v1/imports/:id/cancel': ofImport,
      '/api/v1/imports/:id/errors.csv': ofImport,
    },
    secrets: [contact.id, 'secret-lead@beta.example', twin.id, 'twin@beta.example', 'twin2@beta.example', imported.id, 'beta-secret.csv', 'secret-import@beta.example', bulk.id, 'beta-secret-tag', trashed.id, 'trashed-secret@beta.example'],
  };
};
