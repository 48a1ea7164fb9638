import type { InflowModule } from '../module.js';
import { companyRoutes } from './routes.js';

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
      title: 'The organisations behind your leads',
      description: 'Contacts are grouped by the company of their work email, with its industry, size and revenue.',
    },
  ],
  routes: (app, { db }) => companyRoutes(app, { db }),
};
