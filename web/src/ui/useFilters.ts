import { useState } from 'react';
import { usePages } from './usePages';

/** The filters of a paged list, each typed in a field; changing one goes back to the first page. */
export function useFilters<F extends Record<string, string>>(initial: F) {
  const pages = usePages();
  const [filters, setFilters] = useState<F>(initial);
  const set = (key: keyof F) => (value: string) => {
    setFilters((current) => ({ ...current, [key]: value }));
    pages.reset();
  };
  /** A filter's field: its value and setter, named as the list's refusals name it. */
  const bind = (key: keyof F & string) => ({ name: key, value: filters[key], onChange: set(key) });
  return { filters, set, bind, pages };
}
