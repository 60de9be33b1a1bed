/**
 * `crm-base`: the product over an .xlsx file (or a live Google Sheet) from a terminal or a scheduled job.
 * Exit codes: 0 done (bad cells are listed, not fatal), 2 unusable input or usage, 1 unexpected error.
 */
import { UsageError } from './args';
import { FileWriteError } from './atomic-write';
import { InputError } from './workbooks';
import { COMMANDS, usage } from './commands';
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
    if (error instanceof UsageError || error instanceof InputError || isDomainInputError(error)) {
      printLine(`crm-base ${name}: ${(error as Error).message}`);
      return 2;
    }
    // A full disk or a lost drive: the message says what was not written, a stack trace would not help.
    if (error instanceof FileWriteError) {
      printLine(`crm-base ${name}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

/**
 * Errors the core raises for input it cannot work on (no clients sheet, no orders sheet, an import
 * refused or whose lines link to no client, a mapping to a column that is not there, a result bigger
 * than the host holds, an orders file that is not text).
 */
function isDomainInputError(error: unknown): boolean {
  return (
    error instanceof Error &&
    ['NoClientsSheetError', 'NoOrdersSheetError', 'OrderImportError', 'UnlinkedOrdersError', 'MappingError', 'HostLimitError', 'NotTextError'].includes(error.name)
  );
}

