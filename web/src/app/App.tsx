import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { SignInPage } from '../pages/SignInPage';
import { Loading } from '../ui/QueryState';
import { useSessionState } from './AppContext';
import { Layout } from './Layout';
import { OwnWork } from './OwnWork';

const TodayPage = lazy(() => import('../pages/TodayPage'));
const MyTimePage = lazy(() => import('../pages/time/MyTimePage'));
const LeavePage = lazy(() => import('../pages/leave/LeavePage'));
const BalancesPage = lazy(() => import('../pages/BalancesPage'));
const NotificationsPage = lazy(() => import('../pages/NotificationsPage'));
const ProfilePage = lazy(() => import('../pages/ProfilePage'));
const ApprovalsPage = lazy(() => import('../pages/ApprovalsPage'));
const TeamPage = lazy(() => import('../pages/TeamPage'));
const TrainingPage = lazy(() => import('../pages/training/TrainingPage'));
const WhoIsOffPage = lazy(() => import('../pages/manager/WhoIsOffPage'));
const SchedulesPage = lazy(() => import('../pages/manager/SchedulesPage'));
const ManualAttendancePage = lazy(() => import('../pages/manager/ManualAttendancePage'));
const LateArrivalsPage = lazy(() => import('../pages/manager/LateArrivalsPage'));
const InvitePage = lazy(() => import('../pages/InvitePage'));
const ResetPage = lazy(() => import('../pages/ResetPage'));
const DirectoryPage = lazy(() => import('../pages/hr/DirectoryPage'));
const EmployeePage = lazy(() => import('../pages/hr/employee/EmployeePage'));
const OnboardingPage = lazy(() => import('../pages/hr/onboarding/OnboardingPage'));
const AttendancePage = lazy(() => import('../pages/hr/AttendancePage'));
const PoliciesPage = lazy(() => import('../pages/hr/policies/PoliciesPage'));
const CompliancePage = lazy(() => import('../pages/hr/CompliancePage'));
const ImportPage = lazy(() => import('../pages/hr/ImportPage'));
const ClosePage = lazy(() => import('../pages/finance/ClosePage'));
const GradesPage = lazy(() => import('../pages/finance/GradesPage'));
const AccountsPage = lazy(() => import('../pages/finance/AccountsPage'));
const AuditLogPage = lazy(() => import('../pages/audit/AuditLogPage'));
const DeadLettersPage = lazy(() => import('../pages/admin/DeadLettersPage'));
const PartnerClientsPage = lazy(() => import('../pages/admin/PartnerClientsPage'));

const loading = <Loading />;

/** Routes: the sign-in pages for anyone, the rest once signed in. */
export function App() {
  const state = useSessionState();
  return (
    <Suspense fallback={loading}>
      <Routes>
        <Route path="/invite/:token" element={<InvitePage />} />
        <Route path="/reset/:token?" element={<ResetPage />} />
        <Route
          path="*"
          element={
            state.status === 'starting' ? (
              loading
            ) : state.status === 'signed-out' ? (
              <SignInPage />
            ) : (
              <SignedInRoutes />
            )
          }
        />
      </Routes>
    </Suspense>
  );
}

/** A page of one's own work, which an account without an employee record does not have. */
const ownWork = (page: ReactNode, home = false) => <OwnWork home={home}>{page}</OwnWork>;

function SignedInRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={ownWork(<TodayPage />, true)} />
        <Route path="time" element={ownWork(<MyTimePage />)} />
        <Route path="leave" element={ownWork(<LeavePage />)} />
        <Route path="balances" element={ownWork(<BalancesPage />)} />
        <Route path="notifications" element={<NotificationsPage />} />
        <Route path="profile" element={ownWork(<ProfilePage />)} />
        <Route path="approvals" element={<ApprovalsPage />} />
        <Route path="team" element={ownWork(<TeamPage />)} />
        <Route path="training" element={ownWork(<TrainingPage />)} />
        <Route path="team/off" element={<WhoIsOffPage />} />
        <Route path="team/schedules" element={<SchedulesPage />} />
        <Route path="team/attendance" element={<ManualAttendancePage />} />
        <Route path="team/late" element={<LateArrivalsPage />} />
        <Route path="hr" element={<DirectoryPage />} />
        <Route path="hr/employees/:id" element={<EmployeePage />} />
        <Route path="hr/onboard" element={<OnboardingPage />} />
        <Route path="hr/attendance" element={<AttendancePage />} />
        <Route path="hr/policies" element={<PoliciesPage />} />
        <Route path="hr/compliance" element={<CompliancePage />} />
        <Route path="hr/import" element={<ImportPage />} />
        <Route path="finance" element={<ClosePage />} />
        <Route path="finance/grades" element={<GradesPage />} />
        <Route path="finance/accounts" element={<AccountsPage />} />
        <Route path="audit" element={<AuditLogPage />} />
        <Route path="admin/dead-letters" element={<DeadLettersPage />} />
        <Route path="admin/partners" element={<PartnerClientsPage />} />
        <Route path="signin" element={<Navigate to="/" replace />} />
        <Route path="*" element={<p>There is no such page.</p>} />
      </Route>
    </Routes>
  );
}
