import type { NavigationEntry } from './module.js';

/**
 * Modules still to come, shown in the dashboard's navigation with a page that explains them.
 * A module that ships registers its own entry (./index.ts), which takes the place of its plan.
 */
export const PLANNED_MODULES: readonly NavigationEntry[] = [
  {
    path: 'scoring',
    label: 'Scoring',
    icon: 'flame',
    group: 'Leads',
    order: 50,
    title: 'Let the hottest leads rise to the top',
    description:
      'Give points for behaviour and for fit with your ideal customer, let them decay over time, and move leads from cold to hot and from MQL to SQL automatically.',
  },
  {
    path: 'segments',
    label: 'Segments',
    icon: 'filter',
    group: 'Engage',
    order: 20,
    title: 'Groups of contacts that keep themselves up to date',
    description:
      'Combine fields, behaviour, score and lifecycle stage into segments that refresh on their own, ready to target with emails and workflows.',
  },
  {
    path: 'email',
    label: 'Email',
    icon: 'mail',
    group: 'Engage',
    order: 30,
    title: 'Newsletters and follow-ups that land',
    description:
      'Send personalised newsletters to segments and automatic follow-ups after a conversion, with unsubscribe links and bounce suppression handled for you.',
  },
  {
    path: 'workflows',
    label: 'Workflows',
    icon: 'automation',
    group: 'Engage',
    order: 40,
    title: 'Nurture leads while you sleep',
    description:
      'Start a workflow when a lead does something, wait, check a condition, then send an email, update a field or alert the right salesperson.',
  },
  {
    path: 'pipeline',
    label: 'Pipeline',
    icon: 'layout-kanban',
    group: 'Sell & measure',
    order: 10,
    title: 'Hand qualified leads to sales',
    description:
      'Assign SQLs to sales owners, get alerted when one goes untouched, and follow every deal stage by stage to the close.',
  },
  {
    path: 'reports',
    label: 'Reports',
    icon: 'chart-bar',
    group: 'Sell & measure',
    order: 20,
    title: 'See which channels bring customers',
    description:
      'Follow the funnel from visitor to customer, compare leads and cost per lead by source and campaign, and measure forms, emails and stage velocity.',
  },
];
