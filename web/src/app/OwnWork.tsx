import type { ReactNode } from 'react';
import { Link, Navigate } from 'react-router';
import { useUser } from './AppContext';
import { navigationFor } from './Layout';

/**
 * A page of one's own work (time, leave, balances…), shown only to an account with an
 * employee record. An account without one (a first ADMIN, an auditor) is sent from the home
 * page to its first page, and told elsewhere why there is nothing here, rather than the app
 * failing.
 */
export function OwnWork({ children, home = false }: { children: ReactNode; home?: boolean }) {
  const user = useUser();
  if (user.employeeId) return children;
  const first = navigationFor(user)[0];
  if (home && first) return <Navigate to={first.to} replace />;
  return (
    <section>
      <h1>Not an employee</h1>
      <p>
        This account has no employee record, so it has no time, leave or balances of its own.
        {first && (
          <>
            {' '}
            Go to <Link to={first.to}>{first.label}</Link>.
          </>
        )}
      </p>
    </section>
  );
}
