/**
 * `crm-base`: the product over an .xlsx file (or a live Google Sheet) from a terminal or a scheduled job.
 * Exit codes: 0 done (bad cells are listed, not fatal), 2 unusable input or usage, 1 a write that failed or
 * an unexpected error (see errors.ts).
 */
import { COMMANDS, usage } from './commands';
import { stopReport } from './errors';
import { printLine } from './terminal-text';

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    printLine(`crm-base: unknown command "${name}"`);
    process.stderr.write(`\n${usage()}`);
    return 2;
  }
  try {
    return await command(rest);
  } catch (error) {
    const stop = stopReport(error);
    if (!stop) throw error;
    for (const line of stop.message.split('\n')) printLine(`crm-base ${name}: ${line}`);
    return stop.exitCode;
  }
}
