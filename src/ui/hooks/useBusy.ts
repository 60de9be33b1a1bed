import { useCallback, useEffect, useRef, useState } from 'react';
import { decodeMessage, MessageError, render, type Message } from '../../core/messages/message';
import type { Language } from '../../core/model';

/** What the panel shows of a failure: the product's message (rendered in the panel's language) or a text as it came. */
export type Shown = string | Message;

export interface Busy {
  busy: boolean;
  /** The last failure, shown to the user until dismissed or the next attempt. */
  error: Shown | null;
  clearError(): void;
  /**
   * Run one user action: busy while it runs, its error kept for display (never swallowed).
   * Resolves to the action's value, or undefined when it failed.
   */
  attempt<T>(work: () => Promise<T>): Promise<T | undefined>;
  /** Report a failure found by the panel itself (e.g. a form that cannot be sent). */
  fail(message: Shown): void;
}

export function errorMessage(error: unknown): Shown {
  if (error instanceof MessageError) return error.detail;
  // a message that crossed google.script.run, which keeps only the error's text
  if (error instanceof Error) return decodeMessage(error.message) ?? (error.message || error.name);
  if (typeof error === 'string') return error;
  return JSON.stringify(error);
}

/** A failure as text in `language`. */
export function errorText(error: unknown, language: Language): string {
  const shown = errorMessage(error);
  return typeof shown === 'string' ? shown : render(shown, language);
}

export function useBusy(): Busy {
  const [running, setRunning] = useState(0);
  const [error, setError] = useState<Shown | null>(null);
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
