import type { FormDefinitionValue, FormFieldValue } from './definition.js';

/** Forms to start from (issue 10, point 7): data, served by GET /api/v1/form-templates. */
export interface FormTemplate {
  id: string;
  name: string;
  description: string;
  /** A list the template puts contacts on; created (or reused, by name) when the form is. */
  list_name: string | null;
  definition: FormDefinitionValue;
}

const email: FormFieldValue = { key: 'email', kind: 'email', label: 'Email', required: true, business_only: false, maps_to: { to: 'standard', field: 'email' } };
const text = (key: string, label: string, field: string, required: boolean): FormFieldValue =>
  ({ key, kind: 'text', label, required, max_length: 200, format: 'plain', maps_to: { to: 'standard', field } }) as FormFieldValue;
const marketingConsent = (text: string): FormFieldValue => ({
  key: 'consent_email', kind: 'consent', label: 'Email updates', required: true, purpose: 'email_marketing', text, maps_to: { to: 'none' },
});

const settings = (over: Partial<FormDefinitionValue['settings']>): FormDefinitionValue['settings'] => ({
  submit_label: 'Submit',
  after_submit: { type: 'message', message: 'Thank you!' },
  tags: [],
  list_ids: [],
  lifecycle_stage: 'lead',
  notify_emails: [],
  double_opt_in: false,
  follow_up_email: null,
  allowed_origins: [],
  spam: { min_fill_seconds: 3, max_per_ip_per_hour: 10, max_per_form_per_minute: 600, blocked_domains: [], block_disposable: false },
  ...over,
});

export const FORM_TEMPLATES: readonly FormTemplate[] = [
  {
    id: 'newsletter',
    name: 'Newsletter sign-up',
    description: 'One email field and a consent box; subscribers join the “Newsletter” list.',
    list_name: 'Newsletter',
    definition: {
      fields: [email, marketingConsent('Yes, send me the newsletter. I can unsubscribe at any time.')],
      progressive: { enabled: false, queue: [] },
      // Double opt-in stays off until an email module can send the confirmation.
      settings: settings({ submit_label: 'Subscribe', after_submit: { type: 'message', message: 'Thanks for subscribing!' }, tags: ['newsletter'], lifecycle_stage: 'subscriber' }),
    },
  },
  {
    id: 'contact-sales',
    name: 'Contact sales',
    description: 'Name, work email, company and a message; business addresses only.',
    list_name: null,
    definition: {
      fields: [
        text('first_name', 'First name', 'first_name', true),
        text('last_name', 'Last name', 'last_name', true),
        { ...email, label: 'Work email', business_only: true } as FormFieldValue,
        text('company', 'Company', 'company_name', true),
        { key: 'phone', kind: 'phone', label: 'Phone', required: false, maps_to: { to: 'standard', field: 'phone' } },
        { key: 'message', kind: 'textarea', label: 'How can we help?', required: false, max_length: 2000, maps_to: { to: 'none' } },
      ],
      progressive: { enabled: false, queue: [] },
      settings: settings({
        submit_label: 'Contact sales',
        after_submit: { type: 'message', message: 'Thanks! Someone from our team will be in touch within one business day.' },
        tags: ['contact-sales'],
        lifecycle_stage: 'sql',
        spam: { min_fill_seconds: 3, max_per_ip_per_hour: 10, max_per_form_per_minute: 600, blocked_domains: [], block_disposable: true },
      }),
    },
  },
  {
    id: 'ebook',
    name: 'E-book download',
    description: 'Name, email and company in exchange for a download link.',
    list_name: null,
    definition: {
      fields: [text('first_name', 'First name', 'first_name', true), email, text('company', 'Company', 'company_name', false)],
      progressive: { enabled: true, queue: [text('job_title', 'Job title', 'job_title', false)] },
      settings: settings({ submit_label: 'Download', tags: ['ebook'], after_submit: { type: 'message', message: 'Thanks! Your download is on its way.' } }),
    },
  },
  {
    id: 'webinar',
    name: 'Webinar registration',
    description: 'Name, email and job title to save a seat.',
    list_name: null,
    definition: {
      fields: [text('first_name', 'First name', 'first_name', true), text('last_name', 'Last name', 'last_name', true), email, text('job_title', 'Job title', 'job_title', false)],
      progressive: { enabled: false, queue: [] },
      settings: settings({ submit_label: 'Save my seat', tags: ['webinar'], after_submit: { type: 'message', message: 'You are registered. See you there!' } }),
    },
  },
  {
    id: 'free-trial',
    name: 'Free trial',
    description: 'Name, work email and company to start a trial.',
    list_name: null,
    definition: {
      fields: [text('first_name', 'First name', 'first_name', true), { ...email, label: 'Work email' } as FormFieldValue, text('company', 'Company', 'company_name', true)],
      progressive: { enabled: false, queue: [] },
      settings: settings({ submit_label: 'Start my trial', tags: ['trial'], lifecycle_stage: 'lead', after_submit: { type: 'message', message: 'Welcome aboard! Check your inbox.' } }),
    },
  },
  {
    id: 'blank',
    name: 'Blank form',
    description: 'Only the email field: add the rest in the builder.',
    list_name: null,
    definition: { fields: [email], progressive: { enabled: false, queue: [] }, settings: settings({}) },
  },
];

export function templateById(id: string): FormTemplate | undefined {
  return FORM_TEMPLATES.find((template) => template.id === id);
}
