#!/usr/bin/env node
// The command is compiled by `npm run build:cli`, which `npm ci` runs through the prepare script.
'use strict';
const path = require('path');
const fs = require('fs');

/**
 * V8's heap as a big import needs it. V8 sizes its heap at start-up, so `v8.setFlagsFromString` is too
 * late: for big input (`needsNodeFlags`) the command starts itself again, once, with these flags, unless
 * node was started with a semi-space size (then the caller chose).
 * - 32 MB semi-spaces: a million parsed rows are copied by fewer scavenges before they settle than with
 *   the default young generation (the CSV import of 1,000,000 lines ran 0.4 s faster of 3.5 s).
 * - Heap growth of 20 % between full collections, not V8's own factor of up to 4: the old generation
 *   then stays near what is alive. `analyze --orders` of 1,000,000 lines (100,000 clients, --json)
 *   peaked at 1,330 MiB, against 1,395 MiB with 30 %, 1,279 MiB with 15 % and 1,700 to 2,000 MiB with V8's
 *   own growth; each step down costs CPU (20 % against 30 %: 6 % more wall time, 9 % more CPU). Whole-
 *   process medians of 3 runs.
 */
const NODE_FLAGS = ['--max-semi-space-size=32', '--heap-growing-percent=20'];
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Runs the command again with the flags and ends as it ends. A stop signal sent to this process alone
 * (`kill`, `timeout`, a scheduler) is passed on, so the command stops where it is and removes its
 * temporary files; Ctrl-C reaches both through the terminal.
 */
function runWithNodeFlags() {
  const { spawn } = require('child_process');
  const child = spawn(process.execPath, [...process.execArgv, ...NODE_FLAGS, __filename, ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const signal of STOP_SIGNALS) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    process.stderr.write(`crm-base: could not start: ${error.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    if (signal) {
      for (const name of STOP_SIGNALS) process.removeAllListeners(name);
      process.kill(process.pid, signal);
    }
    process.exit(code ?? 1);
  });
}

function run() {
  const entry = path.join(__dirname, '..', 'build', 'cli', 'main.js');
  if (!fs.existsSync(entry)) {
    process.stderr.write('crm-base is not built yet: run `npm run build:cli` (npm install does it for you).\n');
    process.exit(2);
  }
  require(entry).main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`crm-base: ${err && err.stack ? err.stack : err}\n`);
      process.exit(1);
    },
  );
}

/**
 * Input of this many bytes or more (the files named on the command line, together) is worth the flags.
 * Below it the second node process costs more than the flags save: starting it takes 0.15–0.25 s, and
 * `--help`, a usage error or the sample workbook (1 MB) run the same with V8's own heap.
 */
const BIG_INPUT_BYTES = 8 * 1024 * 1024;

function needsNodeFlags(args) {
  if (process.execArgv.some((arg) => arg.startsWith('--max-semi-space-size'))) return false;
  if (args[0] === 'bench') return true;
  let bytes = 0;
  for (const arg of args.slice(1)) {
    try {
      const stat = fs.statSync(arg, { throwIfNoEntry: false });
      if (stat && stat.isFile()) bytes += stat.size;
    } catch {
      // Not a file (an option, a sheet id): nothing to add.
    }
  }
  return bytes >= BIG_INPUT_BYTES;
}

if (needsNodeFlags(process.argv.slice(2))) runWithNodeFlags();
else run();
