import {
  IconAddressBook,
  IconBuildingSkyscraper,
  IconListDetails,
  IconAutomation,
  IconChartBar,
  IconFilter,
  IconFlame,
  IconForms,
  IconLayoutKanban,
  IconMail,
  IconRoute,
  type Icon,
} from '@tabler/icons-react';

/** A product module: its place in the navbar and, until it ships, the empty state that explains it. */
export interface ProductModule {
  path: string;
  label: string;
  icon: Icon;
  /** Navbar group it belongs to. */
  group: 'Leads' | 'Engage' | 'Sell & measure';
  title: string;
  description: string;
}

export const MODULES: readonly ProductModule[] = [
  {
    path: 'contacts',
    label: 'Contacts',
    icon: IconAddressBook,
    group: 'Leads',
    title: 'Every lead, with its whole story',
    description:
      'See each contact with where they came from, their score, lifecycle stage and every visit, form and email on one timeline — and bring in offline leads from CSV.',
  },
  {
    path: 'companies',
    label: 'Companies',
    icon: IconBuildingSkyscraper,
    group: 'Leads',
    title: 'The organisations behind your leads',
    description: 'Contacts are grouped by the company of their work email, with its industry, size and revenue.',
  },
  {
    path: 'capture',
    label: 'Capture',
    icon: IconForms,
    group: 'Leads',
    title: 'Turn visitors into leads',
    description:
      'Build forms, landing pages, pop-ups and gated downloads that drop every sign-up straight into your contacts, with its source and consent recorded.',
  },
  {
    path: 'tracking',
    label: 'Tracking',
    icon: IconRoute,
    group: 'Leads',
    title: 'Know what leads did before they converted',
    description:
      'One small script on your site records page views and events, and joins an anonymous visitor’s history to the contact the moment they fill a form.',
  },
  {
    path: 'scoring',
    label: 'Scoring',
    icon: IconFlame,
    group: 'Leads',
    title: 'Let the hottest leads rise to the top',
    description:
      'Give points for behaviour and for fit with your ideal customer, let them decay over time, and move leads from cold to hot and from MQL to SQL automatically.',
  },
  {
    path: 'lists',
    label: 'Lists',
    icon: IconListDetails,
    group: 'Engage',
    title: 'Hand-picked groups of contacts',
    description: 'Put contacts on static lists by hand, by import or through the API, and use them as audiences.',
  },
  {
    path: 'segments',
    label: 'Segments',
    icon: IconFilter,
    group: 'Engage',
    title: 'Groups of contacts that keep themselves up to date',
    description:
      'Combine fields, behaviour, score and lifecycle stage into segments that refresh on their own, ready to target with emails and workflows.',
  },
  {
    path: 'email',
    label: 'Email',
    icon: IconMail,
    group: 'Engage',
    title: 'Newsletters and follow-ups that land',
    description:
      'Send personalised newsletters to segments and automatic follow-ups after a conversion, with unsubscribe links and bounce suppression handled for you.',
  },
  {
    path: 'workflows',
    label: 'Workflows',
    icon: IconAutomation,
    group: 'Engage',
    title: 'Nurture leads while you sleep',
    description:
      'Start a workflow when a lead does something, wait, check a condition, then send an email, update a field or alert the right salesperson.',
  },
  {
    path: 'pipeline',
    label: 'Pipeline',
    icon: IconLayoutKanban,
    group: 'Sell & measure',
    title: 'Hand qualified leads to sales',
    description:
      'Assign SQLs to sales owners, get alerted when one goes untouched, and follow every deal stage by stage to the close.',
  },
  {
    path: 'reports',
    label: 'Reports',
    icon: IconChartBar,
    group: 'Sell & measure',
    title: 'See which channels bring customers',
    description:
      'Follow the funnel from visitor to customer, compare leads and cost per lead by source and campaign, and measure forms, emails and stage velocity.',
  },
];

export const MODULE_GROUPS = ['Leads', 'Engage', 'Sell & measure'] as const;

export const API_DOCS_URL = '/api/docs';
