import type { HeaderTable } from './vendor-table.js';

// Brevo (formerly Sendinblue) exports contact attributes by their names, upper case; accounts
// created in French have NOM and PRENOM for the names. SMS is the mobile number.
export const brevo: HeaderTable = {
  vendor: 'Brevo',
  sources: [
    'https://help.brevo.com/hc/en-us/articles/5310065850642-Export-your-contacts-from-Brevo',
    'https://help.brevo.com/hc/en-us/articles/10617359589906-Create-and-manage-contact-attributes',
  ],
  headers: {
    'CONTACT ID': 'external_id',
    EXT_ID: 'external_id',
    EMAIL: 'email',
    FIRSTNAME: 'first_name',
    LASTNAME: 'last_name',
    PRENOM: 'first_name',
    NOM: 'last_name',
    SMS: 'mobile_phone',
    LANDLINE_NUMBER: 'phone',
    WHATSAPP: { custom: 'whatsapp', type: 'text' },
    JOB_TITLE: 'job_title',
    COMPANY: 'company_name',
    ADDED_TIME: 'created_at',
    MODIFIED_TIME: { custom: 'brevo_modified_time', type: 'date' },
    EMAIL_BLACKLISTED: 'do_not_email',
    BLACKLISTED: 'do_not_email',
    SMS_BLACKLISTED: { custom: 'sms_blocklisted', type: 'boolean' },
    'DOUBLE_OPT-IN': { custom: 'double_opt_in', type: 'boolean' },
    OPT_IN: { custom: 'opt_in', type: 'boolean' },
  },
};
