import type { HeaderHome, HeaderTable } from './vendor-table.js';

// Pipedrive exports people with field names as headers, prefixed "Person - " when the export
// holds several kinds of records. Email and phone are labelled (work, home, mobile, other).
const fields: Record<string, HeaderHome> = {
  ID: 'external_id',
  Name: 'full_name',
  'First name': 'first_name',
  'Last name': 'last_name',
  'Email - Work': 'email',
  'Email - Home': { custom: 'home_email', type: 'text' },
  'Email - Other': { custom: 'other_email', type: 'text' },
  'Phone - Work': 'phone',
  'Phone - Mobile': 'mobile_phone',
  'Phone - Home': { custom: 'home_phone', type: 'text' },
  'Phone - Other': { custom: 'other_phone', type: 'text' },
  Organization: 'company_name',
  'Job title': 'job_title',
  Owner: 'owner_email',
  Labels: 'tags',
  Label: 'tags',
  'Person created': 'created_at',
  'Postal address': { custom: 'postal_address', type: 'text' },
  'Postal address - Street/road name': 'street',
  'Postal address - City/town/village/locality': 'city',
  'Postal address - State/county': 'state',
  'Postal address - ZIP/Postal code': 'postal_code',
  'Postal address - Country': 'country',
  'Marketing status': 'do_not_email',
  Notes: 'notes',
};

export const pipedrive: HeaderTable = {
  vendor: 'Pipedrive',
  sources: [
    'https://support.pipedrive.com/en/article/how-can-i-export-my-data',
    'https://support.pipedrive.com/en/article/importing-people',
  ],
  headers: {
    ...fields,
    ...Object.fromEntries(Object.entries(fields).map(([header, home]) => [`Person - ${header}`, home])),
  },
};
