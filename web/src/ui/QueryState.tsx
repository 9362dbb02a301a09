import { problemsOf } from '../api/problemsOf';
import { ProblemList } from './Field';

/** Why a read failed, above what it would have shown; nothing when it did not. */
export function QueryError({ error }: { error: unknown }) {
  if (!error) return null;
  return <ProblemList problems={problemsOf(error).general} />;
}

/** Said while a page's data is on its way. */
export function Loading() {
  return <p className="loading">Loading…</p>;
}
