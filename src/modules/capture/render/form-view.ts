// A published form as markup (a VNode tree): labels tied to their inputs, help and errors named
// by `aria-describedby`, `aria-invalid` on a field in error, radios and check lists in a
// fieldset, a honeypot hidden by a class. Pure: the server and f.js render with it.
import { countryOptions } from './countries.js';
import { h, type VNode } from './vnode.js';

export interface RenderOption {
  value: string;
  label: string;
}

interface FieldBase {
  key: string;
  label: string;
  help?: string | undefined;
  placeholder?: string | undefined;
  required: boolean;
}

/** What rendering needs of a published form's field (the public view has more). */
export type RenderField =
  | (FieldBase & { kind: 'email' | 'text' | 'textarea' | 'number' | 'phone' | 'date' | 'country' | 'checkbox' | 'hidden' })
  | (FieldBase & { kind: 'select'; options: readonly RenderOption[]; display?: 'dropdown' | 'radio' | undefined })
  | (FieldBase & { kind: 'multiselect'; options: readonly RenderOption[] })
  | (FieldBase & { kind: 'consent'; text: string });

export interface RenderForm {
  id: string;
  version: number;
  fields: readonly RenderField[];
  submit_label: string;
}

export type FieldValue = string | readonly string[] | boolean;

export interface FormState {
  /** Values to show (a post refused for an error shows what the visitor typed). */
  values?: Readonly<Record<string, FieldValue>>;
  /** Error messages by field key. */
  errors?: Readonly<Record<string, string>>;
  /** A message above the form: what went wrong as a whole, or the result. */
  status?: string;
  /** Makes element ids unique when a page has several forms. */
  idPrefix: string;
  /** Where a plain HTML post goes; f.js submits with fetch and leaves it out. */
  action?: string;
  /** Hidden inputs the server adds (client submission id, render token). */
  meta?: Readonly<Record<string, string>>;
  /** The language country names are shown in. */
  locale?: string;
}

const INPUT_TYPES: Readonly<Record<string, string>> = { email: 'email', text: 'text', number: 'number', phone: 'tel', date: 'date' };
const AUTOCOMPLETE: Readonly<Record<string, string>> = { email: 'email', phone: 'tel' };

const textOf = (value: FieldValue | undefined): string => (typeof value === 'string' ? value : Array.isArray(value) ? (value[0] ?? '') : '');
const listOf = (value: FieldValue | undefined): readonly string[] => (Array.isArray(value) ? value : typeof value === 'string' && value !== '' ? [value] : []);
const checked = (value: FieldValue | undefined): boolean => value === true || value === 'yes' || value === 'on' || value === 'true';

/** Consent wording: plain text, with `[label](https://…)` links to the privacy policy. */
export function consentText(text: string): Array<VNode | string> {
  const parts: Array<VNode | string> = [];
  const link = /\[([^\]\n]{1,200})\]\((https?:\/\/[^\s)]{1,2000})\)/g;
  let at = 0;
  for (let match = link.exec(text); match; match = link.exec(text)) {
    if (match.index > at) parts.push(text.slice(at, match.index));
    parts.push(h('a', { href: match[2], target: '_blank', rel: 'noopener noreferrer' }, match[1]!));
    at = match.index + match[0].length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

function fieldView(field: RenderField, state: FormState): VNode {
  const id = `${state.idPrefix}${field.key}`;
  const value = state.values?.[field.key];
  if (field.kind === 'hidden') return h('input', { type: 'hidden', name: field.key, value: textOf(value), 'data-inflow-hidden': field.key });
  const error = state.errors?.[field.key];
  const helpId = field.help ? `${id}-help` : null;
  const errorId = error ? `${id}-error` : null;
  const describedBy = [helpId, errorId].filter(Boolean).join(' ') || null;
  const common = {
    name: field.key,
    required: field.required,
    'aria-required': field.required ? 'true' : null,
    'aria-invalid': error ? 'true' : null,
    'aria-describedby': describedBy,
  };
  const required = field.required ? h('span', { class: 'inflow-required', 'aria-hidden': 'true' }, ' *') : null;
  const help = field.help ? h('p', { class: 'inflow-help', id: helpId }, field.help) : null;
  const errorText = error ? h('p', { class: 'inflow-error', id: errorId }, error) : null;
  const wrap = (...children: Array<VNode | null>) =>
    h('div', { class: error ? 'inflow-field inflow-field-invalid' : 'inflow-field', 'data-field': field.key }, ...children);

  switch (field.kind) {
    case 'textarea':
      return wrap(h('label', { for: id }, field.label, required), h('textarea', { ...common, id, placeholder: field.placeholder, rows: 4 }, textOf(value)), help, errorText);
    case 'checkbox':
    case 'consent':
      return wrap(
        h('div', { class: 'inflow-check' },
          h('input', { ...common, id, type: 'checkbox', value: 'yes', checked: checked(value) }),
          h('label', { for: id }, ...(field.kind === 'consent' ? consentText(field.text) : [field.label]), required)),
        help, errorText);
    case 'select':
      if (field.display === 'radio') return choiceList(field, 'radio', listOf(value), state, common, required, help, errorText, error);
      return wrap(
        h('label', { for: id }, field.label, required),
        h('select', { ...common, id },
          h('option', { value: '' }, field.placeholder ?? ''),
          field.options.map((o) => h('option', { value: o.value, selected: textOf(value) === o.value }, o.label))),
        help, errorText);
    case 'multiselect':
      return choiceList(field, 'checkbox', listOf(value), state, common, required, help, errorText, error);
    case 'country':
      return wrap(
        h('label', { for: id }, field.label, required),
        h('select', { ...common, id, autocomplete: 'country' },
          h('option', { value: '' }, field.placeholder ?? ''),
          countryOptions(state.locale ?? 'en').map((o) => h('option', { value: o.value, selected: textOf(value) === o.value }, o.label))),
        help, errorText);
    default:
      return wrap(
        h('label', { for: id }, field.label, required),
        h('input', {
          ...common,
          id,
          type: INPUT_TYPES[field.kind] ?? 'text',
          value: textOf(value),
          placeholder: field.placeholder,
          autocomplete: AUTOCOMPLETE[field.kind],
          inputmode: field.kind === 'number' ? 'decimal' : null,
        }),
        help, errorText);
  }
}

function choiceList(
  field: RenderField & { options: readonly RenderOption[] },
  type: 'radio' | 'checkbox',
  chosen: readonly string[],
  state: FormState,
  common: Record<string, string | boolean | null>,
  required: VNode | null,
  help: VNode | null,
  errorText: VNode | null,
  error: string | undefined,
): VNode {
  const id = `${state.idPrefix}${field.key}`;
  return h('fieldset', {
    class: error ? 'inflow-field inflow-field-invalid' : 'inflow-field',
    'data-field': field.key,
    'aria-invalid': common['aria-invalid'],
    'aria-describedby': common['aria-describedby'],
    'aria-required': type === 'radio' ? common['aria-required'] : null,
  },
  h('legend', {}, field.label, required),
  field.options.map((o, i) =>
    h('div', { class: 'inflow-check' },
      h('input', { type, id: `${id}-${i}`, name: field.key, value: o.value, checked: chosen.includes(o.value), required: type === 'radio' && field.required }),
      h('label', { for: `${id}-${i}` }, o.label))),
  help, errorText);
}

/** The whole form: status line, fields, honeypot, version and submit button. */
export function formView(form: RenderForm, state: FormState): VNode {
  const hp = `${state.idPrefix}_hp`;
  return h('form', { class: 'inflow-form', method: 'post', action: state.action, novalidate: true, 'data-inflow-form': form.id, 'accept-charset': 'utf-8' },
    h('p', { class: 'inflow-status', role: 'status', 'aria-live': 'polite', id: `${state.idPrefix}status` }, state.status ?? ''),
    form.fields.map((field) => fieldView(field, state)),
    // People never see it; a bot that fills every input gives itself away.
    h('div', { class: 'inflow-hp', 'aria-hidden': 'true' },
      h('label', { for: hp }, 'Leave this field empty'),
      h('input', { id: hp, name: '_hp', type: 'text', tabindex: -1, autocomplete: 'off', value: '' })),
    h('input', { type: 'hidden', name: '_v', value: String(form.version) }),
    Object.entries(state.meta ?? {}).map(([name, value]) => h('input', { type: 'hidden', name, value })),
    h('button', { type: 'submit', class: 'inflow-submit' }, form.submit_label));
}
