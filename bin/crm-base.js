#!/usr/bin/env node
// The command is compiled by `npm run build:cli`, which `npm ci` runs through the prepare script.
'use strict';
const path = require('path');
const fs = require('fs');

/**
 * A big import keeps millions of rows alive while it parses them; with V8's default young generation
 * each of them is copied by several scavenges before it settles, and 64 MB semi-spaces cut that work
 * (CSV import of 1,000,000 lines: about 0.4 s of 3.5 s). V8 sizes the young generation at start-up, so
 * `v8.setFlagsFromString` is too late: the command starts itself again, once, with the flag, unless node
 * was started with one.
 */
const YOUNG_GENERATION_FLAG = '--max-semi-space-size=64';
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Runs the command again with the flag and ends as it ends. A stop signal sent to this process alone
 * (`kill`, `timeout`, a scheduler) is passed on, so the command stops where it is and removes its
 * temporary files; Ctrl-C reaches both through the terminal.
 */
function runWithYoungGenerationFlag() {
  const { spawn } = require('child_process');
  const child = spawn(process.execPath, [...process.execArgv, YOUNG_GENERATION_FLAG, __filename, ...process.argv.slice(2)], { stdio: 'inherit' });
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

if (process.execArgv.some((arg) => arg.startsWith('--max-semi-space-size'))) run();
else runWithYoungGenerationFlag();
