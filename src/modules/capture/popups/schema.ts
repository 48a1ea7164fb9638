import { Type } from 'typebox';
import { PageQuery } from '../../../http/pagination.js';
import { Timestamp } from '../../../http/schemas.js';
import { StringEnum } from '../../../schema-types.js';
import { PopupSettings } from './definition.js';

const STATUSES = ['draft', 'active', 'paused'] as const;
const Name = Type.String({ minLength: 1, maxLength: 200 });
const FormId = Type.Union([Type.String({ format: 'uuid' }), Type.Null()], { description: 'The form the pop-up shows (a live form of the workspace to activate it)' });
const Figures = Type.Object({
  impressions: Type.Integer(),
  closes: Type.Integer(),
  submissions: Type.Integer(),
  conversion_rate: Type.Union([Type.Number(), Type.Null()], { description: 'submissions / impressions; null without impressions' }),
});

export const PopupSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  status: StringEnum(STATUSES),
  form_id: Type.Union([Type.String(), Type.Null()]),
  form_name: Type.Union([Type.String(), Type.Null()]),
  settings: PopupSettings,
  revision: Type.Integer({ description: 'Send it back with an edit: a stale one is refused (409)' }),
  notices: Type.Array(Type.Object({ field: Type.String(), message: Type.String() }), { description: 'What the editor should know: a form that is gone or not live (the pop-up is not shown)' }),
  created_at: Timestamp,
  updated_at: Timestamp,
});

export const PopupListItem = Type.Object({
  ...Type.Omit(PopupSchema, ['notices']).properties,
  last_30_days: Figures,
});

export const PopupCreate = Type.Object({
  name: Name,
  form_id: Type.Optional(FormId),
  settings: Type.Optional(PopupSettings),
}, { additionalProperties: false });

export const PopupPatch = Type.Object({
  name: Type.Optional(Name),
  form_id: Type.Optional(FormId),
  settings: Type.Optional(PopupSettings),
  revision: Type.Integer({ minimum: 1 }),
}, { additionalProperties: false });

export const PopupListQuery = Type.Object({ ...PageQuery.properties, status: Type.Optional(StringEnum(STATUSES)) }, { additionalProperties: false });

export const PopupAnalyticsSchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  totals: Figures,
  by_day: Type.Array(Type.Object({ day: Type.String(), impressions: Type.Integer(), closes: Type.Integer(), submissions: Type.Integer() })),
  by_source: Type.Array(Type.Object({ utm_source: Type.Union([Type.String(), Type.Null()], { description: 'null: visits without one' }), ...Figures.properties })),
});

export const PopupSnippetSchema = Type.Object({ snippet: Type.String({ description: 'The one line that shows every active pop-up of the workspace on a site' }) });
