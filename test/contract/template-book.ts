/**
 * Workbooks shaped like the template small firms start from: a «Услуги» sheet and a «Клиенты» sheet typed by
 * hand — name, phone, e-mail, «Дата первого обращения», «Услуга», «Дата последнего заказа», «Комментарий» —
 * and no Orders sheet. Dates come in every form users type them: real dates, text `dd.mm.yyyy`, an Excel
 * serial, an impossible date, a word, a date after the as-of date. One variant also keeps «Заказов» and
 * «Выручка» by hand (some cells empty, one sum typed as text with a currency sign).
 */
import type { CellValue, WorkbookSnapshot } from '../../src/workbook/snapshot';

export const TEMPLATE_AS_OF = '2026-11-01';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export const TEMPLATE_HEADER = ['Клиент', 'Телефон', 'E-mail', 'Дата первого обращения', 'Услуга', 'Дата последнего заказа', 'Комментарий'];

/** Typed rows: the last two columns are «Заказов» and «Выручка» (used by the variant that has them). */
const ROWS: Array<[...CellValue[]]> = [
  ['ООО «Ромашка»', '8 (912) 345-67-89', 'info@romashka.ru', day('2023-03-12'), 'Уборка офиса', day('2025-10-01'), 'Постоянный клиент', 5, 50000],
  ['Иванов Иван Иванович', '+7 912 111-22-33', null, '12.03.2023', 'Мойка окон', '15.09.2026', null, 2, '12 500,50 ₽'],
  ['Петрова Анна', '8 912 222 33 44', 'anna@mail.ru', '32.13.2023', 'Химчистка', 'вчера', 'звонить после 18:00', null, null],
  ['Сидоров Пётр', '89123334455', null, day('2024-01-10'), 'Уборка офиса', null, 'пока думает', null, null],
  ['Кузнецова Мария', '8 (900) 100-20-30', 'maria@example.ru', day('2024-02-01'), 'Мойка окон', day('2025-06-01'), 'первая заявка', 1, 3000],
  ['Кузнецова Мария Петровна', '+79001002030', null, day('2024-05-20'), 'Химчистка', day('2026-08-15'), 'вторая заявка', 2, 7000],
  ['Баранов Сергей', '8 912 555 66 77', 'baranov@example.ru', 45000, 'Уборка офиса', 45500, '=1+1', null, 1200],
  ['ИП Чернышёв А. А.', '8 (912) 777-88-99', null, day('2025-01-15'), 'Химчистка', day('2027-01-01'), 'дата из будущего', 3, null],
];

const SERVICES: WorkbookSnapshot['sheets'][number] = {
  name: 'Услуги',
  header: ['Услуга', 'Цена'],
  rows: [
    ['Уборка офиса', 5000],
    ['Мойка окон', 2500],
    ['Химчистка', '3 500 ₽'],
  ],
};

export interface TemplateVariant {
  /** The typed «Заказов» and «Выручка» columns. */
  withCounts?: boolean;
  /** A title row and an empty row above the header, as many firms' sheets begin. */
  withTitle?: boolean;
}

export const TEMPLATE_TITLE = 'Клиентская база ООО «Чистый дом» на 2026 год';

/** The template book in one of its variants. */
export function templateBook({ withCounts = false, withTitle = false }: TemplateVariant = {}): WorkbookSnapshot {
  const header = withCounts ? [...TEMPLATE_HEADER, 'Заказов', 'Выручка'] : TEMPLATE_HEADER;
  const rows = ROWS.map((row) => row.slice(0, header.length));
  const clients = withTitle ? { name: 'Клиенты', header: [TEMPLATE_TITLE], rows: [[], header, ...rows] } : { name: 'Клиенты', header, rows };
  return { sheets: [SERVICES, clients] };
}
