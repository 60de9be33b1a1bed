/**
 * Bounded exponential backoff with full jitter for the Sheets API's passing faults:
 * - HTTP 429 (per-minute quota): the request was refused before anything was done;
 * - HTTP 500, 502, 503, 504 and network failures (a reset or timed-out connection, a fetch that failed):
 *   the request may or may not have been carried out, so a caller whose request is not safe to repeat
 *   checks first (`settled`) whether it was.
 * Bounded twice: at most `retries` more attempts, and the waits together never exceed `maxTotalMs`. When
 * either bound is reached, or the error is of another kind, the call fails with a SheetsCallError saying
 * what failed, how many attempts were made and why.
 */
export interface BackoffOptions {
  retries: number;
  baseMs: number;
  /** The longest single wait. */
  maxMs: number;
  /** The longest time spent waiting in all, over one call's retries. */
  maxTotalMs: number;
  sleep: (ms: number) => Promise<void>;
  /** 0 ≤ x < 1; Math.random by default. */
  random: () => number;
}

export const DEFAULT_BACKOFF: BackoffOptions = {
  retries: 6,
  baseMs: 1000,
  maxMs: 32_000,
  maxTotalMs: 90_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/** `throttled`: refused, nothing done; `server`, `network`: possibly done. */
export type Fault = 'throttled' | 'server' | 'network';

const SERVER_STATUSES = new Set([500, 502, 503, 504]);
/** Node's and undici's codes for a connection that failed or broke off, and fetch's timeout. */
const NETWORK_CODES = new Set([
  'ECONNRESET', 'ETIMEDOUT', 'ECONNREFUSED', 'ECONNABORTED', 'EPIPE', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN',
  'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'TimeoutError',
]);

/** The HTTP status of a googleapis (gaxios) error, if it carries one. */
export function httpStatus(error: unknown): number | undefined {
  const e = error as { status?: unknown; code?: unknown; response?: { status?: unknown } };
  const status = e?.response?.status ?? e?.status ?? e?.code;
  return typeof status === 'number' ? status : typeof status === 'string' && /^\d+$/.test(status) ? Number(status) : undefined;
}

/** The error and its causes (gaxios wraps fetch's `TypeError: fetch failed`, which wraps the socket error). */
function causeChain(error: unknown): Array<{ code?: unknown; name?: unknown; message?: unknown; cause?: unknown }> {
  const chain = [];
  for (let e = error as { cause?: unknown } | undefined; e && typeof e === 'object' && chain.length < 5; e = e.cause as typeof e) chain.push(e);
  return chain;
}

/** What kind of passing fault an error is, or null when repeating the request would not help. */
export function transientFault(error: unknown): Fault | null {
  const status = httpStatus(error);
  if (status === 429) return 'throttled';
  if (status !== undefined && SERVER_STATUSES.has(status)) return 'server';
  if (status !== undefined && status >= 400) return null;
  const network = causeChain(error).some(
    (e) => NETWORK_CODES.has(String(e.code)) || NETWORK_CODES.has(String(e.name)) || (e.name === 'TypeError' && e.message === 'fetch failed'),
  );
  return network ? 'network' : null;
}

/** What went wrong, in a few words: the status or the network code, and the message. */
export function faultSummary(error: unknown): string {
  const status = httpStatus(error);
  const codes = causeChain(error).flatMap((e) => (typeof e.code === 'string' && !/^\d+$/.test(e.code) ? [e.code] : []));
  const what = status !== undefined ? `HTTP ${status}` : codes[0] ?? 'error';
  const message = error instanceof Error ? error.message : String(error);
  return message && message !== what ? `${what}: ${message}` : what;
}

/** A Sheets API call that failed for good: which call, after how many attempts, and the last error. */
export class SheetsCallError extends Error {
  constructor(
    readonly call: string,
    readonly attempts: number,
    readonly fault: Fault | null,
    readonly lastError: unknown,
    /** The request may have been carried out: its answer was lost and checking failed too. */
    readonly outcomeUnknown = false,
  ) {
    const tries = attempts > 1 ? `после ${attempts} попыток / after ${attempts} attempts` : 'с первой попытки / at the first attempt';
    super(`Google Sheets: ${call} — не удалось ${tries}: ${faultSummary(lastError)}`);
    this.name = 'SheetsCallError';
  }
}

export interface CallOptions<T> {
  /** What the call does, for the error: `чтение листов / reading the sheets`. */
  call: string;
  /**
   * After a fault that may have left the request carried out (`server`, `network`), asks whether it was;
   * `{ value }` ends the call with that value instead of repeating the request.
   */
  settled?: (fault: Fault) => Promise<{ value: T } | null>;
}

export async function withBackoff<T>(attempt: () => Promise<T>, options: BackoffOptions, call: CallOptions<T>): Promise<T> {
  let waited = 0;
  for (let n = 0; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      const fault = transientFault(error);
      if (fault !== 'throttled' && fault !== null && call.settled) {
        let done: { value: T } | null;
        try {
          done = await call.settled(fault);
        } catch {
          throw new SheetsCallError(call.call, n + 1, fault, error, true);
        }
        if (done) return done.value;
      }
      const wait = Math.floor(options.random() * Math.min(options.maxMs, options.baseMs * 2 ** n));
      if (fault === null || n >= options.retries || waited + wait > options.maxTotalMs) throw new SheetsCallError(call.call, n + 1, fault, error);
      waited += wait;
      await options.sleep(wait);
    }
  }
}
