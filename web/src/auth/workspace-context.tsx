import { createContext, useContext } from 'react';
import type { SessionWorkspace, User } from '../api/types';

export interface CurrentWorkspace extends SessionWorkspace {
  user: User;
}

const WorkspaceContext = createContext<CurrentWorkspace | null>(null);

export const WorkspaceProvider = WorkspaceContext.Provider;

/** The workspace in the URL (`/w/:slug`), with the signed-in user's role in it. */
export function useWorkspace(): CurrentWorkspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace() used outside a /w/:slug route');
  return workspace;
}
