import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { InflowModule, NavigationEntry } from '../modules/module.js';
import { PLANNED_MODULES } from '../modules/planned.js';
import { StringEnum } from '../schema-types.js';
import { Page } from './pagination.js';

const NavigationSchema = Type.Object({
  module: Type.Union([Type.String(), Type.Null()], { description: 'The module that serves the page; null for a module still to come' }),
  path: Type.String({ description: 'Under /w/:slug/ in the dashboard' }),
  label: Type.String(),
  icon: Type.String({ description: 'A Tabler icon name' }),
  group: StringEnum(['Leads', 'Engage', 'Sell & measure'] as const),
  order: Type.Integer({ description: 'Place within the group' }),
  title: Type.String(),
  description: Type.String(),
  live: Type.Boolean({ description: 'False for a module still to come: the dashboard shows a page that explains it' }),
});

/** The registered modules' navigation entries, then the plans no registered module has taken the place of. */
export function navigationOf(modules: readonly InflowModule[], planned: readonly NavigationEntry[] = PLANNED_MODULES) {
  const live = modules.flatMap((module) => (module.navigation ?? []).map((entry) => ({ module: module.name, ...entry, live: true })));
  const taken = new Set(live.map((entry) => entry.path));
  const upcoming = planned.filter((entry) => !taken.has(entry.path)).map((entry) => ({ module: null, ...entry, live: false }));
  const groups = ['Leads', 'Engage', 'Sell & measure'];
  return [...live, ...upcoming].sort((x, y) => groups.indexOf(x.group) - groups.indexOf(y.group) || x.order - y.order);
}

/** The dashboard's navigation comes from the module registry, not from a list kept in the dashboard. */
export function navigationRoutes(server: FastifyInstance, modules: readonly InflowModule[]): void {
  const entries = navigationOf(modules);
  server.withTypeProvider<TypeBoxTypeProvider>().get(
    '/api/v1/modules',
    {
      config: { auth: 'account' },
      schema: { tags: ['workspaces'], summary: "The product's modules, as the dashboard's navigation shows them", response: { 200: Page(NavigationSchema) } },
    },
    async () => ({ data: entries, next_cursor: null }),
  );
}
