/** Runs the built `crm-base` (`npm run build:cli`) as a user does, in a folder of the test's own. */
import { spawnSync } from 'child_process';
import { join } from 'path';

const BIN = join(__dirname, '..', '..', 'bin', 'crm-base.js');

export function crmBase(cwd: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
