/**
 * The task pane page, which is also the shared runtime: it associates the ribbon commands and mounts the
 * side panel over the Office.js actions. A line above the panel shows what a ribbon command reported.
 */
import { mountPanel } from '../src/ui/mount';
import { associateRibbonCommands } from './commands';
import { excelCapabilities } from './gateway/requirements';
import { browserLanguage, showOutsideOffice } from './outside-office';
import { addinRuntime, officeLanguage, onNotice } from './runtime';

const UNSUPPORTED = {
  ru: 'Нужен Excel с ExcelApi 1.9 или новее (Microsoft 365, Excel 2021, Excel в браузере).',
  en: 'Excel with ExcelApi 1.9 or later is needed (Microsoft 365, Excel 2021, Excel on the web).',
};

function showNotices(line: HTMLElement): void {
  onNotice((notice) => {
    line.textContent = notice.message;
    line.dataset.kind = notice.kind;
    line.hidden = false;
  });
}

function start(info: { host: Office.HostType | null }): void {
  if (info.host !== Office.HostType.Excel) {
    const root = document.getElementById('root');
    if (root) showOutsideOffice(root, browserLanguage(), true);
    return;
  }
  associateRibbonCommands();
  const language = officeLanguage();
  const line = document.getElementById('notice');
  if (line) showNotices(line);
  const root = document.getElementById('root');
  if (!root) return;
  if (!excelCapabilities().minimum) {
    root.textContent = UNSUPPORTED[language];
    return;
  }
  mountPanel(root, { actions: addinRuntime().actions, language, host: 'excel' });
}

// Outside Excel: Office.js missing (no access to its CDN), or loaded in a plain tab (onReady's host is null).
if (typeof Office === 'undefined') {
  const root = document.getElementById('root');
  if (root) showOutsideOffice(root, browserLanguage(), false);
} else {
  void Office.onReady(start);
}
