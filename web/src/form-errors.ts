import { ApiError, type FieldError } from './api/client';

/**
 * A form's fields, keyed as the server names them in problem+json `errors`, each with the words
 * its error message follows: the server sends "is required", the form shows "Email is required".
 */
export type FormFields = Record<string, string>;

/** A form only sends bodies; a querystring or header error with the same name is not its field's. */
function inBody(error: FieldError): boolean {
  return error.in === undefined || error.in === 'body';
}

/** Each field's server-side error, worded with its label ("Email is required"). */
export function formErrors<F extends FormFields>(error: unknown, fields: F): { [K in keyof F]?: string } {
  const out: { [K in keyof F]?: string } = {};
  if (!(error instanceof ApiError)) return out;
  for (const key of Object.keys(fields) as (keyof F & string)[]) {
    const message = error.errors.find((e) => inBody(e) && e.field === key)?.message;
    if (message) out[key] = `${fields[key]} ${message}`;
  }
  return out;
}

/** True when the form shows the whole error next to its fields, so no notification is needed. */
export function shownInForm(error: unknown, fields: FormFields): boolean {
  return (
    error instanceof ApiError &&
    error.errors.length > 0 &&
    error.errors.every((e) => inBody(e) && Object.hasOwn(fields, e.field))
  );
}

/**
 * Puts the server's field errors on a @mantine/form form (editing a field clears its own);
 * true when they are the whole error, so no notification is needed.
 */
export function showInForm(form: { setErrors: (errors: Record<string, string | undefined>) => void }, error: unknown, fields: FormFields): boolean {
  form.setErrors(formErrors(error, fields));
  return shownInForm(error, fields);
}
