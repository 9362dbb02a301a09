import { useState, type ReactNode } from 'react';
import { useUser } from '../../app/AppContext';
import { ManagerPicker, type ManagerChoice } from '../hr/ManagerPicker';

export interface TeamManager {
  /** Whose reports the page shows; null until HR or ADMIN has chosen a manager. */
  managerId: string | null;
  /** The chooser HR and ADMIN see (they have no team of their own); null for a manager. */
  chooser: ReactNode;
}

/**
 * The team a page is about: a manager's own reports; HR and ADMIN first find the manager
 * whose team they mean (their own, when they have reports, is the default).
 */
export function useTeamManager(onChange?: () => void): TeamManager {
  const user = useUser();
  const [choice, setChoice] = useState<ManagerChoice | null>(
    user.employeeId ? { id: user.employeeId, name: user.name } : null,
  );
  if (user.role === 'MANAGER') return { managerId: user.employeeId, chooser: null };
  return {
    managerId: choice?.id ?? null,
    chooser: (
      <ManagerPicker
        heading="Team of"
        value={choice}
        onChange={(next) => {
          setChoice(next);
          onChange?.();
        }}
      />
    ),
  };
}
