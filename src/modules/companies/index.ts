import { Type } from 'typebox';
import type { InflowModule } from '../module.js';
import { CompanySchema } from './schema.js';
import { companyRoutes } from './routes.js';
import { getCompany } from './service.js';

/** The organisations behind leads, found from work email domains or entered by hand. */
export const companiesModule: InflowModule = {
  name: 'companies',
  tables: ['companies'],
  navigation: [
    {
      path: 'companies',
      label: 'Companies',
      icon: 'building-skyscraper',
      group: 'Leads',
      order: 20,
      title: 'The organisations behind your leads',
      description: 'Contacts are grouped by the company of their work email, with its industry, size and revenue.',
    },
  ],
  routes: (app, { db, hooks }) => {
    const { contactCountsByCompany } = hooks.services;
    if (!contactCountsByCompany) throw new Error('the companies module needs a module that provides contactCountsByCompany');
    companyRoutes(app, { db, contactCountsByCompany });
  },
  personalData: {
    // The person's employer as recorded (how many colleagues it has is not about the person).
    export: async (tx, workspaceId, person) => {
      if (!person.companyId) return { company: null };
      return { company: await getCompany(tx, workspaceId, person.companyId) };
    },
    exportSchema: { company: Type.Union([Type.Omit(CompanySchema, ['contact_count']), Type.Null()]) },
  },
};
