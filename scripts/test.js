#!/usr/bin/env node
/**
 * `npm test`: type-check, build the command, lint (the layer rules included), then every jest test. Probes once for the Debian packages some tests need and
 * passes the result to them (see test/support/tools.ts). Extra arguments go to jest.
 */
'use strict';
const { spawnSync, execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

function onPath(command) {
  return (process.env.PATH || '').split(path.delimiter).some((dir) => dir !== '' && fs.existsSync(path.join(dir, command)));
}

function has(tool) {
  if (tool === 'chromium') return fs.existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium');
  if (tool === 'openpyxl') {
    try {
      execFileSync('/usr/bin/python3', ['-c', 'import openpyxl'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  }
  if (tool === 'libreoffice') return onPath('soffice') && onPath('pdftoppm');
  return false;
}

const tools = ['chromium', 'openpyxl', 'libreoffice'].filter(has);
const env = { ...process.env, CRM_TOOLS: tools.join(',') };
const args = process.argv.slice(2);

function step(label, script, scriptArgs) {
  console.log(`> ${label}`);
  const run = spawnSync(process.execPath, [script, ...scriptArgs], { stdio: 'inherit', env });
  if (run.status !== 0) {
    console.log(`\n0 passed, 1 failed, 0 skipped (${label} failed)`);
    process.exit(1);
  }
}

if (!args.length) {
  const tscBin = require.resolve('typescript/bin/tsc');
  step('type check (tsc --noEmit)', tscBin, ['-p', 'tsconfig.json', '--noEmit']);
  // The CLI tests run the built `crm-base`, so it is rebuilt from the current sources first.
  step('build the crm-base command', tscBin, ['-p', 'tsconfig.cli.json']);
  const eslintBin = path.join(path.dirname(require.resolve('eslint/package.json')), 'bin', 'eslint.js');
  step('lint (eslint, with the layer rules)', eslintBin, ['src', 'test', 'addin', 'appsscript']);
}

console.log(`> jest (tools found: ${tools.join(', ') || 'none'})`);
const jest = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), ...args], { stdio: 'inherit', env });
process.exit(jest.status === null ? 1 : jest.status);
