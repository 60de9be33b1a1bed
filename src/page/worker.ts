/**
 * The page's worker (built as worker.js beside page.js): the workbook and the core run here, so the
 * page keeps drawing and answering clicks however long an action takes.
 */
import type { Endpoint } from './worker-protocol';
import { serveWorkbook } from './worker-host';

serveWorkbook(self as unknown as Endpoint, { warmUpReader: true });
