/**
 * The page's own strings (toolbar, grid), in Russian and English, the same way as the panel's
 * (src/ui/i18n.ts): the English dictionary is typed by the Russian one, so a missing key fails the build.
 */
import type { Language } from '../core/model';
import { format, type Vars } from '../ui/i18n';

const ru = {
  'page.title': 'Клиентская база',
  'page.subtitle': 'Надстройка для Excel и Google Таблиц — демо в браузере',
  'page.open': 'Открыть .xlsx',
  'page.download': 'Скачать результат',
  'page.sample': 'Образец',
  'page.sampleName': 'Образец «Чистый город»',
  'page.sampleHint': 'Демо-база: 2000 клиентов, 15 000 заказов, анализ на 01.11.2026.',
  'page.loadingSample': 'Готовим образец…',
  'page.opening': 'Открываем «{name}»…',
  'page.saving': 'Готовим файл…',
  'page.openFailed': 'Не удалось открыть «{name}»: {reason}',
  'page.downloadFailed': 'Не удалось сохранить файл: {reason}',
  'page.notXlsx': 'нужен файл .xlsx (Excel 2007 и новее).',
  'page.resultName': '{name} — результат.xlsx',
  'page.sampleFile': 'Клиентская база — образец',
  'grid.rows': 'Строк: {count}',
  'grid.filtered': 'Фильтр: показано {shown} из {count}',
  'grid.empty': 'Лист пуст.',
  'grid.sheets': 'Листы книги',
  'grid.validated': 'Значения выбираются из списка',
};

type MessageKey = keyof typeof ru;

const en: Record<MessageKey, string> = {
  'page.title': 'Client base',
  'page.subtitle': 'Add-in for Excel and Google Sheets — in-browser demo',
  'page.open': 'Open .xlsx',
  'page.download': 'Download result',
  'page.sample': 'Sample',
  'page.sampleName': 'Sample «Чистый город»',
  'page.sampleHint': 'Demo base: 2,000 clients, 15,000 orders, analysed as of 2026-11-01.',
  'page.loadingSample': 'Preparing the sample…',
  'page.opening': 'Opening “{name}”…',
  'page.saving': 'Preparing the file…',
  'page.openFailed': 'Could not open “{name}”: {reason}',
  'page.downloadFailed': 'Could not save the file: {reason}',
  'page.notXlsx': 'an .xlsx file is needed (Excel 2007 or later).',
  'page.resultName': '{name} — result.xlsx',
  'page.sampleFile': 'Client base — sample',
  'grid.rows': 'Rows: {count}',
  'grid.filtered': 'Filter: {shown} of {count} shown',
  'grid.empty': 'The sheet is empty.',
  'grid.sheets': 'Sheets of the workbook',
  'grid.validated': 'Values are picked from a list',
};

export type PageTranslate = (key: MessageKey, vars?: Vars) => string;

export function pageTranslator(language: Language): PageTranslate {
  const dictionary = language === 'en' ? en : ru;
  return (key, vars) => format(dictionary[key], vars);
}
