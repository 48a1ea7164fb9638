import { createCompany } from '../../../src/modules/companies/service.js';
import type { MakeIsolationFixture } from './fixture.js';

export const fixture: MakeIsolationFixture = async (server, b) => {
  const company = await createCompany(server.database.db, b.workspaceId, { name: 'Beta Secret Corp', domain: 'beta-secret.example' });
  return {
    params: {
      '/api/v1/companies/:id': { id: company.id },
      '/api/v1/companies/:id/contacts': { id: company.id },
    },
    secrets: [company.id, 'Beta Secret Corp'],
  };
};
