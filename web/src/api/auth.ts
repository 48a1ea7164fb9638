import { useQuery } from '@tanstack/react-query';
import { apiRequest, setCsrfToken } from './client';
import type { Session } from './types';

export const sessionKey = ['session'] as const;

export async function login(email: string, password: string): Promise<Session> {
  const session = await apiRequest<Session>('/api/auth/login', {
    method: 'POST',
    body: { email, password },
    redirectOn401: false,
  });
  setCsrfToken(session.csrf_token);
  return session;
}

export async function fetchSession(): Promise<Session> {
  const session = await apiRequest<Session>('/api/auth/me', { redirectOn401: false });
  setCsrfToken(session.csrf_token);
  return session;
}

export async function logout(): Promise<void> {
  await apiRequest<void>('/api/auth/logout', { method: 'POST', redirectOn401: false });
  setCsrfToken(null);
}

/** Signs out the user's other sessions; this one stays signed in. */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await apiRequest<void>('/api/auth/password', {
    method: 'POST',
    body: { current_password: currentPassword, new_password: newPassword },
  });
}

/** The signed-in user and their workspaces; errors with status 401 when signed out. */
export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 60_000 });
}
