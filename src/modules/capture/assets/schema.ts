import { Type } from 'typebox';
import { StringEnum } from '../../../schema-types.js';
import { Id, Timestamp } from '../../../http/schemas.js';
import { ASSET_KIND_NAMES } from './file-kinds.js';

export const AssetSchema = Type.Object(
  {
    id: Id,
    name: Type.String({ description: 'What the dashboard and the lead’s timeline call it' }),
    file_name: Type.String({ description: 'The name it was uploaded under, kept as given; downloads use a cleaned copy ending in the extension of its real type' }),
    content_type: Type.String({ description: 'Told by the file’s bytes, never by its name' }),
    kind: StringEnum(ASSET_KIND_NAMES),
    size: Type.Integer({ description: 'Bytes' }),
    sha256: Type.Union([Type.String(), Type.Null()]),
    downloads: Type.Integer({ description: 'Downloads through the signed links made for leads (test links are not counted)' }),
    created_by: Type.Union([Type.String(), Type.Null()]),
    created_at: Timestamp,
    updated_at: Timestamp,
  },
  { $id: 'Asset' },
);

export const UploadQuery = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Default: the file name without its extension' })),
    file_name: Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: 'The name the file had on the uploader’s disk' })),
  },
  { additionalProperties: false },
);

export const AssetPatch = Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });

export const LinkRequest = Type.Object(
  { ttl_hours: Type.Optional(Type.Integer({ minimum: 1, maximum: 24 * 366, description: 'Default: INFLOW_ASSET_LINK_TTL_HOURS (7 days)' })) },
  { additionalProperties: false },
);

export const LinkSchema = Type.Object({
  url: Type.String({ description: 'A signed test link: it downloads the file, and is not counted' }),
  expires_at: Timestamp,
});

export const TokenParams = Type.Object({ '*': Type.String({ minLength: 1, maxLength: 2048 }) });
