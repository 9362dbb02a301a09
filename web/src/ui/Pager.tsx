export interface PagerProps {
  /** Whether there is a page after this one. */
  hasNext: boolean;
  /** Whether there is one before (the caller keeps the cursors it came through). */
  hasPrevious: boolean;
  onNext(): void;
  onPrevious(): void;
  totalCount?: number;
}

/** Previous and next over a cursor-paged list. */
export function Pager({ hasNext, hasPrevious, onNext, onPrevious, totalCount }: PagerProps) {
  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" onClick={onPrevious} disabled={!hasPrevious}>
        Previous
      </button>
      {totalCount !== undefined && <span>{totalCount} in all</span>}
      <button type="button" onClick={onNext} disabled={!hasNext}>
        Next
      </button>
    </nav>
  );
}
