import { Type, type Static } from 'typebox';
import { Timestamp } from '../../http/schemas.js';

export const MAX_MEMBERSHIP_CHANGE = 1000;

export const ListCreate = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200, description: 'Unique in the workspace, compared case-insensitively' }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

export const ListPatch = Type.Object(
  {
    name: Type.Optional(ListCreate.properties.name),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

export const ListSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  member_count: Type.Integer(),
  created_at: Timestamp,
  updated_at: Timestamp,
});

/** A list as seen from one contact: when the contact joined it. */
export const ContactListSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  added_at: Timestamp,
});

export const ListListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Prefix of the name' })),
    cursor: Type.Optional(Type.String({ maxLength: 2000 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);

// No minItems: an empty change is a harmless no-op, and it lets a caller probe a list id alone.
export const MembershipChange = Type.Object(
  { contact_ids: Type.Array(Type.String({ maxLength: 64 }), { maxItems: MAX_MEMBERSHIP_CHANGE }) },
  { additionalProperties: false },
);

export const MembersAdded = Type.Object({
  added: Type.Integer({ description: 'Contacts that joined the list now' }),
  already_members: Type.Integer(),
  not_found: Type.Array(Type.String(), { description: 'Ids that are not contacts of this workspace: nothing was done for them' }),
});

export const MembersRemoved = Type.Object({
  removed: Type.Integer(),
  not_members: Type.Array(Type.String(), { description: 'Ids that were not on the list' }),
});

export type ListCreateInput = Static<typeof ListCreate>;
export type ListPatchInput = Static<typeof ListPatch>;
export type ListView = Static<typeof ListSchema>;
export type ContactListView = Static<typeof ContactListSchema>;
