import type { ReactNode } from 'react';

/** A cell's text with a smaller line under it (an e-mail, an id, a reason); none when empty. */
export function WithNote({ note, children }: { note: ReactNode; children: ReactNode }) {
  return (
    <>
      {children}
      {note && (
        <>
          <br />
          <small>{note}</small>
        </>
      )}
    </>
  );
}
