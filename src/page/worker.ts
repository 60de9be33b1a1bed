/**
 * The page's worker (built as worker.js beside page.js): the workbook and the core run here, so the
 * page keeps drawing and answering clicks however long an action takes. Duplicates are matched by a
 * helper worker of its own (match-worker.js) on another core, where the browser lets a worker start one.
 */
import type { Endpoint } from './worker-protocol';
import { BackgroundMatcher } from './background-matcher';
import { serveWorkbook } from './worker-host';

function matchingHelper(): Endpoint | null {
  if (typeof Worker !== 'function') return null;
  try {
    return new Worker(new URL('match-worker.js', self.location.href)) as unknown as Endpoint;
  } catch {
    return null;
  }
}

serveWorkbook(self as unknown as Endpoint, { warmUpReader: true, matcher: new BackgroundMatcher(matchingHelper()) });
