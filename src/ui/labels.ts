/** Names the panel gives to the product's fixed sets in each language: RFM segments, actions, the fields of each sheet. */
import type { Language, ClientField, OrderField, ServiceField } from '../core/model';
import type { ActionName } from '../actions/panel';
import type { SegmentKey } from '../core/rfm';

export const SEGMENT_LABELS: Record<Language, Record<SegmentKey, string>> = {
  ru: {
    champions: 'Чемпионы',
    loyal: 'Лояльные',
    potential_loyalists: 'Потенциально лояльные',
    new: 'Новички',
    promising: 'Перспективные',
    need_attention: 'Требуют внимания',
    about_to_sleep: 'Засыпающие',
    at_risk: 'Под угрозой',
    cant_lose: 'Нельзя потерять',
    hibernating: 'Спящие',
  },
  en: {
    champions: 'Champions',
    loyal: 'Loyal',
    potential_loyalists: 'Potential loyalists',
    new: 'New',
    promising: 'Promising',
    need_attention: 'Need attention',
    about_to_sleep: 'About to sleep',
    at_risk: 'At risk',
    cant_lose: 'Can’t lose',
    hibernating: 'Hibernating',
  },
};

export const ACTION_LABELS: Record<Language, Record<ActionName, string>> = {
  ru: {
    structure: 'Структура',
    check: 'Проверка',
    duplicates: 'Дубликаты',
    tracker: 'Трекер заказов',
    abc: 'ABC',
    rfm: 'RFM',
    funnel: 'Воронка',
    managers: 'Менеджеры',
    cohorts: 'Когорты',
    planFact: 'План/факт',
    all: 'Всё сразу',
    updateTyped: 'Обновить значения',
    fixValues: 'Исправить форматы',
    today: 'Лист «Сегодня»',
    clientValue: 'Ценность клиентов',
    abcXyz: 'ABC-XYZ',
    funnelMovement: 'Воронка: движение',
  },
  en: {
    structure: 'Structure',
    check: 'Check',
    duplicates: 'Duplicates',
    tracker: 'Order tracker',
    abc: 'ABC',
    rfm: 'RFM',
    funnel: 'Funnel',
    managers: 'Managers',
    cohorts: 'Cohorts',
    planFact: 'Plan vs actual',
    all: 'Everything',
    updateTyped: 'Update values',
    fixValues: 'Fix formats',
    today: 'Today sheet',
    clientValue: 'Client value',
    abcXyz: 'ABC-XYZ',
    funnelMovement: 'Funnel movement',
  },
};

/** Names of the fields of each sheet, for the Setup tab. */
export interface FieldLabels {
  services: Record<ServiceField, string>;
  clients: Record<ClientField, string>;
  orders: Record<OrderField, string>;
}

export const FIELD_LABELS: Record<Language, FieldLabels> = {
  ru: {
    services: { name: 'Название', category: 'Категория', price: 'Цена', audience: 'Для кого', description: 'Описание', active: 'Активна' },
    clients: {
      id: 'ID', name: 'Клиент', type: 'Тип', contact: 'Контактное лицо', phone: 'Телефон', email: 'E-mail', inn: 'ИНН',
      city: 'Город', industry: 'Отрасль', source: 'Источник', manager: 'Менеджер', status: 'Статус', service: 'Услуга',
      firstContact: 'Первый контакт', firstOrder: 'Первый заказ', lastOrder: 'Последний заказ', orders: 'Заказов',
      revenue: 'Выручка', daysSinceLastOrder: 'Дней без заказа', expectedOrder: 'Ожидаемый заказ', rhythm: 'Ритм', birthday: 'День рождения', nextContact: 'Следующий контакт',
      channel: 'Канал связи', consent: 'Согласие на рассылку', refusalReason: 'Причина отказа', comment: 'Комментарий', abc: 'ABC', rfm: 'RFM',
      segment: 'RFM-сегмент', duplicateGroup: 'Группа дублей',
    },
    orders: { date: 'Дата', clientId: 'ID клиента', client: 'Клиент', service: 'Услуга', amount: 'Сумма', number: 'Номер', manager: 'Менеджер', comment: 'Комментарий' },
  },
  en: {
    services: { name: 'Name', category: 'Category', price: 'Price', audience: 'For whom', description: 'Description', active: 'Active' },
    clients: {
      id: 'ID', name: 'Client', type: 'Type', contact: 'Contact person', phone: 'Phone', email: 'E-mail', inn: 'Tax ID',
      city: 'City', industry: 'Industry', source: 'Source', manager: 'Manager', status: 'Status', service: 'Service',
      firstContact: 'First contact', firstOrder: 'First order', lastOrder: 'Last order', orders: 'Orders',
      revenue: 'Revenue', daysSinceLastOrder: 'Days since last order', expectedOrder: 'Expected order', rhythm: 'Rhythm', birthday: 'Birthday', nextContact: 'Next contact',
      channel: 'Channel', consent: 'Marketing consent', refusalReason: 'Reason for refusal', comment: 'Comment', abc: 'ABC', rfm: 'RFM',
      segment: 'RFM segment', duplicateGroup: 'Duplicate group',
    },
    orders: { date: 'Date', clientId: 'Client ID', client: 'Client', service: 'Service', amount: 'Amount', number: 'Number', manager: 'Manager', comment: 'Comment' },
  },
};
