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
