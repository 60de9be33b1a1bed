import { useCallback, useState } from 'react';
import { usePanel } from '../context';

/**
 * `useState` whose value survives the component being unmounted (only the active tab is mounted),
 * so switching tabs loses neither a half-typed form nor the last analysis.
 */
export function useRemembered<T>(key: string, initial: T | (() => T)): [T, (next: T | ((previous: T) => T)) => void] {
  const { memory } = usePanel();
  const [value, setValue] = useState<T>(() => {
    if (memory.has(key)) return memory.get(key) as T;
    return typeof initial === 'function' ? (initial as () => T)() : initial;
  });
  const remember = useCallback(
    (next: T | ((previous: T) => T)) => {
      setValue((previous) => {
        const resolved = typeof next === 'function' ? (next as (p: T) => T)(previous) : next;
        memory.set(key, resolved);
        return resolved;
      });
    },
    [key, memory],
  );
  return [value, remember];
}
