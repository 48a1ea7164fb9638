import { createBrowserRouter, Navigate } from 'react-router';
import { AppLayout } from './components/AppLayout';
import { RequireSession } from './components/RequireSession';
import { RouteErrorPage } from './components/RouteErrorPage';
import { MODULES } from './modules';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { ModulePage } from './pages/ModulePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { WorkspaceRedirect } from './pages/WorkspaceRedirect';
import { ApiKeysSettings } from './pages/settings/ApiKeysSettings';
import { RolesSettings } from './pages/settings/RolesSettings';
import { SettingsLayout } from './pages/settings/SettingsLayout';
import { UsersSettings } from './pages/settings/UsersSettings';
import { WorkspaceSettings } from './pages/settings/WorkspaceSettings';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteErrorPage fullPage /> },
  {
    element: <RequireSession />,
    errorElement: <RouteErrorPage fullPage />,
    children: [
      { path: '/', element: <WorkspaceRedirect /> },
      {
        path: '/w/:slug',
        element: <AppLayout />,
        children: [
          {
            // Errors below render inside the shell, so the navbar stays usable.
            errorElement: <RouteErrorPage />,
            children: [
              { index: true, element: <HomePage /> },
              ...MODULES.map((m) => ({ path: m.path, element: <ModulePage module={m} /> })),
              {
                path: 'settings',
                element: <SettingsLayout />,
                children: [
                  { index: true, element: <Navigate to="workspace" replace /> },
                  { path: 'workspace', element: <WorkspaceSettings /> },
                  { path: 'users', element: <UsersSettings /> },
                  { path: 'roles', element: <RolesSettings /> },
                  { path: 'api-keys', element: <ApiKeysSettings /> },
                ],
              },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundPage fullPage /> },
    ],
  },
]);
