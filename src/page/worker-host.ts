/**
 * The worker's side of the page: it holds the workbook (an .xlsx in memory, the sample or the user's
 * file) and the panel's local actions over it, and answers the page's requests (worker-protocol.ts).
 *
 * The panel's calls, runs, opening and saving go one at a time, in the order asked, as they did on the
 * page's own thread; the grid's pictures and a cancel are answered at once, between the steps of a run
 * (the actions pause between reads, planning and writes: src/actions/pacing.ts). A run is a unit of the
 * workbook (WatchedWorkbook.begin/commit/rollback): stopped or failed, it leaves the workbook as it was.
 */
import { MessageError } from '../core/messages/message';
import { createActions } from '../actions/local';
import type { ActionName, PanelActions } from '../actions/panel';
import type { Matcher } from '../actions/matcher';
import { SharedReadsWorkbook } from '../actions/shared-reads';
import type { Language } from '../core/model';
import { readXlsx } from '../xlsx/package-reader';
import { XlsxWorkbook } from '../xlsx/workbook';
import { GridPainter, type SheetPicture } from './grid-picture';
import { NotXlsxError, SAMPLE_TODAY, sampleWorkbook } from './sources';
import { WatchedWorkbook } from './watched-workbook';
import type { CrossedError, Endpoint, GridEvent, OpenedBook, WorkerMessage, WorkerRequest } from './worker-protocol';

/** Rows of a picture the page did not say how many of it wants. */
const DEFAULT_WINDOW = 80;
/** Rows above an opened client's row in the picture sent with it. */
const ABOVE_SELECTED = 10;

interface Book {
  workbook: WatchedWorkbook;
  /** What the actions read and write through: the sheets read are kept until written (shared-reads.ts). */
  shared: SharedReadsWorkbook;
  actions: PanelActions;
  fileName: string | null;
  painter: GridPainter;
}

/** An .xlsx is a zip archive: it starts with `PK\x03\x04`. */
function looksLikeXlsx(data: Uint8Array): boolean {
  return data.length > 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;
}

function crossed(failure: unknown): CrossedError {
  if (failure instanceof MessageError) return { name: failure.name, message: failure.message, detail: failure.detail };
  if (failure instanceof Error) return { name: failure.name, message: failure.message || failure.name };
  return { name: 'Error', message: typeof failure === 'string' ? failure : JSON.stringify(failure) };
}

/** A small workbook written and read back, so that every part of the reader has run once. */
async function warmUp(): Promise<void> {
  const book = XlsxWorkbook.fromSnapshot({ sheets: [{ name: 'Клиенты', header: ['Клиент', 'Первый контакт'], rows: [['ООО «Ромашка»', new Date(Date.UTC(2026, 0, 1))]] }] });
  await readXlsx(await book.toBuffer());
}

export interface ServeOptions {
  /** Make the reader's code ready once the sample is answered (the page's worker; see `warmUpReader`). */
  warmUpReader?: boolean;
  /** Where duplicates are matched (the page's worker: a helper worker, background-matcher.ts); in place by default. */
  matcher?: Matcher;
}

/** Serves the page over `endpoint` (the worker's own scope; a MessagePort in tests). */
export function serveWorkbook(endpoint: Endpoint, options: ServeOptions = {}): void {
  let book: Book | null = null;
  /** What the grid shows: the changed workbook's picture is of this sheet, from this row. */
  let watched = { sheet: null as string | null, first: 0, count: DEFAULT_WINDOW };
  const runs = new Map<number, AbortController>();
  let queue: Promise<unknown> = Promise.resolve();

  const send = (message: WorkerMessage, transfer: Transferable[] = []) => endpoint.postMessage(message, transfer);
  const emit = (event: GridEvent) => send({ kind: 'event', event });

  const picture = (sheet: string | null, first: number, count = watched.count): SheetPicture => {
    const open = book!;
    watched = { sheet, first, count };
    const shown = open.painter.picture(open.workbook.sheets, open.workbook.version, sheet, first, count);
    watched.sheet = shown.sheet;
    return shown;
  };

  function load(file: XlsxWorkbook, fileName: string | null, language: Language, today?: typeof SAMPLE_TODAY): OpenedBook {
    const workbook = new WatchedWorkbook(file);
    // Only the actions change this workbook (and a rollback, which says so): they share what they read.
    const shared = new SharedReadsWorkbook(workbook);
    const actions = createActions(shared, { today: today === undefined ? undefined : () => today, rollsBack: true, matcher: options.matcher });
    const loaded: Book = { workbook, shared, actions, fileName, painter: new GridPainter(language) };
    book = loaded;
    // The clients sheet is what a user looks at first; found by its usual names, else the first sheet.
    const home = workbook.sheets.find((s) => /^(клиенты|clients)$/i.test(s.name.trim()))?.name ?? null;
    workbook.subscribe((event) => {
      if (book !== loaded) return;
      if (event.kind === 'changed') {
        const result = event.resultSheets[0];
        // A sheet shown that a stopped run had created is gone: back to the sheet shown first.
        const stays = workbook.sheets.some((s) => s.name === watched.sheet);
        emit({ kind: 'changed', picture: result ? picture(result, 0) : stays ? picture(watched.sheet, watched.first) : picture(home, 0) });
      } else {
        const rows = loaded.painter.picture(workbook.sheets, workbook.version, event.sheet, 0, 0).rows;
        const index = rows.indexOf(event.row);
        emit({ kind: 'selected', picture: picture(event.sheet, Math.max(0, index - ABOVE_SELECTED)), row: event.row });
      }
    });
    return { fileName, picture: picture(home, 0) };
  }

  async function run(id: number, action: ActionName): Promise<unknown> {
    const open = book!;
    const controller = new AbortController();
    runs.set(id, controller);
    open.workbook.begin();
    try {
      const result = await open.actions.run(action, (progress) => send({ id, kind: 'progress', progress }), controller.signal);
      open.workbook.commit();
      return result;
    } catch (failure) {
      open.workbook.rollback();
      open.shared.forget();
      throw failure;
    } finally {
      runs.delete(id);
    }
  }

  async function answer(request: WorkerRequest): Promise<{ value: unknown; transfer?: Transferable[] }> {
    switch (request.kind) {
      case 'sample':
        return { value: load(sampleWorkbook(request), null, request.language, SAMPLE_TODAY) };
      case 'open': {
        const bytes = new Uint8Array(request.data);
        if (!looksLikeXlsx(bytes)) throw new NotXlsxError(request.name);
        return { value: load(await readXlsx(bytes), request.name, request.language) };
      }
      case 'download': {
        const data = await book!.workbook.file.toBuffer();
        return { value: data, transfer: [data.buffer] };
      }
      case 'call': {
        const method = book!.actions[request.method] as (...args: unknown[]) => Promise<unknown>;
        return { value: await method(...request.args) };
      }
      case 'run':
        return { value: await run(request.id, request.action) };
      case 'picture':
        return { value: picture(request.sheet, request.first, request.count) };
      case 'window': {
        const open = book!;
        watched = { sheet: request.sheet, first: request.first, count: request.count };
        return { value: open.painter.window(open.workbook.sheets, open.workbook.version, request.sheet, request.first, request.count) };
      }
      case 'cancel':
        runs.get(request.run)?.abort();
        return { value: undefined };
    }
  }

  async function reply(request: WorkerRequest): Promise<void> {
    try {
      const { value, transfer } = await answer(request);
      send({ id: request.id, kind: 'done', value }, transfer);
    } catch (failure) {
      send({ id: request.id, kind: 'failed', error: crossed(failure) });
    }
  }

  /** Requests that only look (the grid) or stop a run are answered at once; the rest wait their turn. */
  const immediate = new Set<WorkerRequest['kind']>(['picture', 'window', 'cancel']);

  /**
   * The reader's code made ready while the page shows the sample: a small workbook written and read back
   * once (warmUp). The first file opened in a session then does not wait for the reader, ExcelJS's bundle
   * above all, to be compiled: about 0.3 s of its first screen. It starts when the sample has been answered
   * and is not queued: it shares nothing with the requests, which go on at each of its pauses.
   */
  let warmed = !options.warmUpReader;
  const warmUpReader = () => {
    if (warmed) return;
    warmed = true;
    void queue.then(() => warmUp().catch(() => undefined));
  };

  /**
   * A workbook just opened is read and analysed for the clients' list before the panel asks for it: the
   * page draws the grid and the file's name first, then asks (0.1 s later for a 20,000-client file, 0.4 s
   * for the sample as the page starts), and the panel's request, queued behind this, finds the analysis
   * made. A workbook the list cannot be made of fails here quietly: the panel's own request says why.
   */
  const prepareFirstList = () => {
    queue = queue.then(() => book?.actions.listClients({}, 0)).catch(() => undefined);
  };

  endpoint.addEventListener('message', (event: MessageEvent) => {
    const request = event.data as WorkerRequest;
    if (immediate.has(request.kind)) {
      void reply(request);
      return;
    }
    queue = queue.then(() => reply(request));
    if (request.kind === 'sample' || request.kind === 'open') prepareFirstList();
    if (request.kind === 'sample') warmUpReader();
  });
}
