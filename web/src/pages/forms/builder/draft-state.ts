// The builder's working copy of a draft, and where the server's problems with it belong. Pure:
// no React, no requests.
import type { FieldError } from '../../../api/client';
import type { FormDefinition, FormField, FormSettings } from '../../../api/forms';

/** A field with an id of the builder's own: keys change as people type, and dragging needs a stable id. */
export interface Item {
  uid: string;
  field: FormField;
}

export type ListName = 'fields' | 'queue';

export interface Draft {
  fields: Item[];
  queue: Item[];
  progressive: boolean;
  settings: FormSettings;
}

let counter = 0;
export const newUid = () => `f${++counter}`;

export function draftOf(def: FormDefinition): Draft {
  return {
    fields: def.fields.map((field) => ({ uid: newUid(), field })),
    queue: def.progressive.queue.map((field) => ({ uid: newUid(), field })),
    progressive: def.progressive.enabled,
    settings: def.settings,
  };
}

export function definitionOf(draft: Draft): FormDefinition {
  return {
    fields: draft.fields.map((i) => i.field),
    progressive: { enabled: draft.progressive, queue: draft.queue.map((i) => i.field) },
    settings: draft.settings,
  };
}

/** JSON with keys sorted: the server stores drafts as jsonb, which orders keys its own way. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/** Whether two definitions (a form's, a page's) say the same, whatever order jsonb gave their keys. */
export const sameDefinition = <T>(a: T, b: T) => canonical(a) === canonical(b);

/** Keys and contact fields already used by the draft's fields and queue (a new field takes others). */
export function takenBy(draft: Draft): { keys: Set<string>; targets: Set<string> } {
  const all = [...draft.fields, ...draft.queue].map((i) => i.field);
  return {
    keys: new Set(all.map((f) => f.key)),
    targets: new Set(all.flatMap((f) => (f.maps_to.to === 'standard' ? [`standard.${f.maps_to.field}`] : f.maps_to.to === 'custom' ? [`custom.${f.maps_to.key}`] : []))),
  };
}

/** The server's problems, each where it can be shown: by field (and property), by setting, or about the whole form. */
export interface Problems {
  /** By item uid, then by the field's property (`label`, `options`, `maps_to`; '' for the field as a whole). */
  fields: Record<string, Record<string, string>>;
  /** By path under settings (`after_submit.url`, `spam.blocked_domains.2`). */
  settings: Record<string, string>;
  /** About the form as a whole (“needs an email field”), or nowhere more precise. */
  general: string[];
}

export const NO_PROBLEMS: Problems = { fields: {}, settings: {}, general: [] };

// A field, the after-submit setting and the follow-up mail are unions: a value one branch refuses
// gets errors from every other branch too (another kind, a missing property, null). Those say
// nothing about what the person typed.
const BRANCH_NOISE = /must be equal to constant|must match a schema in anyOf|must be null|is not a known field/;

/** Names fields in a message (“is already the key of fields.2”) the way people know them: by label. */
function worded(message: string, draft: Draft): string {
  return message.replace(/\b(fields|progressive\.queue)\.(\d+)\b/g, (whole, list: string, n: string) => {
    const item = (list === 'fields' ? draft.fields : draft.queue)[Number(n)];
    return item ? `“${item.field.label}”` : whole;
  });
}

/** Places problem+json field errors (`draft.fields.3.maps_to`, `draft.settings.tags.0`) on the draft they were found in. */
export function placeProblems(errors: readonly FieldError[], draft: Draft): Problems {
  const out: Problems = { fields: {}, settings: {}, general: [] };
  for (const error of errors) {
    const path = error.field.replace(/^draft\./, '').split('.');
    const message = worded(error.message, draft);
    const list = path[0] === 'fields' ? draft.fields : path[0] === 'progressive' && path[1] === 'queue' ? draft.queue : null;
    const at = path[0] === 'fields' ? 1 : 2;
    const item = list && path[at] !== undefined ? list[Number(path[at])] : undefined;
    if (BRANCH_NOISE.test(message)) continue;
    if (item) {
      const prop = path[at + 1] ?? '';
      // A property this field does not have is another branch's (the builder makes whole fields).
      if (prop !== '' && !(prop in item.field)) continue;
      const mine = (out.fields[item.uid] ??= {});
      mine[prop] ??= message;
    } else if (path[0] === 'settings' && path.length > 1) {
      if (message === 'is required') continue;
      out.settings[path.slice(1).join('.')] ??= message;
    } else {
      out.general.push(path[0] === 'fields' ? `The form ${message}` : `${error.field} ${message}`);
    }
  }
  return out;
}

/** The first problem of a setting or of anything under it (`spam` finds `spam.blocked_domains.2`). */
export function settingProblem(problems: Problems, path: string): string | undefined {
  const hit = Object.keys(problems.settings).find((p) => p === path || p.startsWith(`${path}.`));
  return hit === undefined ? undefined : problems.settings[hit];
}

export function problemCount(problems: Problems): number {
  return Object.values(problems.fields).reduce((n, f) => n + Object.keys(f).length, 0) + Object.keys(problems.settings).length + problems.general.length;
}
