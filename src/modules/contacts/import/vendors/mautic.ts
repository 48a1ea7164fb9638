import type { HeaderTable } from './vendor-table.js';

// Mautic exports contacts with its field aliases as headers (lower case, no spaces); `title` is
// the salutation, and `points` the lead score Mautic computed, which ours does not continue.
export const mautic: HeaderTable = {
  vendor: 'Mautic',
  sources: [
    'https://docs.mautic.org/en/5.x/contacts/manage_contacts.html',
    'https://docs.mautic.org/en/5.x/contacts/custom_fields.html',
  ],
  headers: {
    id: 'external_id',
    title: { custom: 'salutation', type: 'text' },
    firstname: 'first_name',
    lastname: 'last_name',
    email: 'email',
    phone: 'phone',
    mobile: 'mobile_phone',
    position: 'job_title',
    company: 'company_name',
    website: 'website',
    address1: 'street',
    address2: { custom: 'address_line_2', type: 'text' },
    city: 'city',
    state: 'state',
    zipcode: 'postal_code',
    country: 'country',
    stage: 'lifecycle_stage',
    owner: 'owner_email',
    tags: 'tags',
    points: { custom: 'mautic_points', type: 'number' },
    dateAdded: 'created_at',
    date_added: 'created_at',
    attribution: { custom: 'attribution', type: 'number' },
    attribution_date: { custom: 'attribution_date', type: 'date' },
  },
};
