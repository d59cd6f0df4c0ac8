/** Routes: sign-in and password change outside the layout, every page inside it behind its permission. */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import type { Permission } from '@/lib/auth';
import { AppLayout } from './AppLayout';
import { ChangePasswordPage } from './ChangePasswordPage';
import { NotFoundPage } from './NotFoundPage';
import { RequirePermission, RequireSignedIn } from './guards';
import { SignInPage } from './SignInPage';

/** A page loaded on first visit, so the first screen does not wait for every feature. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): LazyExoticComponent<ComponentType> {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

const HomePage = page(() => import('@/features/dashboard/HomePage'), 'HomePage');
const HouseholdsPage = page(() => import('@/features/registry/HouseholdsPage'), 'HouseholdsPage');
const NewHouseholdPage = page(() => import('@/features/registry/NewHouseholdPage'), 'NewHouseholdPage');
const HouseholdPage = page(() => import('@/features/registry/household/HouseholdPage'), 'HouseholdPage');
const PersonsPage = page(() => import('@/features/registry/PersonsPage'), 'PersonsPage');
const ImportPage = page(() => import('@/features/imports/ImportPage'), 'ImportPage');
const AuditPage = page(() => import('@/features/audit/AuditPage'), 'AuditPage');
const UsersPage = page(() => import('@/features/users/UsersPage'), 'UsersPage');
const OrganisationsPage = page(() => import('@/features/organisations/OrganisationsPage'), 'OrganisationsPage');
const GridsPage = page(() => import('@/features/regions/GridsPage'), 'GridsPage');

const guarded = (permission: Permission, Page: ComponentType) => (
  <RequirePermission permission={permission}>
    <Page />
  </RequirePermission>
);

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  {
    path: '/change-password',
    element: (
      <RequireSignedIn allowPasswordChangePending>
        <ChangePasswordPage />
      </RequireSignedIn>
    ),
  },
  {
    element: (
      <RequireSignedIn>
        <AppLayout />
      </RequireSignedIn>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: 'households', element: guarded('registry:read', HouseholdsPage) },
      { path: 'households/new', element: guarded('registry:write', NewHouseholdPage) },
      { path: 'households/:id', element: guarded('registry:read', HouseholdPage) },
      { path: 'persons', element: guarded('registry:read', PersonsPage) },
      { path: 'imports', element: guarded('registry:import', ImportPage) },
      { path: 'audit', element: guarded('audit:read', AuditPage) },
      { path: 'admin/users', element: guarded('admin:users', UsersPage) },
      { path: 'admin/organisations', element: guarded('admin:orgs', OrganisationsPage) },
      { path: 'admin/grids', element: guarded('admin:orgs', GridsPage) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
