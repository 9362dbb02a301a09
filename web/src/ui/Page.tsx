import type { ReactNode } from 'react';

export interface PageProps {
  /** Names the heading's id (`<id>-title`), which names the page's section. */
  id: string;
  title: ReactNode;
  /** What stands above the heading, e.g. the way back to a list. */
  before?: ReactNode;
  children?: ReactNode;
}

/** A page: a section named by its level-one heading. */
export function Page({ id, title, before, children }: PageProps) {
  return (
    <section aria-labelledby={`${id}-title`}>
      {before}
      <h1 id={`${id}-title`}>{title}</h1>
      {children}
    </section>
  );
}
