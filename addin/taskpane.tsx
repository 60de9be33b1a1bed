/**
 * The task pane page, which is also the shared runtime: it associates the ribbon commands and mounts the
 * side panel over the Office.js actions. A line above the panel shows what a ribbon command reported.
 */
import { mountPanel } from '../src/ui/mount';
import { associateRibbonCommands } from './commands';
import { excelCapabilities } from './gateway/requirements';
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

void Office.onReady(() => {
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
});
