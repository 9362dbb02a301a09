import type { ReactNode } from 'react';

/** A part of a terminated person's record: shown as history, with nothing left to change. */
export function KeptCard({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <div className="card">
      <h2>{heading}</h2>
      <p>{children}</p>
    </div>
  );
}
