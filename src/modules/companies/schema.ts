import { Type, type Static } from 'typebox';
import { Timestamp } from '../../http/schemas.js';
import { StringEnum } from '../../schema-types.js';

const Text = (maxLength: number) => Type.Union([Type.String({ maxLength }), Type.Null()]);
// One JSON type list rather than a union, so a negative amount gets one error, not three.
const Revenue = Type.Unsafe<number | null>({ type: ['number', 'null'], minimum: 0, maximum: 1e15, description: 'Yearly revenue, in the workspace’s currency' });

/** What a caller may send to create a company; the name is required. */
export const CompanyCreate = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    domain: Type.Optional(Text(500)),
    industry: Type.Optional(Text(100)),
    size: Type.Optional(Text(50)),
    revenue: Type.Optional(Revenue),
    country: Type.Optional(Text(100)),
  },
  { additionalProperties: false },
);

/** A partial change; null clears a field (but not the name). */
export const CompanyPatch = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    domain: Type.Optional(Text(500)),
    industry: Type.Optional(Text(100)),
    size: Type.Optional(Text(50)),
    revenue: Type.Optional(Revenue),
    country: Type.Optional(Text(100)),
  },
  { additionalProperties: false },
);

export const CompanySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  domain: Type.Union([Type.String(), Type.Null()]),
  industry: Type.Union([Type.String(), Type.Null()]),
  size: Type.Union([Type.String(), Type.Null()]),
  revenue: Type.Union([Type.Number(), Type.Null()]),
  country: Type.Union([Type.String(), Type.Null()]),
  contact_count: Type.Integer({ description: 'Contacts linked to the company' }),
  created_at: Timestamp,
  updated_at: Timestamp,
});

export const COMPANY_SORTS = ['name', 'created_at'] as const;

export const CompanyListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Prefix of the name or the domain' })),
    domain: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'Exact domain (a URL is fine: it is normalised)' })),
    sort: Type.Optional(StringEnum(COMPANY_SORTS, { default: 'name' })),
    order: Type.Optional(StringEnum(['asc', 'desc'], { description: 'Default: asc by name, desc by created_at' })),
    cursor: Type.Optional(Type.String({ maxLength: 2000 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);

export type CompanyCreateInput = Static<typeof CompanyCreate>;
export type CompanyPatchInput = Static<typeof CompanyPatch>;
export type CompanyView = Static<typeof CompanySchema>;
