#!/usr/bin/env node
// The command is compiled by `npm run build:cli`, which `npm ci` runs through the prepare script.
'use strict';
const path = require('path');
const fs = require('fs');
// A larger young generation halves the time spent collecting the short-lived rows of a big import.
require('v8').setFlagsFromString('--max-semi-space-size=64');

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
