import { useState } from 'react';
import { Button, CounterBadge, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { BIRTHDAY_BANDS, BIRTHDAY_BAND_TITLES, type BirthdayItem } from '../../core/birthday-list';
import { usePanel } from '../context';
import { useClientRowStyles } from '../clients/ClientsTab';
import { formatDate } from '../format';
import { useLayout } from '../styles';
import type { Translate } from '../i18n';
import { useFirstRows } from './first-rows';

/** A client's row, greeting and buttons read as one item: a line under each sets it apart from the next. */
const useItemStyles = makeStyles({
  item: { paddingBottom: tokens.spacingVerticalS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
});

/** Puts `text` on the clipboard; false when the host refuses (a sandboxed frame without the permission). */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** «через 3 дня», «сегодня», «5 дней назад». */
function whenSaid(days: number, t: Translate): string {
  if (days === 0) return t('birthdays.onDay');
  return days > 0 ? t('birthdays.inDays', { days }) : t('birthdays.daysAgo', { days: -days });
}

/**
 * «Дни рождения»: today, the next 7 days and the rest of this month (core/birthday-list.ts), each client
 * with the greeting to copy and a «Поздравлен» button that logs it (the mark is a history row).
 */
export function BirthdaysSection({ items, busy, onMark, onOpen }: { items: BirthdayItem[]; busy: boolean; onMark(item: BirthdayItem): void; onOpen(item: BirthdayItem): void }) {
  const { t } = usePanel();
  const layout = useLayout();
  // Only those still to congratulate ask for anything.
  const waiting = items.filter((item) => !item.congratulated && item.days >= 0).length;
  return (
    <section className={layout.section} data-testid="today-birthday">
      <div className={layout.row}>
        <h3 className={layout.title}>{t('birthdays.title')}</h3>
        <CounterBadge count={waiting} showZero overflowCount={9999} color="brand" data-testid="today-count" />
      </div>
      <Text size={200} className={layout.muted}>
        {t('birthdays.template')}
      </Text>
      {BIRTHDAY_BANDS.map((band) => {
        const own = items.filter((item) => item.band === band);
        return own.length > 0 && <BirthdayBand key={band} band={band} items={own} busy={busy} onMark={onMark} onOpen={onOpen} />;
      })}
    </section>
  );
}

function BirthdayBand({ band, items, busy, onMark, onOpen }: { band: BirthdayItem['band']; items: BirthdayItem[]; busy: boolean; onMark(item: BirthdayItem): void; onOpen(item: BirthdayItem): void }) {
  const { t, language } = usePanel();
  const layout = useLayout();
  const styles = useClientRowStyles();
  const itemStyles = useItemStyles();
  const [copied, setCopied] = useState<string | null>(null);
  const [copyFailed, setCopyFailed] = useState(false);
  const { shown, showAll } = useFirstRows(items);
  const copy = async (item: BirthdayItem) => {
    const done = await copyText(item.greeting);
    setCopyFailed(!done);
    setCopied(done ? item.clientId : null);
  };
  return (
    <div className={layout.stack} data-testid={`birthdays-${band}`}>
      <div className={layout.row}>
        <Text weight="semibold">{BIRTHDAY_BAND_TITLES[band][language]}</Text>
        <CounterBadge count={items.length} overflowCount={9999} color="informative" data-testid="birthdays-count" />
      </div>
      {copyFailed && <Text size={200} data-testid="birthday-copy-failed">{t('birthdays.copyFailed')}</Text>}
      <ul className={layout.list}>
        {shown.map((item) => (
          <li key={item.clientId} className={mergeClasses(layout.stack, itemStyles.item)} data-testid="birthday-item" data-client-id={item.clientId}>
            <button type="button" className={styles.rowButton} data-testid="today-item" data-client-id={item.clientId} onClick={() => onOpen(item)}>
              <span className={mergeClasses(styles.name, layout.truncate)} title={item.client}>
                {item.client}
              </span>
              <span className={mergeClasses(layout.muted, layout.truncate)}>
                {[item.manager, formatDate(item.date, language), whenSaid(item.days, t), item.age !== null && t('birthdays.age', { age: item.age })].filter(Boolean).join(' · ')}
              </span>
            </button>
            {item.congratulated ? (
              <Text size={200} data-testid="birthday-congratulated">
                {t('birthdays.congratulated')}
              </Text>
            ) : (
              <>
                <Text size={200} className={layout.wrap} data-testid="birthday-greeting">
                  {item.greeting}
                </Text>
                <div className={layout.row}>
                  <Button size="small" data-testid="birthday-copy" onClick={() => void copy(item)}>
                    {copied === item.clientId ? t('birthdays.copied') : t('birthdays.copy')}
                  </Button>
                  <Button size="small" appearance="primary" data-testid="birthday-mark" title={t('birthdays.markHint')} disabled={busy} onClick={() => onMark(item)}>
                    {t('birthdays.mark')}
                  </Button>
                </div>
              </>
            )}
          </li>
        ))}
      </ul>
      {showAll}
    </div>
  );
}
