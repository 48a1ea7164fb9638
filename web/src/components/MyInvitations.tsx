import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconMailOpened } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { myInvitationsQuery, useAnswerInvitation } from '../api/invitations';
import type { ReceivedInvitation } from '../api/types';
import { ROLE_LABELS } from '../auth/permissions';
import { formatDate } from '../format';
import { notifyError, notifySuccess } from '../notify';

/** Invitations waiting for the signed-in user, each to accept or decline; nothing when there are none. */
export function MyInvitations() {
  const invitations = useQuery(myInvitationsQuery);
  const answer = useAnswerInvitation();
  const navigate = useNavigate();
  if (!invitations.data?.length) return null;

  const reply = (invitation: ReceivedInvitation, choice: 'accept' | 'decline') =>
    answer.mutate(
      { id: invitation.id, answer: choice },
      {
        onSuccess: () => {
          if (choice === 'decline') return notifySuccess(`You declined the invitation to ${invitation.workspace.name}`);
          notifySuccess(`You joined ${invitation.workspace.name}`);
          void navigate(`/w/${invitation.workspace.slug}`);
        },
        onError: (error) => notifyError(error, 'Could not answer the invitation'),
      },
    );

  return (
    <Stack gap="sm" aria-label="Your invitations" role="region">
      {invitations.data.map((invitation) => (
        <Paper key={invitation.id} withBorder p="md" bg="brand.0">
          <Group justify="space-between" wrap="nowrap" gap="md">
            <Group gap="sm" wrap="nowrap">
              <IconMailOpened size={22} color="var(--mantine-color-brand-6)" />
              <div>
                <Text fw={600} fz="sm">
                  {invitation.invited_by_name ? `${invitation.invited_by_name} invited you` : 'You are invited'} to {invitation.workspace.name} as{' '}
                  {ROLE_LABELS[invitation.role]}
                </Text>
                <Text fz="xs" c="dimmed">
                  Open until {formatDate(invitation.expires_at)}
                </Text>
              </div>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <Button size="xs" variant="default" disabled={answer.isPending} onClick={() => reply(invitation, 'decline')}>
                Decline
              </Button>
              <Button size="xs" loading={answer.isPending && answer.variables?.id === invitation.id} onClick={() => reply(invitation, 'accept')}>
                Join {invitation.workspace.name}
              </Button>
            </Group>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
