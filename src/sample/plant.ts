/**
 * What the sample plants for the product to find: second entries of some clients in another spelling,
 * one bad cell of each kind, orders for a client nobody entered. Each returns where it planted, so tests
 * can check the product finds exactly that.
 */
import type { CellValue } from '../workbook/snapshot';
import type { Random } from './random';
import { CITIES, formatPhone, PHONE_STYLES } from './mess';
import { statusName } from './format';
import { respell } from './people';
import { SAMPLE_HEADERS, SAMPLE_SHEETS, type ClientPlan, type DuplicateVariation, type OrderLine, type PlantedCell, type PlantedDuplicate } from './sample-types';

/** The bad values planted once each, as people really type them. */
const UNKNOWN_SERVICE = 'Полировка паркета';
const UNKNOWN_CLIENT = 'Сидоренко Пётр';

/** The clients and order lines planned so far, with the generator that planned them. */
export interface PlannedSample {
  random: Random;
  plans: readonly ClientPlan[];
  lines: readonly OrderLine[];
}

/**
 * Second entries of ~3 % of the clients, each spelled differently, inserted at a later row (entered
 * later), with some of the original's later orders booked under the second spelling.
 */
export function plantDuplicates(
  { random, plans, lines: orderLines }: PlannedSample,
  rows: CellValue[][],
  clientOrder: number[],
  rowOfPlan: Map<number, number>,
  count: number,
  clientNameOfLine: string[],
): PlantedDuplicate[] {
  const col = (header: string) => (SAMPLE_HEADERS.clients as readonly string[]).indexOf(header);
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, plans.length)) chosen.add(random.int(0, plans.length - 1));
  const copies: Array<{ after: number; cells: CellValue[]; planIndex: number; variations: DuplicateVariation[]; sharedPhone: string | null; sharedEmail: string | null }> = [];
  for (const planIndex of [...chosen].sort((a, b) => a - b)) {
    const plan = plans[planIndex];
    const cells = [...rows[rowOfPlan.get(planIndex) as number]];
    const variations: DuplicateVariation[] = [];
    cells[col('Клиент')] = respell(plan, variations, random);
    let sharedPhone: string | null = null;
    let sharedEmail: string | null = null;
    const keep = random.next();
    if (plan.phone && keep < 0.65) {
      const styles = PHONE_STYLES.filter((s) => s !== plan.phoneStyle);
      cells[col('Телефон')] = formatPhone(plan.phone, random.pick(styles));
      variations.push('phoneFormat');
      sharedPhone = `+7${plan.phone}`;
    } else cells[col('Телефон')] = null;
    if (plan.email && (keep >= 0.65 || random.chance(0.4))) {
      cells[col('E-mail')] = random.chance(0.5) ? ` ${plan.email.toUpperCase()}` : plan.email.replace(/^./, (c) => c.toUpperCase()) + ' ';
      variations.push('emailCase');
      sharedEmail = plan.email;
    } else cells[col('E-mail')] = null;
    const typed = CITIES[plan.cityIndex].typed;
    cells[col('Город')] = random.pick(typed);
    if (typed.length > 1) variations.push('city');
    cells[col('Статус')] = random.chance(0.5) ? statusName('white') : null;
    cells[col('Комментарий')] = random.chance(0.3) ? 'Новый клиент?' : null;
    const originalRow = rowOfPlan.get(planIndex) as number;
    copies.push({ after: random.int(originalRow + 1, rows.length), cells, planIndex, variations, sharedPhone, sharedEmail });
  }
  // Insert from the bottom up so earlier insert positions stay valid; record the final rows after.
  const placed = copies.map((copy, k) => ({ ...copy, k })).sort((a, b) => b.after - a.after || b.k - a.k);
  const inserted = rows.map((_, i) => ({ kind: 'original' as const, planIndex: clientOrder[i] })) as Array<{ kind: 'original' | 'copy'; planIndex: number; k?: number }>;
  for (const copy of placed) {
    rows.splice(copy.after, 0, copy.cells);
    inserted.splice(copy.after, 0, { kind: 'copy', planIndex: copy.planIndex, k: copy.k });
  }
  // Book the later orders of some duplicated clients under the second spelling.
  for (const copy of copies) {
    if (!random.chance(0.5)) continue;
    const name = copy.cells[col('Клиент')] as string;
    const lines = orderLines
      .map((line, i) => ({ line, i }))
      .filter(({ line }) => line.client === copy.planIndex)
      .sort((a, b) => a.line.day - b.line.day || a.i - b.i);
    const cut = random.int(Math.floor(lines.length / 2), lines.length);
    for (const { i } of lines.slice(cut)) clientNameOfLine[i] = name;
  }
  const finalRow = (predicate: (entry: { kind: string; planIndex: number; k?: number }) => boolean) => inserted.findIndex(predicate) + 2;
  return copies.map((copy, k) => ({
    originalRow: finalRow((e) => e.kind === 'original' && e.planIndex === copy.planIndex),
    duplicateRow: finalRow((e) => e.kind === 'copy' && e.k === k),
    variations: copy.variations,
    sharedPhone: copy.sharedPhone,
    sharedEmail: copy.sharedEmail,
  }));
}

/**
 * One of each kind of bad cell, in rows chosen by the generator — never in a planted duplicate pair,
 * so the pair stays findable by what it shares.
 */
export function plantBadCells(random: Random, clientRows: CellValue[][], orderRows: CellValue[][], duplicateRows: Set<number>, namesWithOrders: Set<string>): PlantedCell[] {
  const planted: PlantedCell[] = [];
  const free = (sheet: 'clients' | 'orders', index: number) =>
    !planted.some((p) => p.sheet === SAMPLE_SHEETS[sheet] && p.row === index + 2) && (sheet === 'orders' || !duplicateRows.has(index + 2));
  const plant = (sheet: 'clients' | 'orders', header: string, value: string) => {
    const rows = sheet === 'clients' ? clientRows : orderRows;
    // A base of clients only (`--orders 0`) has no order rows to spoil.
    if (planted.filter((p) => p.sheet === SAMPLE_SHEETS[sheet]).length >= rows.length) return;
    const headers = SAMPLE_HEADERS[sheet] as readonly string[];
    let index: number;
    do index = random.int(0, rows.length - 1);
    while (!free(sheet, index));
    rows[index][headers.indexOf(header)] = value === '' ? null : value;
    planted.push({ sheet: SAMPLE_SHEETS[sheet], row: index + 2, column: header, value });
  };
  plant('clients', 'E-mail', 'petrova@mail');
  plant('clients', 'E-mail', 'ivanov.mail.ru');
  plant('clients', 'Телефон', '12-34-56');
  plant('clients', 'Услуга', UNKNOWN_SERVICE);
  plant('clients', 'День рождения', '31.02.1988');
  plant('clients', 'Дата первого контакта', 'давно');
  plant('orders', 'Дата', '32.13.2024');
  plant('orders', 'Сумма', 'дорого');
  plant('orders', 'Услуга', UNKNOWN_SERVICE);
  // An empty client name: the row keeps its phone and e-mail, the name got lost. A client without
  // orders, so that no order loses its client by it.
  let emptyName: number;
  do emptyName = random.int(0, clientRows.length - 1);
  while (!free('clients', emptyName) || namesWithOrders.has(clientRows[emptyName][0] as string));
  planted.push({ sheet: SAMPLE_SHEETS.clients, row: emptyName + 2, column: 'Клиент', value: String(clientRows[emptyName][0]) });
  clientRows[emptyName][0] = null;
  return planted;
}

/** Two orders for a client nobody entered on the clients sheet. */
export function plantUnknownClientOrders(random: Random, orderRows: CellValue[][]): number[] {
  const rows: number[] = [];
  while (rows.length < Math.min(2, orderRows.length)) {
    const index = random.int(0, orderRows.length - 1);
    if (rows.includes(index + 2)) continue;
    orderRows[index][1] = UNKNOWN_CLIENT;
    rows.push(index + 2);
  }
  return rows.sort((a, b) => a - b);
}
