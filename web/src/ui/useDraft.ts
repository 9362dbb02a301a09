import { useState } from 'react';

/**
 * A form's fields held as text while they are typed: `bind(key)` gives a field its value, its
 * setter and its name in the server's refusals (the key, unless another is given).
 */
export function useDraft<D extends { [K in keyof D]: string }>(initial: D | (() => D)) {
  const [draft, setDraft] = useState<D>(initial);
  const set = (key: keyof D) => (value: string) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const bind = (key: keyof D & string, name: string = key) => ({
    name,
    value: draft[key],
    onChange: set(key),
  });
  return { draft, setDraft, set, bind };
}
