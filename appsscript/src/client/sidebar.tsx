/** The sidebar page: the shared React panel over the server's PanelActions. */
import { mountPanel } from '../../../src/ui/mount';
import { serverActions, type ScriptRun } from './server-actions';

declare const google: { script: { run: ScriptRun } };

const root = document.getElementById('root');
if (root) {
  const language = document.documentElement.lang === 'en' ? 'en' : 'ru';
  mountPanel(root, { actions: serverActions(() => google.script.run), language, host: 'sheets' });
}
