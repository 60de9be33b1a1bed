/**
 * The «Клиентская база» / "Client base" menu: the same actions as the Excel ribbon. Each item names a
 * global function of the server bundle (server.ts exports them under exactly these names).
 */
import type { ActionName } from '../../src/actions/panel';
import type { Language } from '../../src/core/model';

export interface MenuItem {
  ru: string;
  en: string;
  functionName: string;
  /** The action it runs; absent for "open the panel". */
  action?: ActionName;
}

export const MENU_TITLE = { ru: 'Клиентская база', en: 'Client base' } as const;

/** `null` is a separator. */
export const MENU_ITEMS: ReadonlyArray<MenuItem | null> = [
  { ru: 'Открыть панель', en: 'Open the panel', functionName: 'showSidebar' },
  null,
  { ru: 'Структурировать базу', en: 'Structure the base', functionName: 'menuStructure', action: 'structure' },
  { ru: 'Проверить данные', en: 'Check the data', functionName: 'menuCheck', action: 'check' },
  // asks first: it changes values the user typed (archived before)
  { ru: 'Исправить форматы дат и сумм', en: 'Fix date and amount formats', functionName: 'menuFixValues', action: 'fixValues' },
  { ru: 'Найти дубликаты', en: 'Find duplicates', functionName: 'menuDuplicates', action: 'duplicates' },
  { ru: 'Обновить трекер заказов', en: 'Update the order tracker', functionName: 'menuTracker', action: 'tracker' },
  // asks first: it replaces values the user typed (archived before)
  { ru: 'Обновить значения, введённые вручную', en: 'Update typed values', functionName: 'menuUpdateTyped', action: 'updateTyped' },
  null,
  { ru: 'ABC-анализ', en: 'ABC analysis', functionName: 'menuAbc', action: 'abc' },
  { ru: 'RFM-анализ', en: 'RFM analysis', functionName: 'menuRfm', action: 'rfm' },
  { ru: 'Отчёт по воронке', en: 'Funnel report', functionName: 'menuFunnel', action: 'funnel' },
  { ru: 'Ценность клиентов (CLV)', en: 'Client value (CLV)', functionName: 'menuClientValue', action: 'clientValue' },
  { ru: 'ABC-XYZ', en: 'ABC-XYZ', functionName: 'menuAbcXyz', action: 'abcXyz' },
  { ru: 'Воронка: движение', en: 'Funnel movement', functionName: 'menuFunnelMovement', action: 'funnelMovement' },
  { ru: 'Нагрузка менеджеров', en: 'Manager load', functionName: 'menuManagers', action: 'managers' },
  { ru: 'Когорты: удержание клиентов', en: 'Cohorts: client retention', functionName: 'menuCohorts', action: 'cohorts' },
  { ru: 'План/факт по менеджерам', en: 'Plan vs actual by manager', functionName: 'menuPlanFact', action: 'planFact' },
  null,
  { ru: 'Все анализы сразу', en: 'All analyses at once', functionName: 'menuAll', action: 'all' },
  null,
  { ru: 'Сегодня: кому звонить', en: 'Today: whom to contact', functionName: 'menuToday', action: 'today' },
  // a time-driven trigger (server/daily-letter.ts); the addresses are a setting
  { ru: 'Письмо «Сегодня» менеджерам по утрам: включить', en: 'Morning Today letter to managers: on', functionName: 'menuLetterOn' },
  { ru: 'Письмо «Сегодня» по утрам: выключить', en: 'Morning Today letter: off', functionName: 'menuLetterOff' },
  null,
  // a long action is written over several executions of 6 minutes at most (jobs/runner.ts)
  { ru: 'Продолжить прерванное действие', en: 'Continue the interrupted action', functionName: 'menuContinue' },
  { ru: 'Отменить прерванное действие', en: 'Discard the interrupted action', functionName: 'menuDiscard' },
];

/** «Клиентская база → Найти дубликаты», for messages that send the user to a menu item. */
export function menuPath(functionName: string, language: Language): string {
  const item = MENU_ITEMS.find((i) => i?.functionName === functionName);
  if (!item) throw new Error(`menuPath: no menu item calls ${functionName}`);
  return language === 'en' ? `${MENU_TITLE.en} → ${item.en}` : `«${MENU_TITLE.ru} → ${item.ru}»`;
}

/** Russian first: English only for a spreadsheet whose locale is English. */
export function menuLanguage(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'ru';
}

/**
 * `createAddonMenu` when running as an installed add-on (its items sit under Extensions), `createMenu`
 * in a container-bound script (the menu appears in the menu bar).
 */
export function buildMenu(ui: GoogleAppsScript.Base.Ui, language: Language, asAddon: boolean): void {
  let menu = asAddon ? ui.createAddonMenu() : ui.createMenu(MENU_TITLE[language]);
  for (const item of MENU_ITEMS) menu = item ? menu.addItem(item[language], item.functionName) : menu.addSeparator();
  menu.addToUi();
}
