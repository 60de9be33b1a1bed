/**
 * `crm-base`: the product over an .xlsx file (or a live Google Sheet) from a terminal or a scheduled job.
 * Exit codes: 0 done (bad cells are listed, not fatal), 2 unusable input or usage, 1 unexpected error.
 */
import { UsageError } from './args';
import { InputError } from './workbooks';
import { COMMANDS, usage } from './commands';

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`crm-base: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  try {
    return await command(rest);
  } catch (error) {
    if (error instanceof UsageError || error instanceof InputError || isDomainInputError(error)) {
      process.stderr.write(`crm-base ${name}: ${(error as Error).message}\n`);
      return 2;
    }
    throw error;
  }
}

/** Errors the core raises for a workbook it cannot work on (no clients sheet, no orders sheet). */
function isDomainInputError(error: unknown): boolean {
  return error instanceof Error && ['NoClientsSheetError', 'NoOrdersSheetError'].includes(error.name);
}

