/**
 * Ctrl-C or `kill` while the command writes the workbook over itself (`analyze BOOK.xlsx -o BOOK.xlsx`):
 * the command is stopped by the signal at the moment its temporary file exists, and the workbook is left
 * byte for byte as it was, with no temporary file left beside it. `crm-base` starts itself again with a
 * node flag for big input (bin/crm-base.js); a signal sent to that launcher alone reaches the command too,
 * and the small book here runs in the launcher's own process.
 */
import { spawn, spawnSync } from 'child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const BIN = join(__dirname, '..', '..', 'bin', 'crm-base.js');
/** The flag the command would start itself again with: given here, it runs as one process to signal. */
const NODE_ARGS = ['--max-semi-space-size=64', BIN];

const dir = mkdtempSync(join(tmpdir(), 'crm-interrupt-'));
const book = join(dir, 'book.xlsx');

beforeAll(() => {
  const made = spawnSync(process.execPath, [...NODE_ARGS, 'sample', '-o', book, '--clients', '3000', '--orders', '12000'], { encoding: 'utf8' });
  expect(made.status).toBe(0);
});

const temporaryFiles = () => readdirSync(dir).filter((name) => name.endsWith('.tmp'));

/** Runs `analyze BOOK -o BOOK` and sends `signal` as soon as the temporary file appears. */
function stoppedWhileWriting(signal: NodeJS.Signals, through: 'command' | 'launcher'): Promise<{ code: number | null; signal: NodeJS.Signals | null; sawTemporary: boolean }> {
  const args = [...(through === 'command' ? NODE_ARGS : [BIN]), 'analyze', book, '-o', book];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: 'ignore' });
    let sawTemporary = false;
    const poll = setInterval(() => {
      if (temporaryFiles().length > 0 && !sawTemporary) {
        sawTemporary = true;
        child.kill(signal);
      }
    }, 1);
    child.on('error', reject);
    child.on('exit', (code, stoppedBy) => {
      clearInterval(poll);
      resolve({ code, signal: stoppedBy, sawTemporary });
    });
  });
}

it.each<[NodeJS.Signals, 'command' | 'launcher']>([
  ['SIGINT', 'command'],
  ['SIGTERM', 'command'],
  ['SIGTERM', 'launcher'],
])('%s to the %s while writing over the input leaves the input intact and no temporary file', async (signal, through) => {
  const before = readFileSync(book);
  const run = await stoppedWhileWriting(signal, through);
  expect(run.sawTemporary).toBe(true);
  expect(run.signal).toBe(signal);
  // longer than the rest of the write would take: a command left running would have replaced the book by now
  await new Promise((done) => setTimeout(done, 2500));
  expect(temporaryFiles()).toEqual([]);
  expect(readFileSync(book).equals(before)).toBe(true);
}, 60_000);
