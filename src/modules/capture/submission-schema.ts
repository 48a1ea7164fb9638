import { Type } from 'typebox';
import { PageQuery } from '../../http/pagination.js';
import { Id, Timestamp } from '../../http/schemas.js';
import { StringEnum } from '../../schema-types.js';
import { SPAM_REASONS } from '../../db/schema.js';

const Text = Type.Union([Type.String(), Type.Null()]);
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD (UTC), inclusive' });

export const Utm = Type.Object({ source: Text, medium: Text, campaign: Text, term: Text, content: Text });

/** The filters of a form's submissions, shared by the list and the CSV export. */
export const SubmissionFilterProperties = {
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'The address, or any answer (a name), contains this, any case' })),
  page: Type.Optional(Type.String({ maxLength: 2000, description: 'Posted on this page (any query string or fragment)' })),
  utm_source: Type.Optional(Type.String({ maxLength: 200 })),
  utm_campaign: Type.Optional(Type.String({ maxLength: 200 })),
  version: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000_000, description: 'Posted against this version of the form' })),
};

export const SubmissionListQuery = Type.Object({ ...PageQuery.properties, ...SubmissionFilterProperties }, { additionalProperties: false });
export const SubmissionExportQuery = Type.Object(SubmissionFilterProperties, { additionalProperties: false });

export const SubmissionSchema = Type.Object({
  id: Type.String(),
  form_id: Type.String(),
  form_name: Type.String(),
  form_version: Type.Integer(),
  submitted_at: Timestamp,
  email: Text,
  contact: Type.Union([Type.Object({ id: Type.String(), email: Text, name: Text }), Type.Null()], {
    description: 'The contact now holding the submission (it follows merges); null when the contact was deleted',
  }),
  values: Type.Record(Type.String(), Type.Unknown(), { description: 'The answers by field key, as checked and stored' }),
  page_url: Text,
  page_title: Text,
  referrer: Text,
  utm: Utm,
  ip: Type.Union([Type.String(), Type.Null()], { description: 'As stored: only the network part when the workspace truncates IPs' }),
  user_agent: Text,
  consents: Type.Array(Type.Object({ consent_id: Type.String(), purpose: Type.String(), granted: Type.Boolean(), text_shown: Type.String() })),
  rescued_from: Type.Union([Type.String(), Type.Null()], { description: 'The spam post this submission was rescued from' }),
});

export const SpamSchema = Type.Object({
  id: Type.String(),
  form_id: Type.String(),
  form_version: Type.Integer(),
  received_at: Timestamp,
  reason: StringEnum(SPAM_REASONS),
  detail: Text,
  email: Text,
  values: Type.Record(Type.String(), Type.Unknown(), { description: 'The answers as posted (not checked)' }),
  page_url: Text,
  referrer: Text,
  utm: Utm,
  ip: Text,
  user_agent: Text,
});

export const SpamParams = Type.Object({ id: Id, spamId: Id }, { additionalProperties: false });
export const Rescued = Type.Object({ submission_id: Type.String(), contact_id: Type.String() });
