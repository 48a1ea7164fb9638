import { useCallback, useEffect, useMemo, useState } from 'react';
import { arrayMove } from '@dnd-kit/sortable';
import { ApiError } from '../../../api/client';
import { usePatchPage, usePublishPage, type PageBlock, type PageDetail } from '../../../api/pages';
import { clearProblemsNotice, notifyError, notifyProblems, notifySuccess } from '../../../notify';
import { useLeaveWarning } from '../../../use-leave-warning';
import { sameDefinition } from '../../forms/builder/draft-state';
import { definitionOf, draftOf, historyOf, newUid, NO_PROBLEMS, placeProblems, problemCount, record, redo, undo, without, withValueAt, type Draft, type History, type Problems } from './page-draft';

// One notice about problems at a time, gone once they are fixed.

/**
 * The editor's state for one page: the working copy with its undo history, whether it differs
 * from the saved draft, the server's problems placed on blocks and settings, and saving and
 * publishing.
 */
export function usePageEditor(slug: string, page: PageDetail | undefined) {
  const [base, setBase] = useState<{ id: string; revision: number; definition: PageDetail['draft'] } | null>(null);
  const [history, setHistory] = useState<History | null>(null);
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [conflict, setConflict] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const save = usePatchPage(slug, page?.id ?? '');
  const publishing = usePublishPage(slug, page?.id ?? '');

  const draft = history?.present ?? null;
  const definition = useMemo(() => (draft ? definitionOf(draft) : null), [draft]);
  const dirty = !!definition && !!base && !sameDefinition(definition, base.definition);

  /** Takes the server's draft as the working copy (first load, a reload after a conflict, a restored version). */
  const adopt = useCallback((next: PageDetail) => {
    setBase({ id: next.id, revision: next.draft_revision, definition: next.draft });
    setHistory(historyOf(draftOf(next.draft)));
    setProblems(NO_PROBLEMS);
    setSelected(null);
    setConflict(false);
  }, []);

  useEffect(() => {
    if (!page || (base && base.id === page.id && base.revision === page.draft_revision)) return;
    // Unsaved edits are never replaced behind the person's back: saving them tells of the conflict.
    if (!base || base.id !== page.id || !dirty) adopt(page);
  }, [page, base, dirty, adopt]);

  useLeaveWarning(dirty);

  const showProblems = useCallback((error: unknown, title: string) => {
    if (error instanceof ApiError && error.status === 409 && error.errors.some((e) => e.field === 'draft_revision')) return setConflict(true);
    if (error instanceof ApiError && (error.status === 400 || error.status === 409) && error.errors.length > 0 && draft) {
      const placed = placeProblems(error.errors, draft);
      setProblems(placed);
      const n = problemCount(placed);
      return notifyProblems(title, n);
    }
    notifyError(error, title);
  }, [draft]);

  const saveNow = async (): Promise<boolean> => {
    if (!page || !definition || !base) return false;
    try {
      const saved = await save.mutateAsync({ draft: definition, draft_revision: base.revision });
      setBase({ id: saved.id, revision: saved.draft_revision, definition });
      setProblems(NO_PROBLEMS);
      clearProblemsNotice();
      return true;
    } catch (error) {
      showProblems(error, 'Could not save the draft');
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
      showProblems(error, 'The page cannot be published yet');
    }
  };

  /** Records a change; `key` names what it changed, so typing in one field is one undo step. */
  const change = (next: (d: Draft) => Draft, key: string | null = null) => setHistory((h) => (h ? record(h, next(h.present), key, Date.now()) : h));
  const forgetBlock = (uid: string, path: string) =>
    setProblems((p) => (p.blocks[uid] ? { ...p, blocks: { ...p.blocks, [uid]: without(p.blocks[uid]!, path) } } : p));

  return {
    page,
    draft,
    definition,
    dirty,
    problems,
    conflict,
    selected,
    canUndo: (history?.past.length ?? 0) > 0,
    canRedo: (history?.future.length ?? 0) > 0,
    saving: save.isPending,
    publishing: publishing.isPending,
    select: setSelected,
    adopt,
    showProblems,
    dismissConflict: () => setConflict(false),
    save: () => void saveNow().then((ok) => ok && notifySuccess('Draft saved')),
    saveNow,
    publish: () => void publish(),
    undo: () => setHistory((h) => (h ? undo(h) : h)),
    redo: () => setHistory((h) => (h ? redo(h) : h)),
    /** Sets a value inside a block (`button.url`; '' for the whole block). */
    setBlockValue: (uid: string, path: string, value: unknown) => {
      forgetBlock(uid, path);
      change((d) => ({ ...d, blocks: d.blocks.map((i) => (i.uid === uid ? { ...i, block: withValueAt(i.block, path, value) } : i)) }), `${uid}:${path}`);
    },
    /** Sets a page setting (`seo.title`, `theme.colors.primary`). */
    setPageValue: (path: string, value: unknown) => {
      setProblems((p) => ({ ...p, page: without(p.page, path) }));
      change((d) => withValueAt(d, path, value), `page:${path}`);
    },
    addBlock: (block: PageBlock, at?: number) => {
      const item = { uid: newUid(), block };
      change((d) => {
        const blocks = [...d.blocks];
        blocks.splice(at ?? blocks.length, 0, item);
        return { ...d, blocks };
      });
      setSelected(item.uid);
    },
    duplicateBlock: (uid: string) => {
      const copy = { uid: newUid(), block: structuredClone(draft?.blocks.find((i) => i.uid === uid)?.block) as PageBlock };
      change((d) => {
        const blocks = [...d.blocks];
        blocks.splice(blocks.findIndex((i) => i.uid === uid) + 1, 0, copy);
        return { ...d, blocks };
      });
    },
    removeBlock: (uid: string) => {
      setProblems((p) => ({ ...p, blocks: Object.fromEntries(Object.entries(p.blocks).filter(([k]) => k !== uid)) }));
      change((d) => ({ ...d, blocks: d.blocks.filter((i) => i.uid !== uid) }));
      setSelected((s) => (s === uid ? null : s));
    },
    moveBlock: (from: number, to: number) => change((d) => ({ ...d, blocks: arrayMove(d.blocks, from, to) })),
  };
}

export type PageEditor = ReturnType<typeof usePageEditor>;
