/**
 * Writes that fail part-way — a full disk, a sync or a rename refused — must leave the file that was
 * there untouched and no temporary file behind. The failures are injected through the writer's
 * fs dependency, so they strike at a chosen byte of a real .xlsx stream.
 */
import * as fsPromises from 'fs/promises';
import { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { FileWriteError, writeFileAtomically, writeTextAtomically, type AtomicWriteFs, type TempFileHandle } from '../../src/cli/atomic-write';
import { xlsxFromFile, xlsxToStream } from '../../src/xlsx/node';
import { XlsxWorkbook } from '../../src/xlsx/workbook';
import { generateSampleWorkbook } from '../../src/sample';

const dir = mkdtempSync(join(tmpdir(), 'crm-faults-'));
const workbook = XlsxWorkbook.fromSnapshot(generateSampleWorkbook({ clients: 300, orders: 1500 }));

function diskFull(): NodeJS.ErrnoException {
  return Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
}

type Fault = 'write' | 'sync' | 'rename';

/** The real fs, except that the chosen step fails: writes after `budget` bytes, or the sync, or the rename. */
function faultyFs(fault: Fault, budget = Infinity): AtomicWriteFs & { written(): number } {
  let written = 0;
  return {
    written: () => written,
    stat: fsPromises.stat,
    realpath: fsPromises.realpath,
    unlink: fsPromises.unlink,
    rename: async (from, to) => {
      if (fault === 'rename') throw Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' });
      await fsPromises.rename(from, to);
    },
    open: async (path, flags, mode) => {
      const real = await fsPromises.open(path, flags, mode);
      const handle: TempFileHandle = {
        chmod: (m) => real.chmod(m),
        close: () => real.close(),
        sync: async () => {
          if (fault === 'sync') throw Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' });
          await real.sync();
        },
        write: async (buffer, offset, length) => {
          // Like a disk that fills up: what fits is written, then the write fails.
          const room = Math.min(length, budget - written);
          if (room <= 0) throw diskFull();
          const result = await real.write(buffer, offset, room);
          written += result.bytesWritten;
          return { bytesWritten: result.bytesWritten };
        },
      };
      return handle;
    },
  };
}

function freshTarget(name: string): { path: string; before: Buffer } {
  const path = join(dir, name);
  writeFileSync(path, `the user's file ${name}\n`);
  return { path, before: readFileSync(path) };
}

const leftovers = () => readdirSync(dir).filter((name) => name.endsWith('.tmp'));

describe('a write that fails', () => {
  it.each([
    ['after the first 10 KB of the .xlsx', 'write' as Fault, 10_000],
    ['at its first byte', 'write' as Fault, 0],
    ['at the sync to disk', 'sync' as Fault, Infinity],
    ['at the rename over the target', 'rename' as Fault, Infinity],
  ])('%s leaves the target as it was and no temporary file', async (_label, fault, budget) => {
    const { path, before } = freshTarget(`book-${fault}-${budget}.xlsx`);
    const fs = faultyFs(fault, budget);
    await expect(writeFileAtomically(path, (out) => xlsxToStream(workbook, out), fs)).rejects.toThrow(FileWriteError);
    if (fault === 'write') expect(fs.written()).toBe(budget);
    expect(readFileSync(path)).toEqual(before);
    expect(leftovers()).toEqual([]);
  });

  it('names the file and the cause, and says the file was left as it was', async () => {
    const { path } = freshTarget('named.json');
    const error = await writeTextAtomically(path, '{"a": 1}\n'.repeat(1000), faultyFs('write', 100)).catch((e: Error) => e);
    expect((error as Error).message).toContain(path);
    expect((error as Error).message).toMatch(/ENOSPC.*оставлен как был.*left as it was/);
    expect(leftovers()).toEqual([]);
  });

  it('does not create the target when it did not exist', async () => {
    const path = join(dir, 'never-there.xlsx');
    await expect(writeFileAtomically(path, (out) => xlsxToStream(workbook, out), faultyFs('write', 5000))).rejects.toThrow(FileWriteError);
    expect(readdirSync(dir)).not.toContain('never-there.xlsx');
    expect(leftovers()).toEqual([]);
  });
});

describe('a write that succeeds', () => {
  it('replaces the target with a complete workbook, keeping its permissions', async () => {
    const { path } = freshTarget('replaced.xlsx');
    chmodSync(path, 0o640);
    await writeFileAtomically(path, (out) => xlsxToStream(workbook, out));
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(await (await xlsxFromFile(path)).sheetNames()).toEqual(await workbook.sheetNames());
    expect(leftovers()).toEqual([]);
  });

  it('writes a symlinked target through its link', async () => {
    const { path } = freshTarget('linked-real.json');
    const link = join(dir, 'link.json');
    symlinkSync(path, link);
    await writeTextAtomically(link, '{"ok": true}\n');
    expect(readFileSync(path, 'utf8')).toBe('{"ok": true}\n');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(leftovers()).toEqual([]);
  });
});
