/**
 * The standalone page's entry. `?lang=en` shows it in English; `?panel=300` sets the panel's width in
 * pixels (300 is the narrowest task pane Excel gives); `?clients=20000&orders=150000` makes the sample
 * that big. The workbook and the core run in worker.js, built beside this bundle.
 */
import { createRoot } from 'react-dom/client';
import type { Language } from '../core/model';
import { DEFAULT_PANEL_WIDTH, PageApp } from './PageApp';
import { sampleSizeOf } from './page-files';
import { WorkerClient } from './worker-client';
import type { Endpoint } from './worker-protocol';

const params = new URLSearchParams(window.location.search);
const language: Language = params.get('lang') === 'en' ? 'en' : 'ru';
const requestedWidth = Number(params.get('panel'));
const panelWidth = Number.isFinite(requestedWidth) && requestedWidth >= 240 ? requestedWidth : DEFAULT_PANEL_WIDTH;
const worker = new WorkerClient(new Worker(new URL('worker.js', document.baseURI)) as unknown as Endpoint);

document.documentElement.lang = language;
const root = document.getElementById('root');
if (root) createRoot(root).render(<PageApp language={language} panelWidth={panelWidth} worker={worker} sampleSize={sampleSizeOf(window.location.search)} />);
