/**
 * Writing a file so that a failed write never destroys what was there: the content goes to a temporary
 * file in the same folder, is synced to disk, and only then renamed over the target (a rename within a
 * folder is atomic). On any failure the temporary file is removed and the target is left as it was —
 * which matters most when the output is the input itself (`crm-base analyze book.xlsx -o book.xlsx`).
 * A command stopped while writing (Ctrl-C, `kill`, a closed terminal) removes its temporary file too.
 */
import { randomBytes } from 'crypto';
import { unlinkSync } from 'fs';
import * as fsPromises from 'fs/promises';
import { basename, dirname, join } from 'path';
import { Writable } from 'stream';

/** The open temporary file: what the writer needs of `fs.promises.FileHandle`. */
export interface TempFileHandle {
  write(buffer: Uint8Array, offset: number, length: number): Promise<{ bytesWritten: number }>;
  chmod(mode: number): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** What the writer needs of `fs/promises`; tests pass one whose writes fail to show nothing is lost. */
export interface AtomicWriteFs {
  open(path: string, flags: 'wx', mode: number): Promise<TempFileHandle>;
  stat(path: string): Promise<{ mode: number }>;
  realpath(path: string): Promise<string>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

/** A write that failed; the target was left as it was. */
export class FileWriteError extends Error {
  constructor(target: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`не удалось записать ${target}: ${reason}; файл оставлен как был / could not write ${target}: ${reason}; the file was left as it was`);
    this.name = 'FileWriteError';
  }
}

/** A name no other run picks, hidden (dot-first) so a file manager does not show a half-written file. */
export function temporaryPath(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Temporary files being written now, removed when the command is stopped by a signal. */
const unfinished = new Set<string>();
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let stopHandled = false;

/**
 * Removes the unfinished temporary files on a stop signal, then stops the process by the same signal
 * (the handler is gone by then, so the default action runs and the exit status still names the signal).
 */
function removeWhenStopped(temp: string): void {
  unfinished.add(temp);
  if (stopHandled) return;
  stopHandled = true;
  for (const signal of STOP_SIGNALS) {
    process.once(signal, () => {
      for (const path of unfinished) {
        try {
          unlinkSync(path);
        } catch {
          // already renamed over the target, or never created
        }
      }
      for (const other of STOP_SIGNALS) process.removeAllListeners(other);
      process.kill(process.pid, signal);
    });
  }
}

/** A stream into the open file; every chunk is written whole (a write may take only part of it). */
function fileStream(handle: TempFileHandle): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      (async () => {
        for (let offset = 0; offset < chunk.length; ) {
          const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset);
          if (bytesWritten <= 0) throw new Error(`nothing was written to the file / ничего не записано в файл`);
          offset += bytesWritten;
        }
      })().then(() => callback(), callback);
    },
  });
}

/** Resolves once the stream has finished, rejects on its first error. */
function settled(stream: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('error', reject);
    stream.once('finish', resolve);
  });
}

/**
 * Writes `target` through `write`, which puts the content into the stream it is given (it may end the
 * stream itself). A symlinked target is written through its link, and an existing target keeps its
 * permissions.
 */
export async function writeFileAtomically(
  target: string,
  write: (out: Writable) => unknown,
  fs: AtomicWriteFs = fsPromises,
): Promise<void> {
  const real = await fs.realpath(target).catch(() => target);
  const existingMode = await fs.stat(real).then(
    (stats) => stats.mode & 0o7777,
    () => null,
  );
  const temp = temporaryPath(real);
  let created = false;
  let open: TempFileHandle | null = null;
  removeWhenStopped(temp);
  try {
    open = await fs.open(temp, 'wx', 0o666);
    created = true;
    const out = fileStream(open);
    const done = settled(out);
    // A failing disk shows as the stream's error, which a writer may never see, or see later: the race
    // rejects with it instead of waiting for a writer that stalls, and the writer's own failure that
    // follows from it is not reported twice.
    const writing = Promise.resolve(write(out)).then(() => (out.writableEnded ? undefined : out.end()));
    writing.catch(() => undefined);
    await Promise.race([done, writing]);
    await done;
    if (existingMode !== null) await open.chmod(existingMode);
    await open.sync();
    const handle = open;
    open = null;
    await handle.close();
    await fs.rename(temp, real);
  } catch (error) {
    await open?.close().catch(() => undefined);
    if (created) await fs.unlink(temp).catch(() => undefined);
    throw new FileWriteError(target, error);
  } finally {
    unfinished.delete(temp);
  }
}

/** Text (a JSON report) written atomically. */
export function writeTextAtomically(target: string, text: string, fs?: AtomicWriteFs): Promise<void> {
  return writeFileAtomically(target, (out) => out.end(text), fs);
}
