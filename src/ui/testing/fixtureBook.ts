/**
 * A small client base for the panel's component tests, in the shape the product leaves a workbook in:
 * a services sheet, a clients sheet with IDs and the user's usual columns, an orders sheet linked by ID.
 * The tests run the real actions over it (src/actions/local.ts on a MemoryWorkbook), so every figure
 * they assert follows from these rows and the definitions in docs/ARCHITECTURE.md.
 *
 * The base as of FIXTURE_TODAY (2024-06-30), worked out once here and referred to by the tests:
 *
 *   ID       client                  city             status          orders  revenue  last order  days
 *   К-00001  ООО «Ромашка»           Москва           Золотой         2       135 000  2024-03-31  91
 *   К-00002  Петров Пётр Петрович    Москва           Платиновый      4       120 000  2024-06-20  10
 *   К-00003  ИП Сидорова А. В.       Санкт-Петербург  Зелёный         0
 *   К-00004  АО «Вектор»             Казань           Золотой         1        80 000  2024-06-01  29
 *   К-00005  Кузнецова Мария         Казань           Белый           0
 *   К-00006  ООО "Ромашка"           Москва           Серый           0
 *   К-00007  Орлов Игорь             Екатеринбург     Красно-золотой  1         5 000  2023-12-15  198
 *   К-00008  ООО «Северный ветер»    Санкт-Петербург  Жёлтый          1         3 000  2024-06-25  5
 *   К-00009  Волкова Анна Сергеевна  Самара           Золотой         3        75 000  2024-06-15  15
 *   К-00010  ООО «Техносервис»       Новосибирск      Золотой         1        60 000  2024-04-10  81
 *   К-00011  Зайцев Дмитрий          Нижний Новгород  Золотой         2        10 000  2024-06-10  20
 *   К-00012  ИП Лебедев Олег         Самара           Белый           0
 *
 * Days: 91 = 30 (April) + 31 (May) + 30 (June); 198 = 16 (rest of December) + 31 + 29 (2024 is a leap
 * year) + 31 + 30 + 31 + 30. Cold (days ≥ 60): Ромашка, Орлов, Техносервис — 3 clients.
 * К-00001 and К-00006 share a phone written two ways (8 (912) 345-67-89 and +79123456789): the one
 * duplicate group. Birthdays: Петров 4 July (4 days ahead), Кузнецова 31 December.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../workbook/snapshot';

export const FIXTURE_TODAY = '2024-06-30';

/** A date cell as a gateway reads it: the calendar date in the UTC fields. */
function day(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

export interface FixtureClient {
  id: string;
  name: string;
  type?: string;
  contact?: string;
  phone?: string;
  email?: string;
  city?: string;
  industry?: string;
  source?: string;
  manager?: string;
  status?: string;
  service?: string;
  firstContact?: string;
  birthday?: string;
  comment?: string;
}

const CLIENT_HEADER = ['ID', 'Клиент', 'Тип', 'Контактное лицо', 'Телефон', 'E-mail', 'Город', 'Отрасль', 'Источник', 'Менеджер', 'Статус', 'Услуга', 'Дата первого контакта', 'День рождения', 'Комментарий'];

function clientRow(c: FixtureClient): CellValue[] {
  return [
    c.id, c.name, c.type ?? '', c.contact ?? '', c.phone ?? '', c.email ?? '', c.city ?? '', c.industry ?? '', c.source ?? '',
    c.manager ?? '', c.status ?? '', c.service ?? '', c.firstContact ? day(c.firstContact) : null, c.birthday ? day(c.birthday) : null, c.comment ?? '',
  ];
}

const company = { type: 'Юрлицо' };
const person = { type: 'Физлицо' };

const CLIENTS: FixtureClient[] = [
  { id: 'К-00001', name: 'ООО «Ромашка»', ...company, contact: 'Белова Ирина', phone: '8 (912) 345-67-89', email: 'info@romashka.ru', city: 'Москва', industry: 'Торговля', source: 'Сайт', manager: 'Иванова', status: 'Золотой', service: 'Аудит', firstContact: '2023-12-01' },
  { id: 'К-00002', name: 'Петров Пётр Петрович', ...person, phone: '+7 903 111-22-33', email: 'petrov@mail.ru', city: 'Москва', industry: 'Услуги', source: 'Рекомендация', manager: 'Иванова', status: 'Платиновый', service: 'Бухгалтерское сопровождение', firstContact: '2023-10-15', birthday: '1985-07-04' },
  { id: 'К-00003', name: 'ИП Сидорова А. В.', ...company, phone: '8 912 000-11-22', email: 'sidorova@yandex.ru', city: 'Санкт-Петербург', industry: 'Услуги', source: 'Сайт', manager: 'Смирнов', status: 'Зелёный', service: 'Регистрация ИП', firstContact: '2024-05-20' },
  { id: 'К-00004', name: 'АО «Вектор»', ...company, contact: 'Гусев Павел', phone: '+7 (843) 222-33-44', email: 'office@vector.ru', city: 'Казань', industry: 'Производство', source: 'Выставка', manager: 'Смирнов', status: 'Золотой', service: 'Аудит', firstContact: '2024-04-02' },
  { id: 'К-00005', name: 'Кузнецова Мария', ...person, phone: '8-900-555-66-77', email: 'maria.k@gmail.com', city: 'Казань', industry: 'Торговля', source: 'Реклама', manager: 'Иванова', status: 'Белый', firstContact: '2024-06-11', birthday: '1990-12-31' },
  { id: 'К-00006', name: 'ООО "Ромашка"', ...company, phone: '+79123456789', city: 'Москва', industry: 'Торговля', manager: 'Смирнов', status: 'Серый' },
  { id: 'К-00007', name: 'Орлов Игорь', ...person, phone: '8 (922) 765-43-21', email: 'orlov@inbox.ru', city: 'Екатеринбург', industry: 'Строительство', source: 'Сайт', manager: 'Петрова', status: 'Красно-золотой', service: 'Регистрация ИП', firstContact: '2023-12-01' },
  { id: 'К-00008', name: 'ООО «Северный ветер»', ...company, phone: '+7 812 444-55-66', email: 'nord@wind.ru', city: 'Санкт-Петербург', industry: 'Производство', source: 'Реклама', manager: 'Петрова', status: 'Жёлтый', service: 'Консультация', firstContact: '2024-03-01' },
  { id: 'К-00009', name: 'Волкова Анна Сергеевна', ...person, phone: '+7 846 200-30-40', email: 'volkova@list.ru', city: 'Самара', industry: 'Услуги', source: 'Рекомендация', manager: 'Смирнов', status: 'Золотой', service: 'Бухгалтерское сопровождение', firstContact: '2024-02-01' },
  { id: 'К-00010', name: 'ООО «Техносервис»', ...company, phone: '+7 383 310-20-10', email: 'info@tehnoservis.ru', city: 'Новосибирск', industry: 'ИТ', source: 'Выставка', manager: 'Петрова', status: 'Золотой', service: 'Аудит', firstContact: '2024-03-20' },
  { id: 'К-00011', name: 'Зайцев Дмитрий', ...person, phone: '8 (831) 415-16-17', email: 'zaitsev.d@yandex.ru', city: 'Нижний Новгород', industry: 'Строительство', source: 'Сайт', manager: 'Иванова', status: 'Золотой', service: 'Консультация', firstContact: '2024-05-15' },
  { id: 'К-00012', name: 'ИП Лебедев Олег', ...company, phone: '+7 917 555-10-20', email: 'lebedev.ip@mail.ru', city: 'Самара', industry: 'Торговля', source: 'Реклама', manager: 'Петрова', status: 'Белый', firstContact: '2024-06-25' },
];

/** Date, client ID, client, service, amount, order number, manager. */
const ORDERS: CellValue[][] = [
  ['2024-01-10', 'К-00001', 'ООО «Ромашка»', 'Аудит', 120000, 'З-1', 'Иванова'],
  ['2024-03-31', 'К-00001', 'ООО «Ромашка»', 'Консультация', 15000, 'З-2', 'Иванова'],
  ['2023-11-01', 'К-00002', 'Петров Пётр Петрович', 'Бухгалтерское сопровождение', 30000, 'З-3', 'Иванова'],
  ['2024-02-01', 'К-00002', 'Петров Пётр Петрович', 'Бухгалтерское сопровождение', 30000, 'З-4', 'Иванова'],
  ['2024-05-01', 'К-00002', 'Петров Пётр Петрович', 'Бухгалтерское сопровождение', 30000, 'З-5', 'Иванова'],
  ['2024-06-20', 'К-00002', 'Петров Пётр Петрович', 'Бухгалтерское сопровождение', 30000, 'З-6', 'Иванова'],
  ['2024-06-01', 'К-00004', 'АО «Вектор»', 'Аудит', 80000, 'З-7', 'Смирнов'],
  ['2023-12-15', 'К-00007', 'Орлов Игорь', 'Регистрация ИП', 5000, 'З-8', 'Петрова'],
  ['2024-06-25', 'К-00008', 'ООО «Северный ветер»', 'Консультация', 3000, 'З-9', 'Петрова'],
  ['2024-02-15', 'К-00009', 'Волкова Анна Сергеевна', 'Бухгалтерское сопровождение', 25000, 'З-10', 'Смирнов'],
  ['2024-04-15', 'К-00009', 'Волкова Анна Сергеевна', 'Бухгалтерское сопровождение', 25000, 'З-11', 'Смирнов'],
  ['2024-06-15', 'К-00009', 'Волкова Анна Сергеевна', 'Бухгалтерское сопровождение', 25000, 'З-12', 'Смирнов'],
  ['2024-04-10', 'К-00010', 'ООО «Техносервис»', 'Аудит', 60000, 'З-13', 'Петрова'],
  ['2024-05-20', 'К-00011', 'Зайцев Дмитрий', 'Консультация', 4000, 'З-14', 'Иванова'],
  ['2024-06-10', 'К-00011', 'Зайцев Дмитрий', 'Регистрация ИП', 6000, 'З-15', 'Иванова'],
].map(([date, ...rest]) => [day(date as string), ...rest]);

const SERVICES: SheetSnapshot = {
  name: 'Услуги',
  header: ['Услуга', 'Категория', 'Цена', 'Для кого', 'Активна'],
  rows: [
    ['Бухгалтерское сопровождение', 'Бухгалтерия', 30000, 'Компания', 'Да'],
    ['Регистрация ИП', 'Регистрация', 5000, 'Физлицо', 'Да'],
    ['Аудит', 'Аудит', 80000, 'Компания', 'Да'],
    ['Консультация', 'Консультации', 3000, 'Физлицо', 'Да'],
  ],
};

/**
 * A fresh copy of the fixture workbook; `extraClients` are appended below the twelve (for tests that
 * need a long list or many bad cells).
 */
export function fixtureBook(extraClients: readonly FixtureClient[] = []): WorkbookSnapshot {
  return {
    sheets: [
      { ...SERVICES, rows: SERVICES.rows.map((row) => [...row]) },
      { name: 'Клиенты', header: [...CLIENT_HEADER], rows: [...CLIENTS, ...extraClients].map(clientRow) },
      { name: 'Заказы', header: ['Дата', 'ID клиента', 'Клиент', 'Услуга', 'Сумма', 'Номер заказа', 'Менеджер'], rows: ORDERS.map((row) => [...row]) },
    ],
  };
}

/** `count` more clients with IDs from К-00013 on, each shaped by `shape` (given 0, 1, 2…). */
export function moreClients(count: number, shape: (i: number) => Omit<FixtureClient, 'id'>): FixtureClient[] {
  return Array.from({ length: count }, (_, i) => ({ id: `К-${String(CLIENTS.length + 1 + i).padStart(5, '0')}`, ...shape(i) }));
}
