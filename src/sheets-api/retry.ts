/**
 * Exponential backoff with full jitter for the Sheets API's "slow down" answers: HTTP 429 (per-minute
 * quota) and 503 (backend busy). Bounded: after `retries` more attempts the last error is thrown.
 */
export interface BackoffOptions {
  retries: number;
  baseMs: number;
  maxMs: number;
  sleep: (ms: number) => Promise<void>;
  /** 0 ≤ x < 1; Math.random by default. */
  random: () => number;
}

export const DEFAULT_BACKOFF: BackoffOptions = {
  retries: 6,
  baseMs: 1000,
  maxMs: 32_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

const RETRIABLE = new Set([429, 503]);

/** The HTTP status of a googleapis (gaxios) error, if it carries one. */
export function httpStatus(error: unknown): number | undefined {
  const e = error as { status?: unknown; code?: unknown; response?: { status?: unknown } };
  const status = e?.response?.status ?? e?.status ?? e?.code;
  return typeof status === 'number' ? status : typeof status === 'string' && /^\d+$/.test(status) ? Number(status) : undefined;
}

export async function withBackoff<T>(attempt: () => Promise<T>, options: BackoffOptions = DEFAULT_BACKOFF): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      const status = httpStatus(error);
      if (n >= options.retries || status === undefined || !RETRIABLE.has(status)) throw error;
      const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** n);
      await options.sleep(Math.floor(options.random() * ceiling));
    }
  }
}
