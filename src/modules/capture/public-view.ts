import { Type, type Static } from 'typebox';
import { AfterSubmit, FormField, type FormDefinitionValue, type FormFieldValue } from './definition.js';

/**
 * What a page is given of a published version: enough to render and check the form, nothing of
 * what happens behind it (tags, lists, stage, notify addresses, blocked domains, allowed
 * origins, follow-up mail stay on the server).
 */
export const PublicField = Type.Union(FormField.anyOf.map((variant) => Type.Omit(variant, ['maps_to'])), { description: 'A field as pages see it: no maps_to' });
export const PublicFormSchema = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  fields: Type.Array(PublicField),
  progressive: Type.Object({ enabled: Type.Boolean(), queue: Type.Array(PublicField) }),
  submit_label: Type.String(),
  after_submit: AfterSubmit,
  min_fill_seconds: Type.Integer(),
  submit_url: Type.String(),
});
export type PublicForm = Static<typeof PublicFormSchema>;
export type PublicFieldValue = Omit<FormFieldValue, 'maps_to'>;

function withoutTarget(field: FormFieldValue): PublicFieldValue {
  const { maps_to: _target, ...rest } = field;
  return rest;
}

/** The public view of version `version` of form `id`; `origin` is Inflow's public address ('' for relative URLs). */
export function publicForm(id: string, version: number, def: FormDefinitionValue, origin = ''): PublicForm {
  return {
    id,
    version,
    fields: def.fields.map(withoutTarget),
    progressive: { enabled: def.progressive.enabled, queue: def.progressive.queue.map(withoutTarget) },
    submit_label: def.settings.submit_label,
    after_submit: def.settings.after_submit,
    min_fill_seconds: def.settings.spam.min_fill_seconds,
    submit_url: `${origin}/public/forms/${id}/submit`,
  } as PublicForm;
}
