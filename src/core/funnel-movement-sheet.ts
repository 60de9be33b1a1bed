/**
 * The sheet «Воронка — движение» («Воронка: движение»; Excel allows no colon in a sheet name): clients
 * entering each status per month (one column per status, status fills on the header's cells below), the
 * conversion between consecutive statuses of the main chain, the median days in each status, and a column
 * chart of the monthly entries; below the entries, the same conversion and median days per month (by the
 * month the clients entered the status). Definitions are in funnel-movement.ts.
 */
import { FORMAT_INTEGER, FORMAT_PERCENT, FORMAT_TEXT, type SheetOperation } from '../workbook/operations';
import type { CellValue } from '../workbook/snapshot';
import { parametersBlock, table } from './analysis-sheets';
import { say } from './base';
import type { FunnelMovement } from './funnel-movement';
import type { Language } from './model';
import { isoToDotted } from './normalise/date';
import { sheetName } from './schema';
import { FUNNEL_STATUSES, type FunnelStatusKey } from './statuses';

const statusName = (key: FunnelStatusKey, language: Language) => FUNNEL_STATUSES.find((s) => s.key === key)![language];

export function funnelMovementSheetOperations(movement: FunnelMovement, language: Language): SheetOperation[] {
  const sheet = sheetName('funnelMovement', language);
  const width = FUNNEL_STATUSES.length;
  const monthRows: CellValue[][] = movement.months.map((m) => [m.month, ...m.entered]);
  const side = width + 3;
  const conversionRows: CellValue[][] = movement.conversions.map((c) => [statusName(c.from, language), statusName(c.to, language), c.entered, c.converted, c.rate]);
  const stayRows: CellValue[][] = movement.days.map((d) => [statusName(d.status, language), d.stays, d.medianDays]);
  const pairNames = movement.conversions.map((c) => `${statusName(c.from, language)} → ${statusName(c.to, language)}`);
  const monthConversionRows: CellValue[][] = movement.months.map((m) => [m.month, ...m.conversions.map((c) => c.rate)]);
  const monthDaysRows: CellValue[][] = movement.months.map((m) => [m.month, ...m.medianDays]);
  const monthConversionAt = monthRows.length + 3;
  const monthDaysAt = monthConversionAt + monthConversionRows.length + 2;
  const staysAt = conversionRows.length + 3;
  const parametersAt = staysAt + stayRows.length + 2;
  const operations: SheetOperation[] = [
    table(
      sheet,
      null,
      [say(language, 'Месяц', 'Month'), ...FUNNEL_STATUSES.map((s) => s[language])],
      monthRows,
      [FORMAT_TEXT, ...FUNNEL_STATUSES.map(() => FORMAT_INTEGER)],
      [10, ...FUNNEL_STATUSES.map(() => 12)],
    ),
    table(
      sheet,
      { row: 1, column: side },
      [say(language, 'Из статуса', 'From status'), say(language, 'В статус', 'To status'), say(language, 'Входили', 'Entered'), say(language, 'Перешли позже', 'Moved on later'), say(language, 'Конверсия', 'Conversion')],
      conversionRows,
      [null, null, FORMAT_INTEGER, FORMAT_INTEGER, FORMAT_PERCENT],
      [18, 18, 10, 14, 11],
    ),
    table(
      sheet,
      { row: staysAt, column: side },
      [say(language, 'Статус', 'Status'), say(language, 'Завершённых пребываний', 'Finished stays'), say(language, 'Медиана дней', 'Median days')],
      stayRows,
      [null, FORMAT_INTEGER, '0.0'],
      [18, 18, 10],
    ),
    table(
      sheet,
      { row: monthConversionAt, column: 1 },
      [say(language, 'Конверсия по месяцу входа', 'Conversion by month entered'), ...pairNames],
      monthConversionRows,
      [FORMAT_TEXT, ...pairNames.map(() => FORMAT_PERCENT)],
      [10, ...pairNames.map(() => 12)],
    ),
    table(
      sheet,
      { row: monthDaysAt, column: 1 },
      [say(language, 'Медиана дней по месяцу входа', 'Median days by month entered'), ...FUNNEL_STATUSES.map((s) => s[language])],
      monthDaysRows,
      [FORMAT_TEXT, ...FUNNEL_STATUSES.map(() => '0.0')],
      [10, ...FUNNEL_STATUSES.map(() => 12)],
    ),
    parametersBlock(
      sheet,
      { row: parametersAt, column: side },
      [
        [say(language, 'На дату', 'As of'), isoToDotted(movement.asOf)],
        [say(language, 'Строк статуса без даты (не учтены)', 'Status rows without a date (left out)'), movement.undated],
        [say(language, 'Строк статуса позже даты (не учтены)', 'Status rows after the date (left out)'), movement.later],
        [
          say(language, 'По месяцу входа', 'By month entered'),
          say(
            language,
            'конверсия — доля вошедших в статус в этом месяце, перешедших в следующий позже; у последних месяцев она ещё растёт',
            'conversion: the share of the clients who entered the status that month and later entered the next; the latest months still grow',
          ),
        ],
      ],
      [null, null],
      language,
    ),
  ];
  if (monthRows.length > 0) {
    const rows = { fromRow: 2, toRow: monthRows.length + 1 };
    operations.push({
      kind: 'addChart',
      sheet,
      chart: {
        type: 'column',
        title: say(language, 'Клиенты, вошедшие в статус, по месяцам', 'Clients entering each status per month'),
        categories: { column: 1, ...rows },
        series: FUNNEL_STATUSES.map((s, i) => ({ name: s[language], values: { column: i + 2, ...rows } })),
        anchor: { row: parametersAt + 5, column: side },
        width: 720,
        height: 360,
      },
    });
  }
  return operations;
}
