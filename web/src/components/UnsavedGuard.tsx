import { useBlocker } from 'react-router';
import { ConfirmDialog } from './ConfirmDialog';

/** Leaving an editor's page with unsaved changes asks first; `what` names the thing edited (“This form”). */
export function UnsavedGuard({ dirty, what }: { dirty: boolean; what: string }) {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  return (
    <ConfirmDialog opened={blocker.state === 'blocked'} title="Leave without saving?" confirmLabel="Leave and lose changes" onConfirm={() => blocker.proceed?.()} onClose={() => blocker.reset?.()}>
      {what} has changes that are not saved. Save the draft first to keep them.
    </ConfirmDialog>
  );
}
