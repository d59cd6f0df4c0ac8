/** Routes: sign-in and password change outside the layout, every page inside it behind its permission. */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import type { Permission } from '@/lib/auth';
import { POLICY_READ, POLICY_WRITE } from '@/features/policies/permissions';
import { BENEFIT_READ, PAYMENT_READ } from '@/features/benefits/permissions';
import { PublicLayout } from '@/features/public/PublicLayout';
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
const ComparisonsPage = page(() => import('@/features/comparisons/ComparisonsPage'), 'ComparisonsPage');
const AuditPage = page(() => import('@/features/audit/AuditPage'), 'AuditPage');
const UsersPage = page(() => import('@/features/users/UsersPage'), 'UsersPage');
const OrganisationsPage = page(() => import('@/features/organisations/OrganisationsPage'), 'OrganisationsPage');
const GridsPage = page(() => import('@/features/regions/GridsPage'), 'GridsPage');
const PoliciesPage = page(() => import('@/features/policies/PoliciesPage'), 'PoliciesPage');
const PolicyPage = page(() => import('@/features/policies/PolicyPage'), 'PolicyPage');
const VersionEditorPage = page(() => import('@/features/policies/editor/VersionEditorPage'), 'VersionEditorPage');
const SimulationPage = page(() => import('@/features/policies/simulation/SimulationPage'), 'SimulationPage');
const RunPage = page(() => import('@/features/policies/runs/RunPage'), 'RunPage');
const NotificationsPage = page(() => import('@/features/notifications/NotificationsPage'), 'NotificationsPage');
const InboxPage = page(() => import('@/features/benefits/InboxPage'), 'InboxPage');
const EnrollmentsPage = page(() => import('@/features/benefits/EnrollmentsPage'), 'EnrollmentsPage');
const PaymentsPage = page(() => import('@/features/payments/PaymentsPage'), 'PaymentsPage');
const PaymentRunPage = page(() => import('@/features/payments/RunPage'), 'RunPage');
const FundingPage = page(() => import('@/features/payments/FundingPage'), 'FundingPage');
const LedgerPage = page(() => import('@/features/payments/LedgerPage'), 'LedgerPage');
const CalendarPage = page(() => import('@/features/calendar/CalendarPage'), 'CalendarPage');
const MeetingsPage = page(() => import('@/features/meetings/MeetingsPage'), 'MeetingsPage');
const MeetingPage = page(() => import('@/features/meetings/MeetingPage'), 'MeetingPage');
const MeasuresPage = page(() => import('@/features/plans/MeasuresPage'), 'MeasuresPage');
const MeasureInboxPage = page(() => import('@/features/plans/InboxPage'), 'InboxPage');
const InboxMeasurePage = page(() => import('@/features/plans/InboxMeasurePage'), 'InboxMeasurePage');
const VisitsPage = page(() => import('@/features/visits/VisitsPage'), 'VisitsPage');
const VisitFormPage = page(() => import('@/features/visits/VisitFormPage'), 'VisitFormPage');
const CampaignsPage = page(() => import('@/features/campaigns/CampaignsPage'), 'CampaignsPage');
const NewCampaignPage = page(() => import('@/features/campaigns/NewCampaignPage'), 'NewCampaignPage');
const CampaignPage = page(() => import('@/features/campaigns/CampaignPage'), 'CampaignPage');
const CensusTasksPage = page(() => import('@/features/campaigns/CensusTasksPage'), 'CensusTasksPage');
const AppealsPage = page(() => import('@/features/appeals/AppealsPage'), 'AppealsPage');
const AppealIntakePage = page(() => import('@/features/appeals/IntakePage'), 'IntakePage');
const AppealInboxPage = page(() => import('@/features/appeals/UnitInboxPage'), 'UnitInboxPage');
const AppealReturnsPage = page(() => import('@/features/appeals/ReturnsPage'), 'ReturnsPage');
const AppealPage = page(() => import('@/features/appeals/AppealPage'), 'AppealPage');
const AppealDashboardPage = page(() => import('@/features/appeal-dashboard/AppealDashboardPage'), 'AppealDashboardPage');
const DispatchRulesPage = page(() => import('@/features/appeals/DispatchRulesPage'), 'DispatchRulesPage');
const Open311ClientsPage = page(() => import('@/features/open311/Open311ClientsPage'), 'Open311ClientsPage');

const AppealFormPage = page(() => import('@/features/public/AppealFormPage'), 'AppealFormPage');
const AppealStatusPage = page(() => import('@/features/public/AppealStatusPage'), 'AppealStatusPage');
const DigestPage = page(() => import('@/features/public/DigestPage'), 'DigestPage');

const guarded = (permission: Permission, Page: ComponentType) => (
  <RequirePermission permission={permission}>
    <Page />
  </RequirePermission>
);

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  // The citizen's pages: no sign-in.
  {
    element: <PublicLayout />,
    children: [
      { path: '/appeal', element: <AppealFormPage /> },
      { path: '/appeal/status', element: <AppealStatusPage /> },
      { path: '/digest', element: <DigestPage /> },
    ],
  },
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
      { path: 'comparisons', element: guarded('comparison:run', ComparisonsPage) },
      { path: 'comparisons/:id', element: guarded('comparison:run', ComparisonsPage) },
      { path: 'audit', element: guarded('audit:read', AuditPage) },
      { path: 'policies', element: guarded(POLICY_READ, PoliciesPage) },
      { path: 'policies/new', element: guarded(POLICY_WRITE, VersionEditorPage) },
      { path: 'policies/:code', element: guarded(POLICY_READ, PolicyPage) },
      { path: 'policies/:code/edit', element: guarded(POLICY_WRITE, VersionEditorPage) },
      { path: 'policies/:code/simulations/:runId', element: guarded(POLICY_READ, SimulationPage) },
      { path: 'policy-runs', element: guarded(POLICY_READ, RunPage) },
      { path: 'policy-runs/:id', element: guarded(POLICY_READ, RunPage) },
      // The inbox itself asks for benefit:review or benefit:approve.
      { path: 'benefits/inbox', element: guarded(BENEFIT_READ, InboxPage) },
      { path: 'measures', element: guarded('plan:read', MeasuresPage) },
      { path: 'meetings', element: guarded('plan:read', MeetingsPage) },
      { path: 'meetings/:id', element: guarded('plan:read', MeetingPage) },
      { path: 'inbox', element: guarded('measure:handle', MeasureInboxPage) },
      { path: 'inbox/measures/:id', element: guarded('measure:handle', InboxMeasurePage) },
      { path: 'enrollments', element: guarded(BENEFIT_READ, EnrollmentsPage) },
      { path: 'payments', element: guarded(PAYMENT_READ, PaymentsPage) },
      { path: 'payments/:id', element: guarded(PAYMENT_READ, PaymentRunPage) },
      { path: 'funding', element: guarded(PAYMENT_READ, FundingPage) },
      { path: 'ledger', element: guarded(PAYMENT_READ, LedgerPage) },
      { path: 'visits', element: guarded('visit:write', VisitsPage) },
      { path: 'visits/new', element: guarded('visit:write', VisitFormPage) },
      { path: 'census-tasks', element: guarded('visit:write', CensusTasksPage) },
      { path: 'campaigns', element: guarded('plan:read', CampaignsPage) },
      { path: 'campaigns/new', element: guarded('plan:write', NewCampaignPage) },
      { path: 'campaigns/:id', element: guarded('plan:read', CampaignPage) },
      { path: 'appeals', element: guarded('appeal:read', AppealsPage) },
      { path: 'appeals/new', element: guarded('appeal:intake', AppealIntakePage) },
      { path: 'appeals/inbox', element: guarded('appeal:handle', AppealInboxPage) },
      { path: 'appeals/returns', element: guarded('appeal:dispatch', AppealReturnsPage) },
      { path: 'appeals/dashboard', element: guarded('appeal:read', AppealDashboardPage) },
      { path: 'appeals/:id', element: guarded('appeal:read', AppealPage) },
      { path: 'admin/dispatch-rules', element: guarded('appeal:dispatch', DispatchRulesPage) },
      // Under /admin, not /open311: the server never serves the web app under /open311/ (the Open311 API's own paths).
      { path: 'admin/open311-clients', element: guarded('admin:orgs', Open311ClientsPage) },
      { path: 'notifications', element: <NotificationsPage /> },
      { path: 'admin/users', element: guarded('admin:users', UsersPage) },
      { path: 'admin/organisations', element: guarded('admin:orgs', OrganisationsPage) },
      { path: 'admin/grids', element: guarded('admin:orgs', GridsPage) },
      { path: 'admin/calendar', element: guarded('admin:orgs', CalendarPage) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
