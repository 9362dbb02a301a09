import type { ReactNode } from 'react';
import { QueryError } from './QueryState';

export interface PageProps {
  /** Names the heading's id (`<id>-title`), which names the page's section. */
  id: string;
  title: ReactNode;
  /** What stands above the heading, e.g. the way back to a list. */
  before?: ReactNode;
  /** Why the page's read failed, shown under the heading. */
  error?: unknown;
  children?: ReactNode;
}

/** A page: a section named by its level-one heading. */
export function Page({ id, title, before, error, children }: PageProps) {
  return (
    <section aria-labelledby={`${id}-title`}>
      {before}
      <h1 id={`${id}-title`}>{title}</h1>
      <QueryError error={error} />
      {children}
    </section>
  );
}
