/**
 * The side panel, the same in the Excel task pane, the Google Sheets sidebar and the browser page.
 * It talks only to PanelActions; each host supplies them.
 *
 * Stable test ids (for component and Playwright tests):
 *   tabs:      tab-clients, tab-today, tab-add, tab-analysis, tab-setup
 *   Today:     today, today-manager, today-as-of, today-empty, today-<kind> (overdue, today, cold, birthday, new),
 *              today-count, today-item, today-show-all
 *   Clients:   search, filter-city, filter-industry, filter-status, filter-manager, filter-abc, filter-segment,
 *              filter-cold, filter-birthday, clear-filters, client-count, client-list, client-row, show-more,
 *              show-in-sheet, reset-sheet-filter, sheet-filter-done
 *   card:      client-card, card-back, card-name, card-status, card-suggestion, apply-suggestion, card-cold,
 *              tracker-figures, card-orders, card-revenue, card-first-order, card-last-order, card-days-since,
 *              card-history (the timeline: timeline-contact, timeline-status, timeline-order, timeline-typedOrder),
 *              contact-form, contact-kind, contact-result, contact-next-step, contact-next, log-contact,
 *              card-note, add-note, abc-badge, segment-badge, cold-badge
 *   Add:       new-client-name, new-client-phone, new-client-email, new-client-city, new-client-type,
 *              new-client-manager, new-client-status, new-client-service, new-client-source,
 *              new-client-comment, duplicate-warning, open-duplicate, save-client, client-saved,
 *              order-client, order-service, order-amount, order-date, order-number, order-comment,
 *              save-order, order-saved (with the card-* figures inside)
 *   Analysis:  run-structure, run-check, run-duplicates, run-tracker, run-abc, run-rfm, run-funnel,
 *              run-managers, run-all, run-progress, run-result, problems, problem, summary, abc-shares, abc-bar-A/B/C,
 *              pareto-chart (pareto-bar, pareto-line, pareto-limit, pareto-zone-A/B/C) or pareto-empty, segments,
 *              segment-chart (segment-<key>, segment-bar) or segments-empty, summary-cold, load-duplicates, dup-count, dup-group, dup-more, dup-shared-more, dup-keep, merge,
 *              merge-done, undo-merge, dup-done, dismiss, settings-abc-a, settings-abc-b, settings-cold-days,
 *              settings-rfm-mode, settings-phone-region, settings-manager-limit, settings-duplicates,
 *              save-settings, settings-saved
 *   Setup:     layout-services, layout-clients, layout-orders, mapping-<sheet>-<field>, structure
 *   anywhere:  error (a failed action, in a MessageBar)
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { FluentProvider, Tab, TabList, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import type { Language } from '../core/model';
import type { PanelActions } from '../actions/panel';
import { PanelContext, type Host, type PanelContextValue } from './context';
import { translator } from './i18n';
import { ClientsTab } from './clients/ClientsTab';
import { AddTab } from './add/AddTab';
import { TodayTab } from './today/TodayTab';
import { AnalysisTab } from './analysis/AnalysisTab';
import { SetupTab } from './setup/SetupTab';
import { CARD_MEMORY_KEY } from './clients/memory';

export interface ClientBasePanelProps {
  actions: PanelActions;
  /** Russian unless told otherwise. */
  language?: Language;
  host: Host;
}

export type TabKey = 'clients' | 'today' | 'add' | 'analysis' | 'setup';
const TABS: readonly TabKey[] = ['clients', 'today', 'add', 'analysis', 'setup'];

const useStyles = makeStyles({
  root: {
    boxSizing: 'border-box',
    minWidth: 0,
    maxWidth: '100%',
    minHeight: '100%',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalL}`,
    overflowWrap: 'anywhere',
    // The panel's own width (not the window's) decides the compact layout: the page shows it beside a grid.
    containerType: 'inline-size',
  },
  tabs: { flexWrap: 'wrap', marginBottom: tokens.spacingVerticalS },
  // Narrower than Fluent's default padding, and a size smaller when the panel is narrow, so the five tabs
  // fit on one line in a 300 px task pane whatever font the system substitutes for Segoe UI.
  tab: {
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    '@container (max-width: 310px)': { fontSize: tokens.fontSizeBase200, '& *': { fontSize: tokens.fontSizeBase200 } },
  },
});

export function ClientBasePanel({ actions, language = 'ru', host }: ClientBasePanelProps) {
  const styles = useStyles();
  const memory = useRef(new Map<string, unknown>()).current;
  const [tab, setTab] = useState<TabKey>('clients');

  const openClient = useCallback(
    (id: string) => {
      memory.set(CARD_MEMORY_KEY, id);
      setTab('clients');
    },
    [memory],
  );

  const context = useMemo<PanelContextValue>(
    () => ({ actions, language, host, t: translator(language), memory, openClient }),
    [actions, language, host, memory, openClient],
  );
  const t = context.t;

  return (
    // The layout class goes on an inner element, not on FluentProvider: the provider copies its className
    // onto the portal node that hosts every dropdown list and tooltip, and a full-height padded portal
    // node lies over the panel and swallows mouse clicks (dropdowns then never open).
    <FluentProvider theme={webLightTheme} lang={language} data-host={host}>
      <div className={styles.root}>
        <PanelContext.Provider value={context}>
          <TabList
            size="small"
            className={styles.tabs}
            selectedValue={tab}
            onTabSelect={(_, data) => setTab(data.value as TabKey)}
          >
            {TABS.map((key) => (
              <Tab key={key} value={key} className={styles.tab} data-testid={`tab-${key}`}>
                {t(`tab.${key}`)}
              </Tab>
            ))}
          </TabList>
          {/* Only the active tab is mounted; what must outlive a switch lives in `memory`. */}
          <div role="tabpanel" aria-label={t(`tab.${tab}`)}>
            {tab === 'clients' && <ClientsTab />}
            {tab === 'today' && <TodayTab />}
            {tab === 'add' && <AddTab />}
            {tab === 'analysis' && <AnalysisTab />}
            {tab === 'setup' && <SetupTab />}
          </div>
        </PanelContext.Provider>
      </div>
    </FluentProvider>
  );
}
