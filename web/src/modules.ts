import {
  IconAddressBook,
  IconAppWindow,
  IconAutomation,
  IconBuildingSkyscraper,
  IconChartBar,
  IconFileDownload,
  IconFilter,
  IconFlame,
  IconForms,
  IconLayout,
  IconLayoutKanban,
  IconListDetails,
  IconMail,
  IconPuzzle,
  IconRoute,
  type Icon,
} from '@tabler/icons-react';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from './api/client';
import type { ItemOf, Page } from './api/schema-types';

/**
 * A product module as the server's registry describes it (`GET /api/v1/modules`): its place in
 * the navbar, and whether it has shipped (`live`) or is still to come (a page explains it).
 */
export type ModuleEntry = ItemOf<'/api/v1/modules', 'get'>;

export const MODULE_GROUPS = ['Leads', 'Engage', 'Sell & measure'] as const;

// The server names icons; drawing them is the dashboard's part. An unknown name gets a puzzle piece.
const ICONS: Record<string, Icon> = {
  'address-book': IconAddressBook,
  'app-window': IconAppWindow,
  automation: IconAutomation,
  'building-skyscraper': IconBuildingSkyscraper,
  'chart-bar': IconChartBar,
  'file-download': IconFileDownload,
  filter: IconFilter,
  flame: IconFlame,
  forms: IconForms,
  layout: IconLayout,
  'layout-kanban': IconLayoutKanban,
  'list-details': IconListDetails,
  mail: IconMail,
  route: IconRoute,
};

export function moduleIcon(name: string): Icon {
  return ICONS[name] ?? IconPuzzle;
}

/** The modules never change while the server runs: fetched once per session. */
export const modulesQuery = queryOptions({
  queryKey: ['modules'],
  queryFn: () => apiRequest<Page<ModuleEntry>>('/api/v1/modules'),
  staleTime: Infinity,
});

export function useModules(): ModuleEntry[] | undefined {
  return useQuery(modulesQuery).data?.data;
}

export const API_DOCS_URL = '/api/docs';
