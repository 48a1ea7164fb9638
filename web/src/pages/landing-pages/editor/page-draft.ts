// The page editor's working copy, its undo history, and where the server's problems with it
// belong. Pure: no React, no requests.
import type { FieldError } from '../../../api/client';
import type { PageBlock, PageDefinition } from '../../../api/pages';

/** A block with an id of the editor's own: dragging and selection need one that survives moves. */
export interface Item {
  uid: string;
  block: PageBlock;
}

export interface Draft {
  blocks: Item[];
  seo: PageDefinition['seo'];
  theme: PageDefinition['theme'];
}

let counter = 0;
export const newUid = () => `b${++counter}`;

export const draftOf = (def: PageDefinition): Draft => ({ blocks: def.blocks.map((block) => ({ uid: newUid(), block })), seo: def.seo, theme: def.theme });
export const definitionOf = (draft: Draft): PageDefinition => ({ seo: draft.seo, theme: draft.theme, blocks: draft.blocks.map((i) => i.block) });

/** The value under a dotted path (`button.url`, `items.2.text`); undefined when any step is missing. */
export function valueAt(root: unknown, path: string): unknown {
  if (path === '') return root;
  return path.split('.').reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), root);
}

/** A copy with the value under the path replaced; undefined removes an object's key (the schema's optional properties). */
export function withValueAt<T>(root: T, path: string, value: unknown): T {
  if (path === '') return value as T;
  const [key, ...rest] = path.split('.') as [string, ...string[]];
  const inner = withValueAt((root as Record<string, unknown> | undefined)?.[key], rest.join('.'), value);
  if (Array.isArray(root)) return root.map((v, i) => (i === Number(key) ? inner : v)) as T;
  const copy = { ...(root as Record<string, unknown>) };
  if (inner === undefined) delete copy[key];
  else copy[key] = inner;
  return copy as T;
}

/** Undo and redo over whole working copies. Typing in one field within a second is one step. */
export interface History {
  past: Draft[];
  present: Draft;
  future: Draft[];
  /** What the last step changed, and when: the next change of the same thing joins it. */
  last: { key: string; at: number } | null;
}

const MAX_STEPS = 200;
const JOIN_MS = 1000;

export const historyOf = (draft: Draft): History => ({ past: [], present: draft, future: [], last: null });

export function record(history: History, next: Draft, key: string | null, now: number): History {
  if (next === history.present) return history;
  const joins = key !== null && history.last?.key === key && now - history.last.at < JOIN_MS;
  return {
    past: joins ? history.past : [...history.past, history.present].slice(-MAX_STEPS),
    present: next,
    future: [],
    last: key === null ? null : { key, at: now },
  };
}

export function undo(history: History): History {
  const previous = history.past.at(-1);
  if (!previous) return history;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future], last: null };
}

export function redo(history: History): History {
  const [next, ...future] = history.future;
  if (!next) return history;
  return { past: [...history.past, history.present], present: next, future, last: null };
}

/** The server's problems, each where the editor shows it. */
export interface Problems {
  /** By block uid, then by path inside the block (`button.url`, `columns.1.0.image.alt`). */
  blocks: Record<string, Record<string, string>>;
  /** By path under the page settings (`seo.title`, `theme.colors.primary`, `slug`). */
  page: Record<string, string>;
  /** About the page as a whole, or nowhere more precise. */
  general: string[];
}

export const NO_PROBLEMS: Problems = { blocks: {}, page: {}, general: [] };

// A block is a union: a value one branch refuses gets errors from every other branch too.
const BRANCH_NOISE = /must be equal to constant|must match a schema in anyOf|must match exactly one schema|must NOT have additional properties/;

/** Places problem+json field errors (`draft.blocks.3.image.alt`, `draft.seo.title`, `slug`) on the draft they were found in. */
export function placeProblems(errors: readonly FieldError[], draft: Draft): Problems {
  const out: Problems = { blocks: {}, page: {}, general: [] };
  for (const error of errors) {
    if (BRANCH_NOISE.test(error.message)) continue;
    const path = error.field.replace(/^(draft|definition)\./, '').split('.');
    const item = path[0] === 'blocks' && path[1] !== undefined ? draft.blocks[Number(path[1])] : undefined;
    if (item) {
      const mine = (out.blocks[item.uid] ??= {});
      mine[path.slice(2).join('.')] ??= error.message;
    } else if (['seo', 'theme', 'name', 'slug', 'host'].includes(path[0]!)) {
      out.page[path.join('.')] ??= error.message;
    } else {
      out.general.push(path[0] === 'blocks' ? `The page ${error.message}` : `${error.field} ${error.message}`);
    }
  }
  return out;
}

/** The first problem at a path or under it (`image` finds `image.alt`). */
export function problemAt(problems: Record<string, string> | undefined, path: string): string | undefined {
  if (!problems) return undefined;
  const hit = Object.keys(problems).find((p) => p === path || p.startsWith(`${path}.`));
  return hit === undefined ? undefined : problems[hit];
}

/** Problems minus those at a path or under it: a change there answers them. */
export function without(problems: Record<string, string>, path: string): Record<string, string> {
  return Object.fromEntries(Object.entries(problems).filter(([p]) => !(p === path || p.startsWith(`${path}.`) || path.startsWith(`${p}.`))));
}

export function problemCount(problems: Problems): number {
  return Object.values(problems.blocks).reduce((n, b) => n + Object.keys(b).length, 0) + Object.keys(problems.page).length + problems.general.length;
}
