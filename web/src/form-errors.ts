import { ApiError } from './api/client';

/** A form's fields and their labels, as the server names them in problem+json `errors`. */
export type FormFields = Record<string, string>;

/** Each field's server-side error, worded with its label ("Email is required"). */
export function formErrors<F extends FormFields>(error: unknown, fields: F): { [K in keyof F]?: string } {
  const out: { [K in keyof F]?: string } = {};
  if (!(error instanceof ApiError)) return out;
  for (const key of Object.keys(fields) as (keyof F & string)[]) {
    out[key] = error.fieldMessage(key, fields[key]!);
  }
  return out;
}

/** True when the form shows the whole error next to its fields, so no notification is needed. */
export function shownInForm(error: unknown, fields: FormFields): boolean {
  return error instanceof ApiError && error.onlyFields(Object.keys(fields));
}
