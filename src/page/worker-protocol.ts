/**
 * The messages between the page and its worker, which holds the workbook and runs the core. Every
 * request carries an id its answers repeat: the result or the failure (name and message: an error
 * crosses as an error), and for a run its progress on the way. The worker also speaks unasked, when the
 * workbook changed or the panel opened a client: then it sends the grid's new picture.
 */
import type { Message } from '../core/messages/message';
import type { ActionName, PanelActions } from '../actions/panel';
import type { Language } from '../core/model';
import type { Progress } from '../workbook/workbook';
import type { RowWindow, SheetPicture } from './grid-picture';

/** The panel's actions that cross as a plain call: JSON in, JSON out (`run` has its own message). */
export type CallMethod = Exclude<keyof PanelActions, 'run'>;

/** A workbook just opened in the worker: its name (null for the sample) and the grid's first picture. */
export interface OpenedBook {
  fileName: string | null;
  picture: SheetPicture;
}

export type WorkerRequest =
  | { id: number; kind: 'sample'; language: Language; clients?: number; orders?: number }
  | { id: number; kind: 'open'; language: Language; name: string; data: ArrayBuffer }
  | { id: number; kind: 'download' }
  | { id: number; kind: 'call'; method: CallMethod; args: unknown[] }
  | { id: number; kind: 'run'; action: ActionName }
  /** Stop the run with id `run` (no answer of its own: the run answers). */
  | { id: number; kind: 'cancel'; run: number }
  /** The grid shows `sheet` (null: the first) from its `first`-th shown row: its picture. */
  | { id: number; kind: 'picture'; sheet: string | null; first: number; count: number }
  /** The grid scrolled: cells of more rows of the picture of `version`. */
  | { id: number; kind: 'window'; sheet: string; version: number; first: number; count: number };

/** What a request's answer value is, by request kind. */
export interface WorkerAnswers {
  sample: OpenedBook;
  open: OpenedBook;
  download: Uint8Array;
  call: unknown;
  run: unknown;
  cancel: void;
  picture: SheetPicture;
  window: RowWindow | null;
}

export interface CrossedError {
  name: string;
  message: string;
  /** A product message (core/messages), so the page says it in its own language. */
  detail?: Message;
}

export type GridEvent =
  /** The workbook changed (a plan applied, or a stopped run put back): the picture of the sheet to show now. */
  | { kind: 'changed'; picture: SheetPicture }
  /** The panel opened a client: the picture around its row. */
  | { kind: 'selected'; picture: SheetPicture; row: number };

export type WorkerMessage =
  | { id: number; kind: 'done'; value: unknown }
  | { id: number; kind: 'failed'; error: CrossedError }
  | { id: number; kind: 'progress'; progress: Progress }
  | { kind: 'event'; event: GridEvent };

/** The side of a channel each end holds: a Worker, the worker's own scope, or a MessagePort (tests). */
export interface Endpoint {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  /** A worker's script that failed to load or threw (a port never fires it); a message that could not be read. */
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
}
