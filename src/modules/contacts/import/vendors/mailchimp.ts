import type { HeaderTable } from './vendor-table.js';

// Mailchimp's audience export: one file each for subscribed, unsubscribed and cleaned contacts.
// All carry the opt-in and confirmation times and addresses (the evidence of consent under
// double opt-in); the unsubscribed file adds UNSUB_*, the cleaned one (hard bounces) CLEAN_*.
// LATITUDE…REGION are guessed from the sign-up IP, not an address the person gave.
export const mailchimp: HeaderTable = {
  vendor: 'Mailchimp',
  sources: [
    'https://mailchimp.com/help/view-export-contacts/',
    'https://mailchimp.com/help/about-your-contact-export/',
  ],
  headers: {
    'Email Address': 'email',
    'First Name': 'first_name',
    'Last Name': 'last_name',
    Address: { custom: 'address', type: 'text' },
    'Phone Number': 'phone',
    Birthday: { custom: 'birthday', type: 'text' },
    Company: 'company_name',
    MEMBER_RATING: { custom: 'mailchimp_rating', type: 'number' },
    OPTIN_TIME: 'opt_in_time',
    OPTIN_IP: 'opt_in_ip',
    CONFIRM_TIME: 'confirm_time',
    CONFIRM_IP: 'confirm_ip',
    LATITUDE: { custom: 'latitude', type: 'number' },
    LONGITUDE: { custom: 'longitude', type: 'number' },
    GMTOFF: { custom: 'gmt_offset', type: 'number' },
    DSTOFF: { custom: 'dst_offset', type: 'number' },
    TIMEZONE: { custom: 'timezone', type: 'text' },
    CC: { custom: 'country_code', type: 'text' },
    REGION: { custom: 'region', type: 'text' },
    LAST_CHANGED: { custom: 'mailchimp_last_changed', type: 'date' },
    LEID: { custom: 'mailchimp_leid', type: 'text' },
    EUID: { custom: 'mailchimp_euid', type: 'text' },
    NOTES: 'notes',
    TAGS: 'tags',
    UNSUB_TIME: 'unsubscribed_at',
    UNSUB_CAMPAIGN_TITLE: { custom: 'unsubscribe_campaign', type: 'text' },
    UNSUB_CAMPAIGN_ID: { custom: 'unsubscribe_campaign_id', type: 'text' },
    UNSUB_REASON: { custom: 'unsubscribe_reason', type: 'text' },
    UNSUB_REASON_OTHER: { custom: 'unsubscribe_reason_other', type: 'text' },
    CLEAN_TIME: 'cleaned_at',
    CLEAN_CAMPAIGN_TITLE: { custom: 'cleaned_campaign', type: 'text' },
    CLEAN_CAMPAIGN_ID: { custom: 'cleaned_campaign_id', type: 'text' },
  },
};
