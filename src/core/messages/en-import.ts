/** What an order import reports about the lines it read, in English. */
import type { RU_IMPORT } from './ru-import';

export const EN_IMPORT: Record<keyof typeof RU_IMPORT, string> = {
  'import.noClient': 'The order line names no client: imported without a client.',
  'import.moreNoClient': 'And {count|more line|more lines} without a client (rows {from}–{to}): imported without a client.',
  'import.undated': 'A line without a date: the first day to import ({since}) cannot apply to it — imported.',
  'import.moreUndated': 'And {count} more lines without a date (rows {from}–{to}): imported.',
  'import.notNumber': 'not a number: the line amount is not computed',
  'import.empty': 'empty: the line amount is not computed',
  'import.notDate': 'not a date: kept as text',
  'import.notAmount': 'not an amount: kept as text',
  'import.numberOtherClient': 'An order numbered "{number}" is already on the "{sheet}" sheet for another client. The line is imported; check the export.',
  'import.numberOtherDate': 'An order numbered "{number}" is already on the "{sheet}" sheet for this client, with another date ({held}). The line is imported; if it is the same order, delete one of the lines.',
  'import.undatedHeld': 'undated',
  'import.headerlessColumn': 'Values in a column without a header ({lines} lines, the first is {row}): the column is named "{name}", the values are kept.',
  'import.preamble': '{lines} lines above the table\'s header (the export\'s title, details) are not imported. If they hold orders, put a header line above them.',
};
