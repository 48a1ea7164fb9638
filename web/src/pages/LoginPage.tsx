import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Box, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useLogin, useSession } from '../api/auth';
import { ApiError } from '../api/client';
import type { Session } from '../api/types';
import { BrandMark } from '../components/BrandMark';
import { LoginShowcase } from '../components/LoginShowcase';
import classes from './LoginPage.module.css';

/** Where to land after sign-in: the page the user was sent away from (or the invitation they came to accept), else their first workspace. */
function landingPath(session: Session, from: unknown): string {
  if (typeof from === 'string' && session.workspaces.some((w) => from.startsWith(`/w/${w.slug}`))) return from;
  if (typeof from === 'string' && from.startsWith('/invite#')) return from;
  const first = session.workspaces[0];
  return first ? `/w/${first.slug}` : '/';
}

export function LoginPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const signIn = useLogin();
  const existing = useSession();
  const from = (location.state as { from?: unknown } | null)?.from;

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [retryUntil, setRetryUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());

  // 429: count the Retry-After seconds down, and re-enable the form when they are over.
  useEffect(() => {
    if (retryUntil === null) return;
    const timer = window.setInterval(() => {
      setNow(Date.now());
      if (Date.now() >= retryUntil) setRetryUntil(null);
    }, 1000);
    return () => window.clearInterval(timer);
  }, [retryUntil]);

  if (existing.data && !submitting) return <Navigate to={landingPath(existing.data, from)} replace />;

  const secondsLeft = retryUntil === null ? 0 : Math.max(1, Math.ceil((retryUntil - now) / 1000));
  const minutes = Math.round(secondsLeft / 60);
  const message =
    retryUntil !== null
      ? `Too many attempts, try again in ${secondsLeft} seconds${secondsLeft > 120 ? ` (about ${minutes} minutes)` : ''}`
      : error;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!email.trim() || !password) {
      setError('Enter your email and password');
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      const session = await signIn.mutateAsync({ email: email.trim(), password });
      await navigate(landingPath(session, from), { replace: true });
    } catch (err) {
      setSubmitting(false);
      if (err instanceof ApiError && err.status === 401) {
        setError('Wrong email or password');
        setPassword('');
      } else if (err instanceof ApiError && err.status === 429) {
        setNow(Date.now());
        setRetryUntil(Date.now() + (err.retryAfter ?? 60) * 1000);
      } else {
        setError(err instanceof ApiError ? (err.detail ?? err.title) : 'Could not sign in. Try again.');
      }
    }
  }

  return (
    <div className={classes.page}>
      <div className={classes.formSide}>
        <BrandMark />
        <Box className={classes.form}>
          <Stack gap={6} mb={28}>
            <Title order={1} fz={26}>
              Sign in to Inflow
            </Title>
            <Text c="dimmed" fz="sm">
              Welcome back. Your leads have been busy.
            </Text>
          </Stack>
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              {message && (
                <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
                  {message}
                </Alert>
              )}
              <TextInput
                label="Email"
                type="email"
                autoComplete="username"
                placeholder="you@company.com"
                required
                autoFocus
                size="md"
                value={email}
                onChange={(e) => {
                  setEmail(e.currentTarget.value);
                  // The server counts failures per address: another account may try right away.
                  setRetryUntil(null);
                }}
              />
              <PasswordInput
                label="Password"
                autoComplete="current-password"
                // Keeps getByLabel('Password') unambiguous: Mantine's default toggle label contains the word.
                visibilityToggleButtonProps={{ 'aria-label': 'Show or hide the characters' }}
                required
                size="md"
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
              />
              <Button
                type="submit"
                size="md"
                fullWidth
                mt="xs"
                loading={submitting}
                disabled={retryUntil !== null}
              >
                Sign in
              </Button>
            </Stack>
          </form>
          <Text fz="xs" c="dimmed" mt="xl">
            Forgot your password, or need an account? Ask whoever runs Inflow for your team.
          </Text>
        </Box>
        <Text fz="xs" c="dimmed">
          Inflow · open-source inbound marketing
        </Text>
      </div>
      <LoginShowcase />
    </div>
  );
}
