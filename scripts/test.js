#!/usr/bin/env node
/**
 * `npm test`: type-check, then every jest test. Probes once for the Debian packages some tests need and
 * passes the result to them (see test/support/tools.ts). Extra arguments go to jest.
 */
'use strict';
const { spawnSync, execFileSync } = require('child_process');
const fs = require('fs');

function has(tool) {
  if (tool === 'chromium') return fs.existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium');
  if (tool === 'libreoffice') return fs.existsSync('/usr/bin/soffice') || fs.existsSync('/usr/bin/libreoffice');
  if (tool === 'openpyxl') {
    try {
      execFileSync('/usr/bin/python3', ['-c', 'import openpyxl'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  }
  return false;
}

const tools = ['chromium', 'openpyxl', 'libreoffice'].filter(has);
const env = { ...process.env, CRM_TOOLS: tools.join(',') };
const args = process.argv.slice(2);

function tsc(label, tsArgs) {
  console.log(`> ${label}`);
  const run = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), ...tsArgs], { stdio: 'inherit', env });
  if (run.status !== 0) {
    console.log(`\n0 passed, 1 failed, 0 skipped (${label} failed)`);
    process.exit(1);
  }
}

if (!args.length) {
  tsc('type check (tsc --noEmit)', ['-p', 'tsconfig.json', '--noEmit']);
  // The CLI tests run the built `crm-base`, so it is rebuilt from the current sources first.
  tsc('build the crm-base command', ['-p', 'tsconfig.cli.json']);
}

console.log(`> jest (tools found: ${tools.join(', ') || 'none'})`);
const jest = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), ...args], { stdio: 'inherit', env });
process.exit(jest.status === null ? 1 : jest.status);
