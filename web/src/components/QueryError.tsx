import { Alert, Button } from '@mantine/core';
import { IconAlertCircle, IconLock } from '@tabler/icons-react';
import { ApiError } from '../api/client';

/** A list that failed to load: says why (403 reads differently from an outage) and offers a retry. */
export function QueryError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const forbidden = error instanceof ApiError && error.status === 403;
  const detail = error instanceof ApiError ? (error.detail ?? error.title) : error.message;
  return (
    <Alert
      color={forbidden ? 'gray' : 'red'}
      variant="light"
      icon={forbidden ? <IconLock size={18} /> : <IconAlertCircle size={18} />}
      title={forbidden ? 'Your role cannot see this' : 'Could not load this list'}
    >
      {forbidden ? 'Ask a workspace owner or admin if you need access.' : detail}
      {!forbidden && (
        <Button size="xs" variant="light" color="red" mt="sm" display="block" onClick={onRetry}>
          Try again
        </Button>
      )}
    </Alert>
  );
}
