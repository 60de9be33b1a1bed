import { useCallback, useEffect, useRef, useState } from 'react';

export interface Busy {
  busy: boolean;
  /** The last failure, shown to the user until dismissed or the next attempt. */
  error: string | null;
  clearError(): void;
  /**
   * Run one user action: busy while it runs, its error kept for display (never swallowed).
   * Resolves to the action's value, or undefined when it failed.
   */
  attempt<T>(work: () => Promise<T>): Promise<T | undefined>;
  /** Report a failure found by the panel itself (e.g. a form that cannot be sent). */
  fail(message: string): void;
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  return JSON.stringify(error);
}

export function useBusy(): Busy {
  const [running, setRunning] = useState(0);
  const [error, setError] = useState<string | null>(null);
  // A late answer must not update a panel that is gone (the user switched tabs).
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const attempt = useCallback(async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
    setError(null);
    setRunning((n) => n + 1);
    try {
      return await work();
    } catch (failure) {
      if (mounted.current) setError(errorMessage(failure));
      return undefined;
    } finally {
      if (mounted.current) setRunning((n) => n - 1);
    }
  }, []);

  const clearError = useCallback(() => setError(null), []);
  return { busy: running > 0, error, clearError, attempt, fail: setError };
}
