/** What the sample generator takes and gives: options, sheet names and headers, what it planted; and its inner plans. */
import type { CellValue, WorkbookSnapshot } from '../workbook/snapshot';
import type { DayNumber } from '../core/model';
import type { Gender } from './names';
import type { CompanyStyle, MobileDigits, PhoneStyle } from './mess';
import { SERVICES_HEADER, SERVICES_SHEET_NAME, type SampleService } from './services';

export interface SampleOptions {
  seed?: number;
  /** Rows of the clients sheet, duplicates included. */
  clients?: number;
  /** Rows of the orders sheet. */
  orders?: number;
  /** `yyyy-mm-dd`; orders fall in the three years before it. */
  asOf?: string;
}

export const SAMPLE_DEFAULTS = { seed: 20261101, clients: 2000, orders: 15000, asOf: '2026-11-01' } as const;

export const SAMPLE_SHEETS = { services: SERVICES_SHEET_NAME, clients: 'Клиенты', orders: 'Заказы' } as const;

export const SAMPLE_HEADERS = {
  services: SERVICES_HEADER,
  clients: [
    'Клиент', 'Тип', 'Контактное лицо', 'Телефон', 'E-mail', 'Город', 'Отрасль', 'Источник', 'Менеджер', 'Статус',
    'Услуга', 'Дата первого контакта', 'Дата последнего заказа', 'День рождения', 'Предпочтительный канал', 'Комментарий',
    'Согласие на рассылку',
  ],
  orders: ['Дата', 'Клиент', 'Услуга', 'Сумма', 'Номер заказа', 'Менеджер', 'Комментарий'],
} as const;

/** Managers and their share of the clients: the first one is overloaded. */
export const SAMPLE_MANAGERS: ReadonlyArray<{ name: string; weight: number }> = [
  { name: 'Анна Крылова', weight: 36 },
  { name: 'Дмитрий Орлов', weight: 16 },
  { name: 'Екатерина Смирнова', weight: 14 },
  { name: 'Игорь Белов', weight: 13 },
  { name: 'Мария Соколова', weight: 11 },
  { name: 'Олег Титов', weight: 10 },
];

/** A cell planted to be wrong, with its spreadsheet row (header = 1) and the header of its column. */
export interface PlantedCell {
  sheet: string;
  row: number;
  column: string;
  value: string;
}

/** How a duplicate differs from the row it repeats. */
export type DuplicateVariation = 'phoneFormat' | 'wordOrder' | 'yo' | 'emailCase' | 'latin' | 'legalForm' | 'city';

export interface PlantedDuplicate {
  /** Spreadsheet rows of the original and its second entry. */
  originalRow: number;
  duplicateRow: number;
  variations: DuplicateVariation[];
  /** The shared key the product should find: an E.164 phone, an e-mail, or null (name and city only). */
  sharedPhone: string | null;
  sharedEmail: string | null;
}

export interface SampleFacts {
  asOf: string;
  duplicates: PlantedDuplicate[];
  badCells: PlantedCell[];
  /** Order rows whose client is deliberately not on the clients sheet. */
  unknownClientOrderRows: number[];
  /** Clients rows with no orders at all. */
  clientsWithoutOrders: number;
}

export interface Sample {
  workbook: WorkbookSnapshot;
  facts: SampleFacts;
}

export interface Person {
  gender: Gender;
  first: string;
  patronymic: string;
  surname: string;
}

export interface ClientPlan {
  name: string;
  isCompany: boolean;
  person?: Person;
  company?: { form: string; name: string; style: CompanyStyle };
  phone: MobileDigits | null;
  phoneStyle: PhoneStyle;
  email: string;
  cityIndex: number;
  manager: string;
  mainService: SampleService;
  firstContact: DayNumber;
  /** Buying window; null for a client who never bought. */
  window: { from: DayNumber; to: DayNumber } | null;
  /** How much this client tends to buy (Pareto). */
  appetite: number;
  cells: CellValue[];
}

export interface OrderLine {
  day: DayNumber;
  client: number;
  service: SampleService;
  amount: number;
  /** Lines of one order share a group; the order number is given per group after sorting by date. */
  group: number;
  manager: string;
  comment: string;
}
