import { useCallback, useEffect, useMemo, useState } from 'react';
import { arrayMove } from '@dnd-kit/sortable';
import { ApiError } from '../../../api/client';
import { usePublishForm, useSaveDraft, type Form, type FormDefinition, type FormField, type FormSettings } from '../../../api/forms';
import { clearProblemsNotice, notifyError, notifyProblems, notifySuccess } from '../../../notify';
import { definitionOf, draftOf, NO_PROBLEMS, newUid, placeProblems, problemCount, sameDefinition, takenBy, type Draft, type ListName, type Problems } from './draft-state';
import { keyFromLabel } from '../../../contact-fields';
import { newField, uniqueKey, type FieldKind } from './field-kinds';
import { useLeaveWarning } from '../../../use-leave-warning';

// One notice about problems at a time, gone once they are fixed.

export interface Selection {
  list: ListName;
  uid: string;
}

/**
 * The builder's state for one form: the working copy, whether it differs from what was saved,
 * the server's problems placed on fields and settings, and the save and publish actions. Lives
 * in the form's page, so switching tabs keeps unsaved edits.
 */
export function useDraftEditor(slug: string, form: Form | undefined) {
  const [base, setBase] = useState<{ id: string; revision: number; definition: FormDefinition } | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [conflict, setConflict] = useState(false);
  const [selected, setSelected] = useState<Selection | null>(null);
  // Fields added here whose key nobody typed: it follows their label. A saved field's key never
  // changes by itself (posts, exports and the contact's data know it by that name).
  const [autoKeys, setAutoKeys] = useState<ReadonlySet<string>>(new Set());
  const save = useSaveDraft(slug, form?.id ?? '');
  const publishing = usePublishForm(slug, form?.id ?? '');

  const definition = useMemo(() => (draft ? definitionOf(draft) : null), [draft]);
  const dirty = !!definition && !!base && !sameDefinition(definition, base.definition);

  /** Takes the server's draft as the working copy (first load, a reload after a conflict, a restored version). */
  const adopt = useCallback((next: Form) => {
    setBase({ id: next.id, revision: next.draft_revision, definition: next.draft });
    setDraft(draftOf(next.draft));
    setProblems(NO_PROBLEMS);
    setSelected(null);
    setConflict(false);
  }, []);

  useEffect(() => {
    if (!form || (base && base.id === form.id && base.revision === form.draft_revision)) return;
    // Unsaved edits are never replaced behind the person's back: saving them tells of the conflict.
    if (!base || base.id !== form.id || !dirty) adopt(form);
  }, [form, base, dirty, adopt]);

  useLeaveWarning(dirty);

  const failed = (error: unknown, title: string) => {
    if (error instanceof ApiError && error.status === 409) return setConflict(true);
    if (error instanceof ApiError && error.status === 400 && error.errors.length > 0 && draft) {
      const placed = placeProblems(error.errors, draft);
      setProblems(placed);
      const n = problemCount(placed);
      return notifyProblems(title, n);
    }
    notifyError(error, title);
  };

  const saveNow = async (): Promise<boolean> => {
    if (!form || !definition || !base) return false;
    try {
      const saved = await save.mutateAsync({ draft: definition, draft_revision: base.revision });
      setBase({ id: saved.id, revision: saved.draft_revision, definition });
      setProblems(NO_PROBLEMS);
      clearProblemsNotice();
      return true;
    } catch (error) {
      failed(error, 'Could not save the draft');
      return false;
    }
  };

  const publish = async () => {
    if (dirty && !(await saveNow())) return;
    try {
      const published = await publishing.mutateAsync();
      setProblems(NO_PROBLEMS);
      clearProblemsNotice();
      notifySuccess(`Version ${published.version} is live`);
    } catch (error) {
      failed(error, 'The form cannot be published yet');
    }
  };

  const change = (next: (d: Draft) => Draft) => setDraft((d) => (d ? next(d) : d));
  const listOf = (d: Draft, list: ListName) => (list === 'fields' ? d.fields : d.queue);
  const withList = (d: Draft, list: ListName, items: Draft['fields']): Draft => (list === 'fields' ? { ...d, fields: items } : { ...d, queue: items });
  const forget = (uid: string) => setProblems((p) => (p.fields[uid] ? { ...p, fields: Object.fromEntries(Object.entries(p.fields).filter(([k]) => k !== uid)) } : p));

  return {
    form,
    draft,
    definition,
    dirty,
    problems,
    conflict,
    selected,
    saving: save.isPending,
    publishing: publishing.isPending,
    select: setSelected,
    adopt,
    dismissConflict: () => setConflict(false),
    save: () => void saveNow().then((ok) => ok && notifySuccess('Draft saved')),
    publish: () => void publish(),
    updateField: (list: ListName, uid: string, next: (f: FormField) => FormField) => {
      forget(uid);
      change((d) => withList(d, list, listOf(d, list).map((i) => (i.uid === uid ? { ...i, field: next(i.field) } : i))));
    },
    setLabel: (list: ListName, uid: string, label: string) => {
      forget(uid);
      change((d) => {
        const taken = takenBy(d).keys;
        return withList(d, list, listOf(d, list).map((i) => {
          if (i.uid !== uid) return i;
          taken.delete(i.field.key);
          const key = autoKeys.has(uid) && keyFromLabel(label) ? uniqueKey(keyFromLabel(label), taken) : i.field.key;
          return { ...i, field: { ...i.field, label, key } };
        }));
      });
    },
    setKey: (list: ListName, uid: string, key: string) => {
      forget(uid);
      setAutoKeys((keys) => new Set([...keys].filter((k) => k !== uid)));
      change((d) => withList(d, list, listOf(d, list).map((i) => (i.uid === uid ? { ...i, field: { ...i.field, key } } : i))));
    },
    addField: (list: ListName, kind: FieldKind) => {
      if (!draft) return;
      const item = { uid: newUid(), field: newField(kind, takenBy(draft)) };
      change((d) => withList(d, list, [...listOf(d, list), item]));
      setAutoKeys((keys) => new Set([...keys, item.uid]));
      setSelected({ list, uid: item.uid });
    },
    removeField: (list: ListName, uid: string) => {
      forget(uid);
      change((d) => withList(d, list, listOf(d, list).filter((i) => i.uid !== uid)));
      setSelected(null);
    },
    moveField: (list: ListName, from: number, to: number) => change((d) => withList(d, list, arrayMove(listOf(d, list), from, to))),
    setProgressive: (enabled: boolean) => change((d) => ({ ...d, progressive: enabled })),
    /** Changes the settings; `path` names what changed, whose problems the change answers. */
    updateSettings: (path: string, next: (s: FormSettings) => FormSettings) => {
      const under = (p: string) => p === path || p.startsWith(`${path}.`);
      setProblems((p) => (Object.keys(p.settings).some(under) ? { ...p, settings: Object.fromEntries(Object.entries(p.settings).filter(([k]) => !under(k))) } : p));
      change((d) => ({ ...d, settings: next(d.settings) }));
    },
  };
}

export type DraftEditor = ReturnType<typeof useDraftEditor>;
