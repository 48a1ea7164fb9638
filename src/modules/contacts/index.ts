import type { InflowModule } from '../module.js';
import { bulkRoutes } from './bulk/routes.js';
import { BULK_ACTION_JOB } from './bulk/bulk-actions.js';
import { runBulkActionJob } from './bulk/bulk-job.js';
import { duplicateChecks, findDuplicatesJob } from './duplicates/jobs.js';
import { FIND_DUPLICATES_JOB } from './duplicates/pairs.js';
import { exportRoutes } from './export/routes.js';
import { runImportJob } from './import/import-job.js';
import { purgeImportFilesJob } from './import/import-retention.js';
import { IMPORT_JOB } from './import/import-service.js';
import { importRoutes } from './import/routes.js';
import { duplicateRoutes } from './duplicates/routes.js';
import { customFieldRoutes } from './custom-field-routes.js';
import { privacyRoutes } from './privacy-routes.js';
import { contactCountsByCompany } from './queries.js';
import { relatedRoutes } from './related-routes.js';
import { RELINK_COMPANIES_JOB, relinkCompaniesJob } from './relink-companies.js';
import { contactRoutes } from './routes.js';
import { tagRoutes } from './tag-routes.js';
import { purgeTrashJob } from './trash.js';
import { trashRoutes } from './trash-routes.js';
import { existingContactIds } from './service.js';

/** The lead database: contacts, their custom fields, timeline, consents, imports and exports, duplicates. */
export const contactsModule: InflowModule = {
  name: 'contacts',
  tables: ['contacts', 'custom_fields', 'consents', 'suppressions', 'imports', 'contact_duplicates', 'duplicate_scans', 'bulk_actions'],
  navigation: [
    {
      path: 'contacts',
      label: 'Contacts',
      icon: 'address-book',
      group: 'Leads',
      order: 10,
      title: 'Every lead, with its whole story',
      description:
        'See each contact with where they came from, their score, lifecycle stage and every visit, form and email on one timeline — and bring in offline leads from CSV.',
    },
  ],
  routes: (app, context) => {
    contactRoutes(app, context);
    customFieldRoutes(app, context);
    importRoutes(app, context);
    exportRoutes(app, context);
    bulkRoutes(app, context);
    privacyRoutes(app, context);
    duplicateRoutes(app, context);
    relatedRoutes(app, context);
    tagRoutes(app, context);
    trashRoutes(app, context);
  },
  provides: { contactCountsByCompany, existingContactIds },
  jobs: {
    [IMPORT_JOB]: runImportJob,
    [FIND_DUPLICATES_JOB]: findDuplicatesJob,
    [BULK_ACTION_JOB]: runBulkActionJob,
    [RELINK_COMPANIES_JOB]: relinkCompaniesJob,
  },
  recurringJobs: [purgeImportFilesJob, purgeTrashJob],
  subscribers: [duplicateChecks],
};
