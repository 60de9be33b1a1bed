/**
 * A hand-checked history for «Воронка: движение» (as of 2026-03-31). The figures worked by hand:
 *
 * Moves (day → status): A (ID А-1): 01-05 Белый, 01-15 Серый, 02-14 Зелёный, 03-01 Красно-зелёный.
 * B (ID Б-2): 01-10 Белый, 02-09 Серый, 02-20 Жёлтый (skips Зелёный), 03-20 Зелёный — a row seen by the analysis.
 * C (no ID, by name): 02-01 Белый, 02-03 Серый, 02-28 Белый again. D: one undated row, one dated 04-02 (after
 * the as-of day): both left out. A «звонок» row is not a move.
 *
 * Entered (distinct clients), columns Белый, Серый, Зелёный, Жёлтый, …, Красно-зелёный:
 *   2026-01: Белый 2 (A, B), Серый 1 (A)
 *   2026-02: Белый 1 (C, twice in the month, once counted), Серый 2 (B, C), Зелёный 1 (A), Жёлтый 1 (B)
 *   2026-03: Зелёный 1 (B, seen), Красно-зелёный 1 (A)
 * Conversion: Белый→Серый 3 of 3 (A, B, C); Серый→Зелёный 2 of 3 (A; B later, not directly; C never);
 *   Зелёный→Жёлтый 0 of 2 (B's Жёлтый came before its Зелёный); Жёлтый→Зелёно-золотой 0 of 1; the rest 0 of 0 (null).
 * Days: Белый A 10, B 30, C 2 (C's second stay is unfinished) → median 10; Серый A 30, B 11, C 25 → 25;
 *   Зелёный A 15 → 15 (B's ends nowhere yet and begins with a seen row); Жёлтый: B's stay ends with the seen
 *   row → none; Красно-зелёный: A still in it → none.
 * By month entered — conversion, first entries: Белый A, B in January (both on to Серый), C in February (on);
 *   Серый A in January (on to Зелёный), B (on, later) and C (not) in February; Зелёный A in February, B in
 *   March (neither on to Жёлтый); Жёлтый B in February (not on). Median days of the stays begun: January
 *   Белый 10, 30 → 20, Серый 30; February Белый 2, Серый 11, 25 → 18, Зелёный 15; March none.
 */
import type { CellValue, WorkbookSnapshot } from '../../workbook/snapshot';
import { SEEN_NOTES } from '../status-diff';
import { book, sheet } from './snapshot-builder';

const at = (iso: string) => new Date(`${iso}T09:30:00Z`);
const move = (iso: string | null, id: string, name: string, result: string): CellValue[] => [iso === null ? null : at(iso), id, name, 'Анна', 'статус', result];

export const MOVEMENT_AS_OF = '2026-03-31';

export function movementWorkbook(): WorkbookSnapshot {
  return book(
    sheet('Клиенты', ['ID', 'Клиент', 'Менеджер', 'Статус'], ['А-1', 'Альфа', 'Анна', 'Красно-зелёный'], ['Б-2', 'Бета', 'Анна', 'Зелёный'], ['', 'Гамма', 'Анна', 'Белый'], ['Д-4', 'Дельта', 'Анна', 'Серый']),
    sheet('Заказы', ['Дата', 'ID клиента', 'Клиент', 'Сумма', 'Услуга']),
    sheet(
      'История',
      ['Дата и время', 'ID клиента', 'Клиент', 'Менеджер', 'Вид', 'Результат'],
      move('2026-01-05', 'А-1', 'Альфа', '— → Белый'),
      move('2026-01-10', 'Б-2', 'Бета', '— → Белый'),
      move('2026-01-15', 'А-1', 'Альфа', 'Белый → Серый'),
      move('2026-02-01', '', 'Гамма', '— → Белый'),
      move('2026-02-03', '', 'Гамма', 'Белый → Серый'),
      move('2026-02-09', 'Б-2', 'Бета', 'Белый → Серый'),
      move('2026-02-14', 'А-1', 'Альфа', 'Серый → Зелёный'),
      [at('2026-02-15'), 'А-1', 'Альфа', 'Анна', 'звонок', 'Белый → Серый'],
      move('2026-02-20', 'Б-2', 'Бета', 'Серый → Жёлтый'),
      move('2026-02-28', '', 'Гамма', 'Серый → Белый'),
      move('2026-03-01', 'А-1', 'Альфа', 'Зелёный → Красно-зелёный'),
      move('2026-03-20', 'Б-2', 'Бета', `Жёлтый → Зелёный${SEEN_NOTES.ru}`),
      move(null, 'Д-4', 'Дельта', '— → Серый'),
      move('2026-04-02', 'Д-4', 'Дельта', '— → Серый'),
    ),
  );
}

const cohort = (...pairs: Array<[number, number]>) =>
  [...pairs, ...Array.from({ length: 6 - pairs.length }, (): [number, number] => [0, 0])].map(([entered, converted]) => ({
    entered,
    converted,
    rate: entered === 0 ? null : converted / entered,
  }));
const medians = (...days: Array<number | null>) => [...days, ...new Array<null>(10 - days.length).fill(null)];

/** Per month, as worked above: entered per status (FUNNEL_STATUSES order), the cohorts' conversion per chain pair, the median days. */
export const MOVEMENT_MONTHS = [
  { month: '2026-01', entered: [2, 1, 0, 0, 0, 0, 0, 0, 0, 0], conversions: cohort([2, 2], [1, 1]), medianDays: medians(20, 30) },
  { month: '2026-02', entered: [1, 2, 1, 1, 0, 0, 0, 0, 0, 0], conversions: cohort([1, 1], [2, 1], [1, 0], [1, 0]), medianDays: medians(2, 18, 15) },
  { month: '2026-03', entered: [0, 0, 1, 0, 0, 0, 0, 1, 0, 0], conversions: cohort([0, 0], [0, 0], [1, 0]), medianDays: medians() },
];
