import { Button, Code, Group } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { ApiError } from '../api/client';
import { NotFoundPage } from '../pages/NotFoundPage';
import { StatusMessage } from './StatusMessage';

/** Render errors caught by the router: inside the shell, or full page outside it. */
export function RouteErrorPage({ fullPage }: { fullPage?: boolean }) {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage fullPage={fullPage} />;
  const detail =
    error instanceof ApiError ? (error.detail ?? error.title) : error instanceof Error ? error.message : null;
  return (
    <StatusMessage
      fullPage={fullPage}
      color="red"
      icon={<IconAlertTriangle size={28} />}
      title="This page could not be shown"
      description={
        <>
          Something unexpected happened while loading it. Try again, or go back to the start.
          {detail && (
            <Code block mt="md" ta="left">
              {detail}
            </Code>
          )}
        </>
      }
      actions={
        <Group>
          <Button variant="default" component={Link} to="/">
            Go to start
          </Button>
          <Button onClick={() => window.location.reload()}>Try again</Button>
        </Group>
      }
    />
  );
}
