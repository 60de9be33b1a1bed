/**
 * Progress of a long action, for the sidebar to poll: the running execution writes the latest step to
 * CacheService under a token the sidebar chose; a second execution (the poll) reads it. Writes are
 * throttled, since each is a service call.
 */
import type { Progress, ProgressListener } from '../../../src/workbook/workbook';

const PREFIX = 'progress:';
const TTL_SECONDS = 600;
const MIN_INTERVAL_MS = 1000;

type Cache = Pick<GoogleAppsScript.Cache.Cache, 'put' | 'get'>;

export function progressKey(token: string): string {
  return PREFIX + token;
}

export function cacheProgress(cache: Cache, token: string, now: () => number = Date.now): ProgressListener {
  let last = 0;
  return (progress: Progress) => {
    const t = now();
    if (t - last < MIN_INTERVAL_MS && progress.done !== progress.total) return;
    last = t;
    cache.put(progressKey(token), JSON.stringify(progress), TTL_SECONDS);
  };
}

export function readProgress(cache: Cache, token: string): Progress | null {
  const text = cache.get(progressKey(token));
  return text ? (JSON.parse(text) as Progress) : null;
}
