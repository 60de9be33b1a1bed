import { useState } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { usePanel } from '../context';
import { formatNumber } from '../format';

/**
 * After an analysis: typed order-history values that the orders have moved on were kept as typed. The user
 * may replace them, in two steps — the second says what happens to the old values before anything changes.
 */
export function TypedDifferingBar({ count, busy, onConfirm }: { count: number; busy: boolean; onConfirm(): void }) {
  const { t, language } = usePanel();
  const [asking, setAsking] = useState(false);
  if (count === 0) return null;
  const n = formatNumber(count, language);
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="typed-differing">
      <MessageBarBody>
        <MessageBarTitle>{t('analysis.typedDifferingTitle')}</MessageBarTitle>
        {asking ? t('analysis.typedDifferingConfirm', { count: n }) : t('analysis.typedDiffering', { count: n })}
      </MessageBarBody>
      <MessageBarActions>
        {asking ? (
          <>
            <Button size="small" appearance="primary" disabled={busy} data-testid="typed-differing-confirm" onClick={() => { setAsking(false); onConfirm(); }}>
              {t('analysis.typedDifferingReplace')}
            </Button>
            <Button size="small" disabled={busy} onClick={() => setAsking(false)}>
              {t('common.cancel')}
            </Button>
          </>
        ) : (
          <Button size="small" disabled={busy} data-testid="typed-differing-update" onClick={() => setAsking(true)}>
            {t('analysis.typedDifferingUpdate')}
          </Button>
        )}
      </MessageBarActions>
    </MessageBar>
  );
}
