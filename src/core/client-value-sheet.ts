/**
 * «Ценность клиентов»: each client's chance of return and 12-month value (value/client-value.ts) as a
 * result sheet. The owner's question is whom to win back first, so the table lists the clients with the
 * most value at risk, CLV × (1 − P(alive)), beside it: what the numbers mean in words, the fitted
 * models, and a chart of how many clients are likely still buying.
 */
import { FORMAT_DATE, FORMAT_INTEGER, FORMAT_MONEY, FORMAT_PERCENT, type SheetOperation } from '../workbook/operations';
import type { CellValue } from '../workbook/snapshot';
import { countChart, parametersBlock, table } from './analysis-sheets';
import { say } from './base';
import type { Client, DayNumber, Language } from './model';
import { dayToDate } from './normalise/date';
import { sheetName } from './schema';
import type { TrackerRow } from './tracker';
import { MIN_REPEAT_BUYERS, type ClientValue } from './value/client-value';

/** The clients the sheet lists; RESULTS.json has every client's figures. */
export const VALUE_AT_RISK_ROWS = 100;

const FORMAT_ORDERS = '0.00';
const SIDE_COLUMN = 14;

/** Value at risk per client: CLV × (1 − P(alive)); null without both figures. */
export function valueAtRisk(value: ClientValue, i: number): number | null {
  const clv = value.clv12[i];
  const alive = value.pAlive[i];
  return clv === null || alive === null ? null : clv * (1 - alive);
}

/** The clients with a value at risk, most first (ties by sheet order), at most `limit`. */
export function mostAtRisk(value: ClientValue, limit: number): number[] {
  const ranked: number[] = [];
  value.clv12.forEach((_, i) => {
    if ((valueAtRisk(value, i) ?? 0) > 0) ranked.push(i);
  });
  ranked.sort((i, j) => (valueAtRisk(value, j) as number) - (valueAtRisk(value, i) as number) || i - j);
  return ranked.slice(0, limit);
}

export interface ClientValueSheetInput {
  clients: readonly Client[];
  tracker: readonly TrackerRow[];
  value: ClientValue;
  asOf: DayNumber;
  /** The monthly discount rate, in percent. */
  discount: number;
  language: Language;
}

/** What the figures mean, in sentences; the first says why there are none when the model could not be fitted. */
function readingGuide(input: ClientValueSheetInput): string[] {
  const { value, language } = input;
  const lines: string[] = [];
  if (!value.bgNbd) {
    lines.push(
      say(
        language,
        `Расчёта нет: нужно не меньше ${MIN_REPEAT_BUYERS} клиентов с повторными заказами на листе заказов (даты, введённые вручную в строке клиента, модель не использует), и чтобы кто-то из них перестал покупать.`,
        `No figures: at least ${MIN_REPEAT_BUYERS} clients who ordered again on the orders sheet are needed (dates typed on the client's row are not used by the model), and some of them must have stopped buying.`,
      ),
    );
  } else if (!value.gammaGamma) {
    lines.push(say(language, 'Ценность (CLV) не посчитана: суммы повторных заказов не позволяют оценить средний чек.', 'No CLV: the amounts of repeat orders do not allow estimating the order value.'));
  }
  lines.push(
    say(language, 'Вероятность активности — шанс, что клиент ещё покупает: 100 % — покупает в своём ритме, около 0 % — скорее всего ушёл.', 'P(alive) — the chance the client still buys: 100 % — buying at their own pace, near 0 % — most likely gone.'),
    say(language, 'Ожидается заказов — сколько дней с заказами ждать от клиента за следующие 90 и 365 дней.', 'Expected orders — how many order days to expect from the client in the next 90 and 365 days.'),
    say(language, 'CLV за 12 месяцев — ожидаемая выручка от клиента за год, с дисконтом по месяцам.', 'CLV 12 months — the revenue expected from the client over a year, discounted monthly.'),
    say(language, 'Под риском — CLV × (1 − вероятность активности): сколько выручки уйдёт, если клиента не вернуть. Начинайте с верхних строк.', 'At risk — CLV × (1 − P(alive)): the revenue lost if the client is not won back. Start at the top.'),
    say(language, 'Модели: BG/NBD (частота и уход) и Gamma-Gamma (средний чек), подобраны по истории заказов этой базы.', 'Models: BG/NBD (frequency and churn) and Gamma-Gamma (order value), fitted to this base’s order history.'),
  );
  return lines;
}

function parameterRows(input: ClientValueSheetInput): CellValue[][] {
  const { value, language } = input;
  const withFigures = value.pAlive.filter((p) => p !== null).length;
  const rows: CellValue[][] = [
    [say(language, 'Дата анализа', 'As of'), dayToDate(input.asOf)],
    [say(language, 'Клиентов с расчётом', 'Clients with figures'), withFigures],
    [say(language, 'Дисконт в месяц, %', 'Discount per month, %'), input.discount],
  ];
  if (value.bgNbd) {
    const { r, alpha, a, b } = value.bgNbd;
    rows.push(['BG/NBD r', r], ['BG/NBD α', alpha], ['BG/NBD a', a], ['BG/NBD b', b]);
  }
  if (value.gammaGamma) {
    const { p, q, gamma } = value.gammaGamma;
    rows.push(['Gamma-Gamma p', p], ['Gamma-Gamma q', q], ['Gamma-Gamma γ', gamma]);
  }
  return rows;
}

/** Clients per P(alive) band, 0–20 % … 80–100 %, the last band closed. */
function aliveBands(value: ClientValue): number[] {
  const counts = [0, 0, 0, 0, 0];
  for (const p of value.pAlive) if (p !== null) counts[Math.min(4, Math.floor(p * 5))]++;
  return counts;
}

/** The sheet: the clients most at risk, and beside them the guide, the parameters and the P(alive) chart. */
export function clientValueSheetOperations(input: ClientValueSheetInput): SheetOperation[] {
  const { clients, tracker, value, language } = input;
  const sheet = sheetName('clientValue', language);
  const rows: CellValue[][] = mostAtRisk(value, VALUE_AT_RISK_ROWS).map((i) => {
    const last = tracker[i].lastOrder;
    return [
      clients[i].id ?? '',
      clients[i].name,
      clients[i].manager,
      tracker[i].orders,
      last === null ? null : dayToDate(last),
      value.pAlive[i],
      value.expectedOrders90[i],
      value.expectedOrders365[i],
      value.expectedOrderValue[i],
      value.clv12[i],
      valueAtRisk(value, i),
    ];
  });
  const guide = readingGuide(input);
  const parameters = parameterRows(input);
  const bandsRow = 1 + guide.length + 2 + parameters.length + 2;
  const bandLabels = ['0–20 %', '20–40 %', '40–60 %', '60–80 %', '80–100 %'];
  const bands = aliveBands(value);
  return [
    table(
      sheet,
      null,
      [
        'ID',
        say(language, 'Клиент', 'Client'),
        say(language, 'Менеджер', 'Manager'),
        say(language, 'Заказов', 'Orders'),
        say(language, 'Последний заказ', 'Last order'),
        say(language, 'Вероятность активности', 'P(alive)'),
        say(language, 'Ожидается заказов за 90 дней', 'Expected orders, 90 days'),
        say(language, 'Ожидается заказов за 365 дней', 'Expected orders, 365 days'),
        say(language, 'Ожидаемый чек', 'Expected order value'),
        say(language, 'CLV за 12 месяцев', 'CLV, 12 months'),
        say(language, 'Под риском', 'At risk'),
      ],
      rows,
      [null, null, null, FORMAT_INTEGER, FORMAT_DATE, FORMAT_PERCENT, FORMAT_ORDERS, FORMAT_ORDERS, FORMAT_MONEY, FORMAT_MONEY, FORMAT_MONEY],
      [10, 34, 20, 9, 12, 12, 12, 12, 14, 14, 14],
    ),
    table(sheet, { row: 1, column: SIDE_COLUMN }, [say(language, 'Как читать этот лист', 'How to read this sheet')], guide.map((line) => [line]), [null], [90]),
    parametersBlock(sheet, { row: guide.length + 3, column: SIDE_COLUMN }, parameters, [null, null], language),
    table(sheet, { row: bandsRow, column: SIDE_COLUMN }, [say(language, 'Вероятность активности', 'P(alive)'), say(language, 'Клиентов', 'Clients')], bandLabels.map((label, k) => [label, bands[k]]), [null, FORMAT_INTEGER], [null, null]),
    countChart(
      sheet,
      say(language, 'Клиенты по вероятности, что они ещё покупают', 'Clients by the chance they still buy'),
      say(language, 'Клиентов', 'Clients'),
      { column: SIDE_COLUMN, fromRow: bandsRow + 1, toRow: bandsRow + bandLabels.length },
      { row: bandsRow + bandLabels.length + 2, column: SIDE_COLUMN },
      320,
    ),
  ];
}
