/**
 * «ABC-XYZ»: how much each client brings (ABC, abc.ts) against how steadily they buy (XYZ, value/xyz.ts)
 * as a 3 × 3 matrix with counts, revenue and what to do in each cell; the services' XYZ beside it, and a
 * chart of the matrix. Revenue in a cell is the clients' revenue as ABC counts it (all orders up to the
 * as-of date); the XYZ class looks at the last 12 full months only, so a client of class A who bought
 * nothing in those months has no XYZ class and is counted apart.
 */
import { FORMAT_INTEGER, FORMAT_MONEY, FORMAT_PERCENT, type SheetOperation } from '../workbook/operations';
import type { CellValue } from '../workbook/snapshot';
import type { AbcClass } from './abc';
import { parametersBlock, table } from './analysis-sheets';
import { say } from './base';
import type { Language } from './model';
import { sheetName } from './schema';
import { cleanSum } from './tracker';
import type { XyzClass, XyzResult } from './value/xyz';

const ABC: readonly AbcClass[] = ['A', 'B', 'C'];
const XYZ: readonly XyzClass[] = ['X', 'Y', 'Z'];

/** One line of advice per cell, Russian and English. */
const ADVICE: Record<string, [ru: string, en: string]> = {
  AX: ['Ключевые и стабильные: личный менеджер, держать качество и наличие.', 'Key and steady: a personal manager, keep quality and stock.'],
  AY: ['Крупные, но с колебаниями: звонить по их ритму, напоминать заранее.', 'Large but uneven: call at their pace, remind ahead.'],
  AZ: ['Крупные и непредсказуемые: узнать причины перерывов, личный контакт.', 'Large and unpredictable: find out why they pause, personal contact.'],
  BX: ['Стабильные средние: предлагать больше (допродажи), бонусы за постоянство.', 'Steady, mid-sized: offer more (upsell), reward loyalty.'],
  BY: ['Средние с колебаниями: регулярные напоминания и спецпредложения.', 'Mid-sized, uneven: regular reminders and offers.'],
  BZ: ['Средние и нерегулярные: разовые акции, следить, не уходят ли.', 'Mid-sized, irregular: one-off offers, watch for churn.'],
  CX: ['Небольшие, но регулярные: обслуживать без лишних затрат, растить чек.', 'Small but regular: serve at low cost, grow the order value.'],
  CY: ['Небольшие с колебаниями: массовые рассылки вместо звонков.', 'Small, uneven: mass mailings instead of calls.'],
  CZ: ['Небольшие и случайные: минимум ручной работы; решить, стоит ли удерживать.', 'Small and occasional: minimal manual work; decide whether to keep.'],
};

export interface AbcXyzCell {
  abc: AbcClass;
  xyz: XyzClass;
  clients: number;
  revenue: number;
}

export interface AbcXyzMatrix {
  /** The nine cells, A X first, row by row. */
  cells: AbcXyzCell[];
  /** Clients with an ABC class but no XYZ class (no revenue in the 12 months). */
  abcWithoutXyz: number;
}

/** The matrix over clients with both classes. */
export function abcXyzMatrix(abc: readonly (AbcClass | null)[], xyz: XyzResult, revenues: ArrayLike<number>): AbcXyzMatrix {
  const cells = ABC.flatMap((a) => XYZ.map((x) => ({ abc: a, xyz: x, clients: 0, revenue: 0 })));
  let abcWithoutXyz = 0;
  abc.forEach((a, i) => {
    if (a === null) return;
    const x = xyz.classes[i];
    if (x === null) {
      abcWithoutXyz++;
      return;
    }
    const cell = cells[ABC.indexOf(a) * XYZ.length + XYZ.indexOf(x)];
    cell.clients++;
    cell.revenue += revenues[i];
  });
  for (const cell of cells) cell.revenue = cleanSum(cell.revenue);
  return { cells, abcWithoutXyz };
}

export interface AbcXyzSheetInput {
  matrix: AbcXyzMatrix;
  services: ReadonlyArray<{ name: string; revenue: number }>;
  servicesXyz: XyzResult;
  xLimit: number;
  yLimit: number;
  language: Language;
}

/** The sheet: the nine cells with advice, the count matrix with its chart, the services' classes, the limits. */
export function abcXyzSheetOperations(input: AbcXyzSheetInput): SheetOperation[] {
  const { matrix, language } = input;
  const sheet = sheetName('abcXyz', language);
  const total = matrix.cells.reduce((sum, cell) => sum + cell.revenue, 0);
  const cellRows: CellValue[][] = matrix.cells.map((cell) => [
    cell.abc + cell.xyz,
    cell.clients,
    cell.revenue,
    total > 0 ? cell.revenue / total : 0,
    ADVICE[cell.abc + cell.xyz][language === 'ru' ? 0 : 1],
  ]);
  const matrixRow = cellRows.length + 3;
  const countRows: CellValue[][] = ABC.map((a, row) => [a, ...XYZ.map((_, column) => matrix.cells[row * XYZ.length + column].clients)]);
  const servicesColumn = 8;
  const serviceRows: CellValue[][] = input.services.map((service, i) => [service.name, service.revenue, input.servicesXyz.variation[i], input.servicesXyz.classes[i] ?? say(language, 'нет продаж за 12 мес.', 'no sales in 12 months')]);
  return [
    table(
      sheet,
      null,
      [say(language, 'Ячейка', 'Cell'), say(language, 'Клиентов', 'Clients'), say(language, 'Выручка', 'Revenue'), say(language, 'Доля выручки', 'Share of revenue'), say(language, 'Что делать', 'What to do')],
      cellRows,
      [null, FORMAT_INTEGER, FORMAT_MONEY, FORMAT_PERCENT, null],
      [8, 10, 14, 10, 70],
    ),
    table(sheet, { row: matrixRow, column: 1 }, [say(language, 'Клиентов: ABC \\ XYZ', 'Clients: ABC \\ XYZ'), ...XYZ], countRows, [null, FORMAT_INTEGER, FORMAT_INTEGER, FORMAT_INTEGER], [null, null, null, null]),
    parametersBlock(
      sheet,
      { row: matrixRow + ABC.length + 2, column: 1 },
      [
        [say(language, 'X: колебание выручки по месяцам не больше, %', 'X: monthly revenue variation at most, %'), input.xLimit],
        [say(language, 'Y: не больше, %', 'Y: at most, %'), input.yLimit],
        [say(language, 'Класс ABC есть, заказов за 12 месяцев нет', 'ABC class, no orders in 12 months'), matrix.abcWithoutXyz],
      ],
      [null, null],
      language,
    ),
    table(
      sheet,
      { row: 1, column: servicesColumn },
      [say(language, 'Услуга', 'Service'), say(language, 'Выручка', 'Revenue'), say(language, 'Колебание по месяцам', 'Monthly variation'), 'XYZ'],
      serviceRows,
      [null, FORMAT_MONEY, FORMAT_PERCENT, null],
      [30, 14, 12, 10],
    ),
    {
      kind: 'addChart',
      sheet,
      chart: {
        type: 'column',
        title: say(language, 'Клиенты по классам ABC и XYZ', 'Clients by ABC and XYZ class'),
        categories: { column: 1, fromRow: matrixRow + 1, toRow: matrixRow + ABC.length },
        series: XYZ.map((x, k) => ({ name: x, values: { column: 2 + k, fromRow: matrixRow + 1, toRow: matrixRow + ABC.length } })),
        anchor: { row: serviceRows.length + 3, column: servicesColumn },
        width: 520,
        height: 320,
      },
    },
  ];
}
