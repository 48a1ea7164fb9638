import { Type } from 'typebox';
import { PageQuery } from '../../../http/pagination.js';
import { Timestamp } from '../../../http/schemas.js';
import { StringEnum } from '../../../schema-types.js';
import { PageDefinitionRef as PageDefinition } from './definition.js';
import { PAGE_TEMPLATES } from './templates.js';

const KINDS = ['landing', 'thank_you'] as const;
const STATUSES = ['draft', 'live', 'unpublished'] as const;
const Name = Type.String({ minLength: 1, maxLength: 200 });
const Slug = Type.String({ minLength: 1, maxLength: 80, description: 'The page’s address, /p/:slug: lower-case letters, digits and hyphens; unique per host across the install' });
const Host = Type.String({ maxLength: 253, description: 'A custom domain the page answers for (its DNS and reverse proxy pointed at Inflow); empty: the main host' });
const Notice = Type.Object({ field: Type.String(), message: Type.String() });

export const PageSchema = Type.Object({
  id: Type.String(),
  kind: StringEnum(KINDS),
  name: Type.String(),
  slug: Type.String(),
  host: Type.String(),
  template: Type.Union([Type.String(), Type.Null()]),
  status: StringEnum(STATUSES),
  draft: PageDefinition,
  draft_revision: Type.Integer({ description: 'Send it back with a draft edit: a stale one is refused (409)' }),
  live_version: Type.Union([Type.Integer(), Type.Null()]),
  publish_at: Type.Union([Timestamp, Type.Null()], { description: 'When the draft publishes by itself' }),
  notices: Type.Array(Notice, { description: 'What the editor should know: forms the page names that are gone or not live' }),
  created_at: Timestamp,
  updated_at: Timestamp,
});

const PageFiguresSchema = Type.Object({
  views: Type.Integer(),
  visitors: Type.Integer({ description: 'Unique visitors (by the visitor id f.js keeps in the browser)' }),
  submissions: Type.Integer(),
  conversion_rate: Type.Union([Type.Number(), Type.Null()], { description: 'submissions / visitors; null without visitors' }),
});

export const PageListItem = Type.Object({
  ...Type.Omit(PageSchema, ['draft', 'notices']).properties,
  last_30_days: PageFiguresSchema,
});

export const PageAnalyticsSchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  totals: PageFiguresSchema,
  by_day: Type.Array(Type.Object({ day: Type.String(), ...PageFiguresSchema.properties })),
  by_source: Type.Array(Type.Object({ utm_source: Type.Union([Type.String(), Type.Null()], { description: 'null: visits without one' }), ...PageFiguresSchema.properties })),
});

export const PageCreate = Type.Object({
  name: Type.Optional(Name),
  slug: Slug,
  host: Type.Optional(Host),
  kind: Type.Optional(StringEnum(KINDS)),
  template: Type.Optional(StringEnum(PAGE_TEMPLATES.map((t) => t.id), { description: 'Start from a template (GET /api/v1/page-templates)' })),
  definition: Type.Optional(PageDefinition),
  form_id: Type.Optional(Type.String({ format: 'uuid', description: 'The form the template’s form blocks show' })),
}, { additionalProperties: false });

export const PagePatchSchema = Type.Object({
  name: Type.Optional(Name),
  slug: Type.Optional(Slug),
  host: Type.Optional(Host),
  draft: Type.Optional(PageDefinition),
  draft_revision: Type.Optional(Type.Integer({ minimum: 1 })),
}, { additionalProperties: false });

export const PageListQuery = Type.Object({
  ...PageQuery.properties,
  status: Type.Optional(StringEnum(STATUSES)),
  kind: Type.Optional(StringEnum(KINDS)),
}, { additionalProperties: false });

export const PagePublished = Type.Object({ version: Type.Integer(), published_at: Timestamp });
export const PageSchedule = Type.Object({ publish_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'When to publish the draft; null cancels' }) }, { additionalProperties: false });
export const PreviewLinkSchema = Type.Object({ path: Type.String({ description: 'The preview’s address on this server: whoever holds it sees the current draft' }), expires_at: Timestamp });
export const VersionParams = Type.Object({ id: Type.String({ maxLength: 64 }), version: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }) });

export const PageTemplateSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: StringEnum(KINDS),
  description: Type.String(),
  form_template: Type.Union([Type.String(), Type.Null()]),
  thank_you: Type.Union([Type.String(), Type.Null()]),
  definition: PageDefinition,
});

export const PageRenderBody = Type.Object({ draft: PageDefinition }, { additionalProperties: false });
export const PageRenderSchema = Type.Object({ html: Type.String({ description: 'The whole document, to show in a sandboxed frame: it carries no script of its own (f.js aside)' }) });
