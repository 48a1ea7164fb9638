import type { BlockValue, LeafBlockValue, PageDefinitionValue } from './definition.js';

/** Pages to start from (issue 11, point 3): data, served by GET /api/v1/page-templates. */
export interface PageTemplate {
  id: string;
  name: string;
  kind: 'landing' | 'thank_you';
  description: string;
  /** The form template (GET /api/v1/form-templates) whose form fits the page's form block. */
  form_template: string | null;
  /** The thank-you page that goes with a landing page. */
  thank_you: string | null;
  definition: PageDefinitionValue;
}

const footer: BlockValue = {
  type: 'footer',
  text: '© Your Company. You can unsubscribe at any time.',
  links: [{ label: 'Privacy policy', url: '/privacy' }, { label: 'Terms', url: '/terms' }, { label: 'Contact', url: 'mailto:hello@example.com' }],
};
const form = (heading: string): LeafBlockValue => ({ type: 'form', heading, form_id: null });
const page = (title: string, description: string, blocks: BlockValue[], noindex = false): PageDefinitionValue => ({
  seo: { title, description, noindex },
  theme: {},
  blocks: [...blocks, footer],
});
const thanks = (id: string, name: string, headline: string, sub: string, blocks: BlockValue[]): PageTemplate => ({
  id: `${id}-thank-you`,
  name: `${name}: thank you`,
  kind: 'thank_you',
  description: `The page people land on after the ${name.toLowerCase()} form.`,
  form_template: null,
  thank_you: null,
  definition: page(headline, sub, [{ type: 'hero', headline, subheadline: sub }, ...blocks], true),
});

export const PAGE_TEMPLATES: readonly PageTemplate[] = [
  {
    id: 'ebook',
    name: 'E-book download',
    kind: 'landing',
    description: 'An offer, what is inside, a testimonial and the download form.',
    form_template: 'ebook',
    thank_you: 'ebook-thank-you',
    definition: page('The practical guide to inbound marketing', 'A free 40-page e-book: how to turn visitors into leads and leads into customers.', [
      { type: 'hero', headline: 'The practical guide to inbound marketing', subheadline: 'Forty pages of what works: attract the right visitors, turn them into leads and nurture them into customers.', button: { label: 'Get the free e-book', url: '#form' } },
      {
        type: 'columns',
        columns: [
          [{ type: 'bullets', heading: 'What you will learn', items: [
            { icon: 'check', text: 'How to plan content that answers your buyers’ questions' },
            { icon: 'chart', text: 'Which numbers to watch from the first visit to the sale' },
            { icon: 'mail', text: 'Five follow-up emails that people actually open' },
            { icon: 'bolt', text: 'A 30-day plan you can start on Monday' },
          ] }],
          [form('Download the e-book')],
        ],
      },
      { type: 'testimonial', quote: 'The clearest playbook we have read. We doubled our sign-ups in a quarter.', name: 'Ana Souza', role: 'Head of Marketing, Lumen' },
    ]),
  },
  {
    id: 'webinar',
    name: 'Webinar registration',
    kind: 'landing',
    description: 'Date and countdown, agenda, speaker and the registration form.',
    form_template: 'webinar',
    thank_you: 'webinar-thank-you',
    definition: page('Live webinar: lead scoring that sales trusts', 'Join a free 45-minute live session and leave with a scoring model you can use.', [
      { type: 'hero', headline: 'Lead scoring that sales trusts', subheadline: 'A free live webinar: 45 minutes, one working model, your questions answered.' },
      { type: 'countdown', heading: 'Starts in', to: '2027-03-18T15:00:00Z', ended_text: 'This webinar has taken place: register to get the recording.' },
      {
        type: 'columns',
        columns: [
          [{ type: 'bullets', heading: 'On the agenda', items: [
            { icon: 'calendar', text: 'Behaviour and fit: the two halves of a score' },
            { icon: 'clock', text: 'Decay: why last year’s clicks should not count' },
            { icon: 'users', text: 'Agreeing a threshold with sales' },
            { icon: 'star', text: 'Live Q&A' },
          ] }],
          [form('Save your seat')],
        ],
      },
      { type: 'faq', heading: 'Questions', items: [
        { question: 'Is it free?', answer: 'Yes. Register once and you also get the recording.' },
        { question: 'I cannot make it live. Should I register?', answer: 'Yes: everyone registered gets the recording the next day.' },
      ] },
    ]),
  },
  {
    id: 'newsletter',
    name: 'Newsletter',
    kind: 'landing',
    description: 'A short promise, what subscribers get, and the sign-up form.',
    form_template: 'newsletter',
    thank_you: 'newsletter-thank-you',
    definition: page('The Friday letter', 'One short email every Friday with the week’s best ideas on growth. Free, no spam.', [
      { type: 'hero', headline: 'The Friday letter', subheadline: 'One short email a week with the ideas on growth worth your time. Read by 12,000 marketers.' },
      {
        type: 'columns',
        columns: [
          [{ type: 'bullets', heading: 'Every Friday', items: [
            { icon: 'mail', text: 'Three ideas, five minutes of reading' },
            { icon: 'gift', text: 'Templates and checklists for subscribers only' },
            { icon: 'shield', text: 'No spam; unsubscribe in one click' },
          ] }],
          [form('Subscribe')],
        ],
      },
    ]),
  },
  {
    id: 'free-trial',
    name: 'Free trial',
    kind: 'landing',
    description: 'A product pitch, benefits, social proof and the trial sign-up.',
    form_template: 'free-trial',
    thank_you: 'free-trial-thank-you',
    definition: page('Start your free 14-day trial', 'Try every feature free for 14 days. No credit card needed.', [
      { type: 'hero', headline: 'Every lead, from first visit to closed deal', subheadline: 'Try it free for 14 days. No credit card, set up in five minutes.', button: { label: 'Start free trial', url: '#form' } },
      { type: 'bullets', heading: 'Why teams switch', items: [
        { icon: 'bolt', text: 'Forms, pages and emails in one place: no glue code' },
        { icon: 'chart', text: 'See which campaigns bring customers, not just clicks' },
        { icon: 'shield', text: 'Your data stays yours: export everything, any time' },
      ] },
      { type: 'testimonial', quote: 'We replaced three tools in a week and our cost per lead went down by a third.', name: 'Jonas Berg', role: 'Growth lead, Nordpak' },
      form('Create your account'),
    ]),
  },
  {
    id: 'contact-sales',
    name: 'Contact sales',
    kind: 'landing',
    description: 'Why talk to sales, what happens next, and the contact form.',
    form_template: 'contact-sales',
    thank_you: 'contact-sales-thank-you',
    definition: page('Talk to sales', 'Tell us about your team and we will show you how it fits. A reply within one business day.', [
      { type: 'hero', headline: 'Talk to our team', subheadline: 'Tell us what you need: we reply within one business day with answers, not a sales script.' },
      {
        type: 'columns',
        columns: [
          [
            { type: 'bullets', heading: 'What happens next', items: [
              { icon: 'mail', text: 'A specialist replies within one business day' },
              { icon: 'calendar', text: 'A 30-minute call at a time that suits you' },
              { icon: 'chart', text: 'A plan and a price for your team' },
            ] },
            { type: 'testimonial', quote: 'Straight answers and a setup plan on the first call.', name: 'Priya Nair', role: 'COO, Fieldwise' },
          ],
          [form('Contact sales')],
        ],
      },
    ]),
  },
  {
    id: 'event',
    name: 'Event',
    kind: 'landing',
    description: 'An in-person event: date, countdown, programme, FAQ and registration.',
    form_template: 'webinar',
    thank_you: 'event-thank-you',
    definition: page('Growth Day 2027', 'A day of talks and workshops on inbound marketing. Lisbon, 14 May 2027.', [
      { type: 'hero', headline: 'Growth Day 2027', subheadline: 'A day of talks and hands-on workshops on inbound marketing. Lisbon, 14 May 2027.', button: { label: 'Register', url: '#form' } },
      { type: 'countdown', heading: 'Doors open in', to: '2027-05-14T08:30:00Z', ended_text: 'Growth Day 2027 has taken place. See you next year!' },
      { type: 'rich_text', content: [
        { type: 'h2', children: [{ text: 'The programme' }] },
        { type: 'p', children: [{ text: 'Morning talks from practitioners, ' }, { text: 'afternoon workshops', bold: true }, { text: ' in small groups, and time to meet people who do the same job.' }] },
        { type: 'ul', items: [[{ text: '09:00 Keynote: the state of inbound' }], [{ text: '11:00 Talks: content, scoring, email' }], [{ text: '14:00 Workshops' }], [{ text: '17:30 Drinks on the terrace' }]] },
      ] },
      form('Register for Growth Day'),
      { type: 'faq', heading: 'Good to know', items: [
        { question: 'Where is it?', answer: 'At the LX Factory, Rua Rodrigues de Faria 103, Lisbon.' },
        { question: 'Is lunch included?', answer: 'Yes, lunch and coffee all day.' },
      ] },
    ]),
  },
  thanks('ebook', 'E-book download', 'Thanks, {first_name|and welcome}!', 'Your e-book is on its way: check your inbox, the download link is there too.', [
    { type: 'download', heading: 'Download it now', text: 'No need to wait for the email.', label: 'Download the e-book', asset_id: null, unavailable_text: 'The download link is in the email we sent you.' },
  ]),
  thanks('webinar', 'Webinar registration', 'You are registered', 'We sent the link to join to your inbox. Add the date to your calendar.', [
    { type: 'bullets', heading: 'Before the day', items: [{ icon: 'calendar', text: 'Add the session to your calendar' }, { icon: 'mail', text: 'Look for our reminder an hour before' }] },
  ]),
  thanks('newsletter', 'Newsletter', 'Welcome aboard', 'Your first Friday letter arrives this week.', [
    { type: 'cta', heading: 'While you wait', text: 'Read the most popular issues so far.', button: { label: 'Browse the archive', url: '/newsletter' } },
  ]),
  thanks('free-trial', 'Free trial', 'Welcome aboard, {first_name|and thank you}!', 'Your trial has started. Check your inbox to confirm your address and sign in.', [
    { type: 'bullets', heading: 'Your first steps', items: [{ icon: 'check', text: 'Confirm your address' }, { icon: 'bolt', text: 'Import your contacts' }, { icon: 'chart', text: 'Publish your first form' }] },
  ]),
  thanks('contact-sales', 'Contact sales', 'Thank you, we will be in touch', 'A specialist will reply within one business day.', [
    { type: 'cta', heading: 'In the meantime', text: 'See how other teams use us.', button: { label: 'Read customer stories', url: '/customers' } },
  ]),
  thanks('event', 'Event', 'See you in Lisbon', 'Your ticket is in your inbox. Bring it on your phone or printed.', [
    { type: 'faq', heading: 'Good to know', items: [{ question: 'Can I bring a colleague?', answer: 'Yes: send them this page so they can register too.' }] },
  ]),
];

export const pageTemplateById = (id: string): PageTemplate | undefined => PAGE_TEMPLATES.find((t) => t.id === id);
