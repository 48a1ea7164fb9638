import { Alert, Button, Center, Group, Loader, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconMailOff } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { logout, sessionQuery, useSession } from '../api/auth';
import { ApiError } from '../api/client';
import { previewInvitation, useAnswerInvitation, useRedeemInvitation } from '../api/invitations';
import type { InvitationPreview } from '../api/types';
import { ROLE_LABELS } from '../auth/permissions';
import { BrandMark } from '../components/BrandMark';
import { StatusMessage } from '../components/StatusMessage';
import { showInForm } from '../form-errors';
import { notifyError } from '../notify';

/** The emailed link carries its token in the fragment (never sent to the server with the page). */
function tokenFromHash(): string | null {
  return new URLSearchParams(window.location.hash.slice(1)).get('token');
}

/**
 * `/invite#token=…`, the page an invitation's email links to. Without an account the invitee
 * chooses a name and password here; with one, they sign in (as the invited address) and accept.
 */
export function AcceptInvitePage() {
  const token = tokenFromHash();
  const preview = useQuery({ queryKey: ['invitation', token], queryFn: () => previewInvitation(token!), enabled: token !== null, retry: false });

  if (!token) return <Unusable detail="This link is incomplete: open the whole link from the invitation email." />;
  if (preview.isPending) {
    return (
      <Center mih="100vh">
        <Loader />
      </Center>
    );
  }
  if (preview.isError) {
    const error = preview.error;
    const detail =
      error instanceof ApiError && error.status === 404
        ? 'This invitation link is not valid. If you were invited again, use the newest email.'
        : error instanceof ApiError
          ? (error.detail ?? error.title)
          : error.message;
    return <Unusable detail={detail} />;
  }
  return (
    <Center mih="100vh" p="md">
      <Stack align="center" gap={32} w="100%" maw={440}>
        <BrandMark />
        <Paper withBorder p="xl" w="100%">
          <Stack gap="md">
            <Title order={1} fz={22}>
              Join {preview.data.workspace.name}
            </Title>
            <Text fz="sm" c="dimmed">
              {preview.data.invited_by_name ? `${preview.data.invited_by_name} invited ` : 'An invitation for '}
              <b>{preview.data.email}</b> to work in {preview.data.workspace.name} as {ROLE_LABELS[preview.data.role]}.
            </Text>
            <Answer invitation={preview.data} token={token} />
          </Stack>
        </Paper>
      </Stack>
    </Center>
  );
}

function Unusable({ detail }: { detail: string }) {
  return <StatusMessage fullPage icon={<IconMailOff size={26} />} title="This invitation cannot be used" description={detail} color="gray" />;
}

/** What the visitor can do with the invitation: depends on who is signed in and whether the address has an account. */
function Answer({ invitation, token }: { invitation: InvitationPreview; token: string }) {
  const session = useSession();
  const navigate = useNavigate();
  const answer = useAnswerInvitation();
  const here = `/invite#token=${encodeURIComponent(token)}`;
  if (session.isPending) return <Loader size="sm" />;

  const user = session.data?.user;
  if (user && user.email === invitation.email) {
    const reply = (choice: 'accept' | 'decline') =>
      answer.mutate(
        { id: invitation.id, answer: choice },
        {
          onSuccess: () => void navigate(choice === 'accept' ? `/w/${invitation.workspace.slug}` : '/', { replace: true }),
          onError: (error) => notifyError(error, 'Could not answer the invitation'),
        },
      );
    return (
      <Group justify="flex-end">
        <Button variant="default" disabled={answer.isPending} onClick={() => reply('decline')}>
          Decline
        </Button>
        <Button loading={answer.isPending} onClick={() => reply('accept')}>
          Join {invitation.workspace.name}
        </Button>
      </Group>
    );
  }
  if (user) {
    const switchUser = async () => {
      await logout().catch(() => undefined);
      window.location.reload();
    };
    return (
      <>
        <Alert color="yellow" variant="light" icon={<IconAlertCircle size={18} />}>
          You are signed in as {user.email}. This invitation is for {invitation.email}.
        </Alert>
        <Group justify="flex-end">
          <Button onClick={() => void switchUser()}>Sign out to accept</Button>
        </Group>
      </>
    );
  }
  if (invitation.has_account) {
    return (
      <>
        <Text fz="sm">{invitation.email} already has an Inflow account: sign in with it to accept.</Text>
        <Group justify="flex-end">
          <Button onClick={() => void navigate('/login', { state: { from: here } })}>Sign in to accept</Button>
        </Group>
      </>
    );
  }
  return <NewAccountForm invitation={invitation} token={token} />;
}

const FIELDS = { name: 'Your name', password: 'Password' };

function NewAccountForm({ invitation, token }: { invitation: InvitationPreview; token: string }) {
  const redeem = useRedeemInvitation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { name: '', password: '' },
    validate: {
      name: (value) => (value.trim() ? null : 'Enter your name'),
      password: (value) => (value.length >= 8 ? null : 'At least 8 characters'),
    },
  });
  // Awaited rather than given callbacks: once the session exists this form unmounts (the page
  // then sees a signed-in invitee), and a mutate callback would never run.
  const submit = form.onSubmit(async (values) => {
    try {
      const result = await redeem.mutateAsync({ token, name: values.name.trim(), password: values.password });
      await queryClient.fetchQuery({ ...sessionQuery, staleTime: 0 });
      await navigate(`/w/${result.workspace.slug}`, { replace: true });
    } catch (error) {
      if (!showInForm(form, error, FIELDS)) notifyError(error, 'Could not accept the invitation');
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text fz="sm">Choose your name and a password to create your account.</Text>
        <TextInput label="Email" value={invitation.email} readOnly variant="filled" autoComplete="username" />
        <TextInput label="Your name" placeholder="Jamie Rivera" required autoFocus autoComplete="name" {...form.getInputProps('name')} />
        <PasswordInput
          label="Password"
          description="At least 8 characters"
          required
          autoComplete="new-password"
          visibilityToggleButtonProps={{ 'aria-label': 'Show or hide the characters' }}
          {...form.getInputProps('password')}
        />
        <Button type="submit" loading={redeem.isPending} fullWidth>
          Create account and join
        </Button>
      </Stack>
    </form>
  );
}
