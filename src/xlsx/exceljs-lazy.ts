/**
 * ExcelJS, loaded on first use. Loading it takes about 0.3 s (a hundred and fifty modules and their
 * dependencies), which `crm-base --help`, a usage error or a command over a Google Sheet never need.
 */
import type * as ExcelJSModule from 'exceljs';

let loaded: typeof ExcelJSModule | undefined;

export function excelJs(): typeof ExcelJSModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when first needed, see above
  loaded ??= require('exceljs') as typeof ExcelJSModule;
  return loaded;
}
