/**
 * The task pane opened where it cannot work: in a plain browser tab (Office.js loads, but there is no
 * Excel around it), or with Office.js not loaded at all (no access to Microsoft's CDN). Instead of a
 * blank page it says what the page is, how to open it from Excel, and where to try the product without
 * Excel: the standalone page `npm start` serves.
 */
import type { Language } from '../src/core/model';

/** Microsoft's guide to sideloading an add-in, in the user's language. */
const SIDELOAD_HELP: Record<Language, string> = {
  ru: 'https://learn.microsoft.com/ru-ru/office/dev/add-ins/testing/sideload-office-add-ins-for-testing',
  en: 'https://learn.microsoft.com/en-us/office/dev/add-ins/testing/sideload-office-add-ins-for-testing',
};

const TEXT = {
  ru: {
    title: 'Откройте надстройку из Excel',
    what: 'Это панель надстройки «Клиентская база». Она работает внутри Excel: в обычной вкладке браузера ей не с чем работать.',
    how: 'Как добавить надстройку в Excel (загрузка неопубликованной надстройки)',
    noOffice: 'Библиотека Office.js не загрузилась: проверьте доступ к appsforoffice.microsoft.com.',
    page: 'Попробовать без Excel: `npm start` открывает страницу с примером базы, http://127.0.0.1:8080/page/.',
  },
  en: {
    title: 'Open the add-in from Excel',
    what: 'This is the panel of the client-base add-in. It works inside Excel: in a plain browser tab it has nothing to work on.',
    how: 'How to add the add-in to Excel (sideloading)',
    noOffice: 'Office.js did not load: check access to appsforoffice.microsoft.com.',
    page: 'To try it without Excel: `npm start` opens a page with a sample base, http://127.0.0.1:8080/page/.',
  },
} as const;

/** The browser's language, the only one known outside Office. */
export function browserLanguage(): Language {
  return (navigator.language || '').toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

/** Fills `root` with the explanation; `officeLoaded` false adds why Office.js is missing. */
export function showOutsideOffice(root: HTMLElement, language: Language, officeLoaded: boolean): void {
  const text = TEXT[language];
  const block = document.createElement('section');
  block.setAttribute('role', 'alert');
  block.dataset.testid = 'outside-office';
  block.style.cssText = 'padding: 16px; font-size: 14px; line-height: 1.45; max-width: 36em;';
  const title = document.createElement('h1');
  title.style.cssText = 'font-size: 18px; margin: 0 0 8px;';
  title.textContent = text.title;
  const paragraph = (content: string) => {
    const p = document.createElement('p');
    p.textContent = content;
    return p;
  };
  const link = document.createElement('a');
  link.href = SIDELOAD_HELP[language];
  link.target = '_blank';
  link.rel = 'noopener';
  link.textContent = text.how;
  const help = document.createElement('p');
  help.append(link);
  block.append(title, paragraph(text.what), help);
  if (!officeLoaded) block.append(paragraph(text.noOffice));
  block.append(paragraph(text.page));
  root.replaceChildren(block);
}
