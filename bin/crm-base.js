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
if (!process.execArgv.some((arg) => arg.startsWith('--max-semi-space-size'))) {
  const { spawnSync } = require('child_process');
  const child = spawnSync(process.execPath, [...process.execArgv, YOUNG_GENERATION_FLAG, __filename, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (child.error) {
    process.stderr.write(`crm-base: could not start: ${child.error.message}\n`);
    process.exit(1);
  }
  if (child.signal) process.kill(process.pid, child.signal);
  process.exit(child.status ?? 1);
}

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
