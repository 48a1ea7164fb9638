import { Type, type Static } from 'typebox';
import { Timestamp } from '../../http/schemas.js';
import type { ModuleHooks } from '../module.js';
import { ContactSchema } from './schema.js';

export const ConsentInput = Type.Object(
  {
    purpose: Type.String({ minLength: 1, maxLength: 100, description: 'What the consent is for, e.g. email_marketing' }),
    granted: Type.Boolean({ description: 'false records a refusal or a withdrawal' }),
    text_shown: Type.String({ maxLength: 10_000, description: 'The exact wording the person agreed to (required when granted)' }),
    source: Type.String({ minLength: 1, maxLength: 200, description: 'Where: a form, a page, a call, an import' }),
    ip: Type.Optional(Type.Union([Type.String({ maxLength: 45 }), Type.Null()], { description: 'The person’s address when they consented, not the caller’s' })),
    occurred_at: Type.Optional(Type.String({ format: 'date-time', description: 'When the person consented (default: now); not in the future' })),
  },
  { additionalProperties: false },
);

export const ConsentSchema = Type.Object({
  id: Type.String(),
  contact_id: Type.String(),
  purpose: Type.String(),
  granted: Type.Boolean(),
  text_shown: Type.String(),
  source: Type.String(),
  ip: Type.Union([Type.String(), Type.Null()]),
  occurred_at: Timestamp,
});

/** The export document: the contact's own records, and each module's share as its hook describes it. */
export function contactExportSchema(hooks: Pick<ModuleHooks, 'personalData'>) {
  const shares = Object.assign({}, ...hooks.personalData.map((module) => module.exportSchema ?? {}));
  return Type.Object({
    exported_at: Timestamp,
    contact: ContactSchema,
    ...shares,
    consents: Type.Array(ConsentSchema),
  });
}

export const ErasureSchema = Type.Object({
  id: Type.String(),
  erased_at: Timestamp,
  email_suppressed: Type.Boolean({ description: 'Whether the email’s hash now keeps the address from being added again' }),
});

export type ConsentInputValue = Static<typeof ConsentInput>;
