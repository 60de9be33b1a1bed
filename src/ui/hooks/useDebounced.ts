import { useEffect, useState } from 'react';

/** How long the user may pause typing before the panel asks the workbook. */
export const TYPING_PAUSE_MS = 300;

/** The value, once it has stayed unchanged for `delayMs`. */
export function useDebounced<T>(value: T, delayMs: number = TYPING_PAUSE_MS): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
