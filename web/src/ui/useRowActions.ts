import { useState } from 'react';
import { problemsOf, type Problem } from '../api/problemsOf';

/**
 * The buttons on a list's rows (approve, cancel, delete…): each clears the last refusal, the list
 * is read again once one goes through, and a refusal is shown above the list.
 */
export function useRowActions(onDone: () => void) {
  const [problems, setProblems] = useState<Problem[]>([]);
  const run = (action: Promise<unknown>) => {
    setProblems([]);
    action.then(onDone, (caught: unknown) => setProblems(problemsOf(caught, []).general));
  };
  return { problems, run };
}
