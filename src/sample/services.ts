/**
 * The catalogue of the sample firm, «Чистый город»: a Moscow-region cleaning and maintenance company
 * serving households and businesses. `weight` is how often the service is ordered by its audience.
 */
import type { SheetSnapshot } from '../workbook/snapshot';

export type Audience = 'Физ. лицо' | 'Компания';

export interface SampleService {
  name: string;
  category: string;
  price: number;
  audience: Audience;
  description: string;
  active: boolean;
  weight: number;
}

export const SAMPLE_SERVICES: readonly SampleService[] = [
  { name: 'Поддерживающая уборка квартиры', category: 'Уборка', price: 3500, audience: 'Физ. лицо', description: 'Сухая и влажная уборка, санузел, кухня, до 60 м²', active: true, weight: 30 },
  { name: 'Генеральная уборка квартиры', category: 'Уборка', price: 8900, audience: 'Физ. лицо', description: 'Все поверхности, шкафы внутри, техника, окна изнутри', active: true, weight: 14 },
  { name: 'Уборка после ремонта', category: 'Уборка', price: 14500, audience: 'Физ. лицо', description: 'Строительная пыль, следы краски и затирки', active: true, weight: 6 },
  { name: 'Уборка коттеджа', category: 'Уборка', price: 16000, audience: 'Физ. лицо', description: 'Дом до 200 м² с террасой', active: true, weight: 4 },
  { name: 'Мытьё окон', category: 'Уборка', price: 2400, audience: 'Физ. лицо', description: 'До 5 створок с двух сторон, рамы и подоконники', active: true, weight: 12 },
  { name: 'Химчистка дивана', category: 'Химчистка', price: 4200, audience: 'Физ. лицо', description: 'Трёхместный диван, выезд на дом', active: true, weight: 8 },
  { name: 'Химчистка ковра', category: 'Химчистка', price: 2800, audience: 'Физ. лицо', description: 'До 6 м², на месте', active: true, weight: 5 },
  { name: 'Химчистка матраса', category: 'Химчистка', price: 3300, audience: 'Физ. лицо', description: 'С двух сторон, антиклещевая обработка', active: true, weight: 4 },
  { name: 'Абонемент «Чистый дом» (4 уборки)', category: 'Абонементы', price: 12000, audience: 'Физ. лицо', description: 'Четыре поддерживающие уборки в месяц', active: true, weight: 5 },
  { name: 'Мастер на час', category: 'Обслуживание', price: 2500, audience: 'Физ. лицо', description: 'Мелкий ремонт: карнизы, полки, розетки', active: true, weight: 6 },
  { name: 'Уборка офиса (разовая)', category: 'Уборка', price: 7500, audience: 'Компания', description: 'Офис до 150 м², вечером или в выходные', active: true, weight: 10 },
  { name: 'Ежедневная уборка офиса (месяц)', category: 'Абонементы', price: 65000, audience: 'Компания', description: 'Уборщица на объекте, расходные материалы', active: true, weight: 9 },
  { name: 'Уборка склада', category: 'Уборка', price: 28000, audience: 'Компания', description: 'Склад до 1000 м², поломоечная машина', active: true, weight: 3 },
  { name: 'Уборка после мероприятия', category: 'Уборка', price: 18000, audience: 'Компания', description: 'Зал до 300 м², вывоз мусора', active: true, weight: 3 },
  { name: 'Мойка фасада', category: 'Уборка', price: 45000, audience: 'Компания', description: 'Фасад и витражи, промышленный альпинизм', active: true, weight: 1 },
  { name: 'Уборка прилегающей территории (месяц)', category: 'Абонементы', price: 22000, audience: 'Компания', description: 'Территория до 500 м², зимой — снег', active: true, weight: 4 },
  { name: 'Вывоз мусора', category: 'Обслуживание', price: 6500, audience: 'Компания', description: 'Контейнер 8 м³', active: true, weight: 5 },
  { name: 'Дезинсекция', category: 'Обслуживание', price: 5200, audience: 'Компания', description: 'Тараканы, клопы, муравьи; гарантия 3 месяца', active: true, weight: 4 },
  { name: 'Обслуживание кондиционеров', category: 'Обслуживание', price: 4500, audience: 'Компания', description: 'Чистка и заправка одного блока', active: true, weight: 5 },
  { name: 'Техобслуживание инженерных систем (месяц)', category: 'Абонементы', price: 38000, audience: 'Компания', description: 'Электрика, сантехника, вентиляция офиса', active: true, weight: 3 },
  { name: 'Озонирование помещения', category: 'Обслуживание', price: 3900, audience: 'Физ. лицо', description: 'Удаление запахов, до 100 м³; снята с продажи', active: false, weight: 1 },
];

export const SERVICES_SHEET_NAME = 'Услуги';
export const SERVICES_HEADER = ['Название', 'Категория', 'Цена', 'Для кого', 'Описание', 'Активна'] as const;

/** The services sheet of the sample and synthetic workbooks. */
export function servicesSheet(): SheetSnapshot {
  return {
    name: SERVICES_SHEET_NAME,
    header: [...SERVICES_HEADER],
    rows: SAMPLE_SERVICES.map((s) => [s.name, s.category, s.price, s.audience, s.description, s.active ? 'Да' : 'Нет']),
  };
}
