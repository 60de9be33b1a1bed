/**
 * The page's helper worker (built as match-worker.js beside worker.js, started by the page's worker):
 * it matches duplicates on a core of its own (background-matcher.ts).
 */
import type { Endpoint } from './worker-protocol';
import { serveMatching } from './background-matcher';

serveMatching(self as unknown as Endpoint);
