import { notifications } from '@mantine/notifications';
import { ApiError } from './api/client';

/** Shows a failed request's problem+json detail; used by every mutation's onError. */
export function notifyError(error: unknown, title = 'Something went wrong'): void {
  const message =
    error instanceof ApiError
      ? (error.detail ?? error.title)
      : error instanceof Error
        ? error.message
        : 'Unexpected error';
  notifications.show({ color: 'red', title, message, autoClose: 8000 });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message, autoClose: 3000 });
}

const PROBLEMS_NOTICE = 'draft-problems';

/** An editor's refused save or publish: how many things need fixing; each is marked on its field. Replaces the last such notice. */
export function notifyProblems(title: string, count: number): void {
  notifications.show({ id: PROBLEMS_NOTICE, color: 'red', title, message: `${count === 1 ? 'One thing needs' : `${count} things need`} fixing: each is marked where it is.`, autoClose: 8000 });
}

/** Takes the problems notice away once a save or publish went through. */
export function clearProblemsNotice(): void {
  notifications.hide(PROBLEMS_NOTICE);
}
