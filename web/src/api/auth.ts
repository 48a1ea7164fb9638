import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, setCsrfToken } from './client';
import type { Session } from './types';

export const sessionQuery = queryOptions({ queryKey: ['session'], queryFn: fetchSession, staleTime: 60_000 });

export async function login(email: string, password: string): Promise<Session> {
  const session = await apiRequest<Session>('/api/auth/login', {
    method: 'POST',
    body: { email, password },
    redirectOn401: false,
  });
  setCsrfToken(session.csrf_token);
  return session;
}

async function fetchSession(): Promise<Session> {
  const session = await apiRequest<Session>('/api/auth/me', { redirectOn401: false });
  setCsrfToken(session.csrf_token);
  return session;
}

export async function logout(): Promise<void> {
  await apiRequest<void>('/api/auth/logout', { method: 'POST', redirectOn401: false });
  setCsrfToken(null);
}

/** The signed-in user and their workspaces; errors with status 401 when signed out. */
export function useSession() {
  return useQuery(sessionQuery);
}

/** Signs out the user's other sessions; this one stays signed in. */
export function useChangePassword() {
  return useMutation({
    mutationFn: ({ current, next }: { current: string; next: string }) =>
      apiRequest<void>('/api/auth/password', { method: 'POST', body: { current_password: current, new_password: next } }),
  });
}

/** Signs in and keeps the session, so the pages behind /login see it at once. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ email, password }: { email: string; password: string }) => login(email, password),
    onSuccess: (session) => queryClient.setQueryData(sessionQuery.queryKey, session),
  });
}

/** Signs out and forgets every cached answer, or /login would see the old session and bounce back in. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: logout, onSuccess: () => queryClient.clear() });
}
