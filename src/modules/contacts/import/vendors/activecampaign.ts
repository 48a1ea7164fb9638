import type { HeaderTable } from './vendor-table.js';

// ActiveCampaign's contacts export (Contacts > Export): its standard fields and the list
// subscription's date and address, which are the sign-up's evidence.
export const activeCampaign: HeaderTable = {
  vendor: 'ActiveCampaign',
  sources: [
    'https://help.activecampaign.com/hc/en-us/articles/206827560-How-to-export-contacts',
    'https://help.activecampaign.com/hc/en-us/articles/115000104284-Standard-contact-fields',
  ],
  headers: {
    'Contact ID': 'external_id',
    'Subscriber ID': 'external_id',
    Email: 'email',
    'First Name': 'first_name',
    'Last Name': 'last_name',
    Phone: 'phone',
    Organization: 'company_name',
    Account: 'company_name',
    'Job Title': 'job_title',
    Tags: 'tags',
    'Date Created': 'created_at',
    'Date Subscribed': 'opt_in_time',
    'IP Address': 'opt_in_ip',
    'Subscriber IP': 'opt_in_ip',
    'Contact Score': { custom: 'activecampaign_score', type: 'number' },
    'Lead Score': { custom: 'activecampaign_score', type: 'number' },
    'Date Unsubscribed': 'unsubscribed_at',
    'Contact Owner': 'owner_email',
  },
};
