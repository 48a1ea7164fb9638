import { eventsModule } from '../events/index.js';
import { accountsModule } from './accounts/index.js';
import { captureModule } from './capture/index.js';
import { companiesModule } from './companies/index.js';
import { contactsModule } from './contacts/index.js';
import { listsModule } from './lists/index.js';
import { timelineModule } from './timeline/index.js';
import { trackingModule } from './tracking/index.js';
import type { InflowModule } from './module.js';
import { workspacesModule } from './workspaces/index.js';

/**
 * Every module, lowest first (DESIGN.md): a module may call the services of the modules before
 * it and hears about the ones after it only through domain events and hooks. The app, the
 * worker, the dashboard's navigation and the architecture tests all read this list.
 */
export const MODULES: readonly InflowModule[] = [
  eventsModule,
  accountsModule,
  workspacesModule,
  timelineModule,
  companiesModule,
  listsModule,
  contactsModule,
  captureModule,
  trackingModule,
];
