import { createBrowserRouter, Navigate } from 'react-router';
import { AppLayout } from './components/AppLayout';
import { RequireSession } from './components/RequireSession';
import { RouteErrorPage } from './components/RouteErrorPage';
import { AcceptInvitePage } from './pages/AcceptInvitePage';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { ModulePage } from './pages/ModulePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { WorkspaceRedirect } from './pages/WorkspaceRedirect';
import { CompaniesPage } from './pages/companies/CompaniesPage';
import { CompanyPage } from './pages/companies/CompanyPage';
import { ContactPage } from './pages/contacts/ContactPage';
import { ContactsPage } from './pages/contacts/ContactsPage';
import { FormPage } from './pages/forms/FormPage';
import { AssetsPage } from './pages/assets/AssetsPage';
import { FormsPage } from './pages/forms/FormsPage';
import { PagesPage } from './pages/landing-pages/PagesPage';
import { PageAnalyticsPage } from './pages/landing-pages/PageAnalyticsPage';
import { PopupPage } from './pages/popups/PopupPage';
import { PopupsPage } from './pages/popups/PopupsPage';
import { EventsTab } from './pages/tracking/EventsTab';
import { OverviewTab } from './pages/tracking/OverviewTab';
import { SetupTab } from './pages/tracking/SetupTab';
import { TrackingLayout } from './pages/tracking/TrackingLayout';
import { VisitorPage } from './pages/tracking/VisitorPage';
import { PageEditorPage } from './pages/landing-pages/editor/PageEditorPage';
import { DuplicatesPage } from './pages/contacts/DuplicatesPage';
import { TrashPage } from './pages/contacts/TrashPage';
import { ImportPage } from './pages/imports/ImportPage';
import { ImportRunPage } from './pages/imports/ImportRunPage';
import { ListPage } from './pages/lists/ListPage';
import { ListsPage } from './pages/lists/ListsPage';
import { ContactFieldsSettings } from './pages/settings/ContactFieldsSettings';
import { EventDeliverySettings } from './pages/settings/EventDeliverySettings';
import { ApiKeysSettings } from './pages/settings/ApiKeysSettings';
import { RolesSettings } from './pages/settings/RolesSettings';
import { SettingsLayout } from './pages/settings/SettingsLayout';
import { UsersSettings } from './pages/settings/UsersSettings';
import { WorkspaceSettings } from './pages/settings/WorkspaceSettings';


export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteErrorPage fullPage /> },
  // An invitation's link: open to visitors without an account, who create one there.
  { path: '/invite', element: <AcceptInvitePage />, errorElement: <RouteErrorPage fullPage /> },
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
              { path: 'contacts', element: <ContactsPage /> },
              { path: 'contacts/import', element: <ImportPage /> },
              { path: 'contacts/imports/:id', element: <ImportRunPage /> },
              { path: 'contacts/duplicates', element: <DuplicatesPage /> },
              { path: 'contacts/trash', element: <TrashPage /> },
              { path: 'contacts/:id', element: <ContactPage /> },
              { path: 'companies', element: <CompaniesPage /> },
              { path: 'companies/:id', element: <CompanyPage /> },
              { path: 'lists', element: <ListsPage /> },
              { path: 'lists/:id', element: <ListPage /> },
              { path: 'capture', element: <FormsPage /> },
              { path: 'capture/forms/:id', element: <FormPage /> },
              { path: 'pages', element: <PagesPage /> },
              { path: 'pages/:id', element: <PageEditorPage /> },
              { path: 'pages/:id/analytics', element: <PageAnalyticsPage /> },
              { path: 'capture/assets', element: <AssetsPage /> },
              { path: 'capture/popups', element: <PopupsPage /> },
              { path: 'capture/popups/:id', element: <PopupPage /> },
              {
                path: 'tracking',
                element: <TrackingLayout />,
                children: [
                  { index: true, element: <OverviewTab /> },
                  { path: 'events', element: <EventsTab /> },
                  { path: 'setup', element: <SetupTab /> },
                ],
              },
              { path: 'tracking/visitors/:id', element: <VisitorPage /> },
              // A module the server lists as still to come explains itself here (any other path: 404).
              { path: ':module', element: <ModulePage /> },
              {
                path: 'settings',
                element: <SettingsLayout />,
                children: [
                  { index: true, element: <Navigate to="workspace" replace /> },
                  { path: 'workspace', element: <WorkspaceSettings /> },
                  { path: 'users', element: <UsersSettings /> },
                  { path: 'roles', element: <RolesSettings /> },
                  { path: 'api-keys', element: <ApiKeysSettings /> },
                  { path: 'contact-fields', element: <ContactFieldsSettings /> },
                  { path: 'events', element: <EventDeliverySettings /> },
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
