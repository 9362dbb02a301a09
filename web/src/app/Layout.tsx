import { useQuery, useSubscription } from '@apollo/client/react';
import { Suspense, useEffect, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useReconnected } from '../api/useReconnected';
import type { Role } from '../auth/authApi';
import { NotificationReceivedDocument, UnreadCountDocument } from '../gql/graphql';
import { SessionExpiredDialog } from '../pages/SessionExpiredDialog';
import { Loading } from '../ui/QueryState';
import { useServices, useSessionState, useSocketState, useUser } from './AppContext';

interface NavItem {
  to: string;
  label: string;
  /** Who sees it; everyone with an employee record when absent. */
  roles?: Role[];
  /** Open to an account without an employee record too (its own notifications). */
  anyAccount?: boolean;
}

const NAV: NavItem[] = [
  { to: '/', label: 'Today' },
  { to: '/time', label: 'My time' },
  { to: '/leave', label: 'Leave' },
  { to: '/balances', label: 'Balances' },
  { to: '/training', label: 'Training' },
  { to: '/notifications', label: 'Notifications', anyAccount: true },
  { to: '/profile', label: 'My profile' },
  { to: '/approvals', label: 'Approvals', roles: ['MANAGER', 'HR', 'ADMIN'] },
  { to: '/team', label: 'Team', roles: ['MANAGER'] },
  { to: '/team/off', label: 'Who is off', roles: ['MANAGER', 'HR', 'ADMIN'] },
  { to: '/team/schedules', label: 'Schedules', roles: ['MANAGER', 'HR', 'ADMIN'] },
  { to: '/team/attendance', label: 'Manual attendance', roles: ['MANAGER', 'HR', 'ADMIN'] },
  { to: '/team/late', label: 'Late arrivals', roles: ['MANAGER', 'HR', 'ADMIN'] },
  { to: '/hr', label: 'Directory', roles: ['HR', 'ADMIN'] },
  { to: '/hr/attendance', label: 'Attendance', roles: ['HR', 'ADMIN'] },
  { to: '/hr/policies', label: 'Policies', roles: ['HR', 'ADMIN'] },
  { to: '/hr/compliance', label: 'Compliance', roles: ['HR', 'ADMIN', 'AUDITOR'] },
  { to: '/hr/import', label: 'TAMS import', roles: ['HR', 'ADMIN'] },
  { to: '/finance', label: 'Close', roles: ['FINANCE', 'ADMIN'] },
  { to: '/finance/grades', label: 'Grades', roles: ['FINANCE', 'HR', 'ADMIN'] },
  { to: '/finance/accounts', label: 'Accounts', roles: ['FINANCE', 'ADMIN'] },
  { to: '/audit', label: 'Audit log', roles: ['AUDITOR', 'ADMIN'] },
  { to: '/admin/dead-letters', label: 'Dead letters', roles: ['ADMIN'] },
  { to: '/admin/partners', label: 'Partner clients', roles: ['ADMIN'] },
];

/** The pages `user` may open, in the navigation's order. */
export function navigationFor(user: { role: Role; employeeId: string | null }): NavItem[] {
  return NAV.filter((item) =>
    item.roles ? item.roles.includes(user.role) : user.employeeId !== null || item.anyAccount,
  );
}

/**
 * Whether `to` is marked current only on its own path: so when another page of the
 * navigation lives under it (the directory at /hr beside /hr/attendance), else both would be.
 */
const markedOnlyOwnPath = (to: string) =>
  NAV.some((other) => other.to !== to && other.to.startsWith(to === '/' ? '/' : `${to}/`));

/** The signed-in frame: navigation by role, the live banner, the expired-session dialog. */
export function Layout() {
  const user = useUser();
  const state = useSessionState();
  const items = navigationFor(user);
  const [menuOpen, setMenuOpen] = useState(false);
  // A page chosen from the menu closes it, so the phone shows the page rather than the list.
  const { pathname } = useLocation();
  useEffect(() => setMenuOpen(false), [pathname]);
  return (
    <>
      <div className="shell" inert={state.status === 'expired' ? true : undefined}>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        <header>
          <strong className="brand">HR</strong>
          {/* Shown on narrow screens only (app.css), where the links would fill the screen. */}
          <button
            type="button"
            className="menu-button secondary"
            aria-expanded={menuOpen}
            aria-controls="main-nav"
            onClick={() => setMenuOpen((open) => !open)}
          >
            Menu
          </button>
          <nav id="main-nav" aria-label="Main" className={menuOpen ? 'open' : undefined}>
            {items.map((item) => (
              <NavLink key={item.to} to={item.to} end={markedOnlyOwnPath(item.to)}>
                {item.label}
                {item.to === '/notifications' && <UnreadBadge />}
              </NavLink>
            ))}
          </nav>
          <SignOut name={user.name} />
        </header>
        <LiveBanner />
        {/* The skip link's target: focusable from script only, so it is not a tab stop. */}
        <main id="main" tabIndex={-1}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
      {/* Over the page, which keeps its forms as they were typed. */}
      {state.status === 'expired' && <SessionExpiredDialog email={state.previous.user.email} />}
    </>
  );
}

function SignOut({ name }: { name: string }) {
  const { session } = useServices();
  return (
    <div className="who">
      <span>{name}</span>
      <button type="button" onClick={() => void session.signOut()}>
        Sign out
      </button>
    </div>
  );
}

/** The unread count, kept live by the notification subscription. */
function UnreadBadge() {
  const { data, refetch } = useQuery(UnreadCountDocument);
  useSubscription(NotificationReceivedDocument, { onData: () => void refetch() });
  useReconnected(() => void refetch());
  const count = data?.unreadNotificationCount ?? 0;
  if (!count) return null;
  return (
    <span className="badge" aria-label={`${count} unread`}>
      {count}
    </span>
  );
}

/** Says when live updates have stopped because the socket dropped (it reconnects itself). */
function LiveBanner() {
  const socket = useSocketState();
  if (socket !== 'down') return null;
  return (
    <div className="banner" role="status">
      Live updates are paused: reconnecting… What you see may be out of date.
    </div>
  );
}
