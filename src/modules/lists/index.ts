import { Type } from 'typebox';
import type { InflowModule } from '../module.js';
import { ContactListSchema } from './schema.js';
import { listRoutes } from './routes.js';
import { listsOfContact, moveListMemberships } from './service.js';

/** Static lists: hand-picked groups of contacts. */
export const listsModule: InflowModule = {
  name: 'lists',
  tables: ['lists', 'list_members'],
  navigation: [
    {
      path: 'lists',
      label: 'Lists',
      icon: 'list-details',
      group: 'Engage',
      order: 10,
      title: 'Hand-picked groups of contacts',
      description: 'Put contacts on static lists by hand, by import or through the API, and use them as audiences.',
    },
  ],
  routes: (app, { db, hooks }) => {
    const { existingContactIds } = hooks.services;
    if (!existingContactIds) throw new Error('the lists module needs a module that provides existingContactIds');
    listRoutes(app, { db, existingContactIds });
  },
  personalData: {
    merge: async (tx, workspaceId, survivor, other, actor) => ({ lists: await moveListMemberships(tx, workspaceId, other.id, survivor.id, actor) }),
    export: async (tx, workspaceId, person) => ({ lists: await listsOfContact(tx, workspaceId, person.id) }),
    exportSchema: { lists: Type.Array(ContactListSchema) },
  },
};
