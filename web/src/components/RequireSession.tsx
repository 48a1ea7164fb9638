import { Button, Center, Loader } from '@mantine/core';
import { IconPlugConnectedX } from '@tabler/icons-react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../api/auth';
import { ApiError } from '../api/client';
import { StatusMessage } from './StatusMessage';

/** Everything but /login needs a signed-in user; without one, go sign in and come back. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();

  if (session.isPending) {
    return (
      <Center mih="100vh">
        <Loader />
      </Center>
    );
  }
  if (session.isError) {
    if (session.error instanceof ApiError && session.error.status === 401) {
      return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
    }
    return (
      <StatusMessage
        fullPage
        color="red"
        icon={<IconPlugConnectedX size={28} />}
        title="Inflow is not answering"
        description={session.error.message}
        actions={<Button onClick={() => void session.refetch()}>Try again</Button>}
      />
    );
  }
  return <Outlet />;
}
