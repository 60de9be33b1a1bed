import { useState } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, Text } from '@fluentui/react-components';
import type { ActionResult } from '../../actions/panel';
import { usePanel } from '../context';
import { useBusy } from '../hooks/useBusy';
import { DoneBar, ErrorBar } from '../components/ErrorBar';
import { ProblemList } from '../analysis/ProblemList';
import { useLayout } from '../styles';

/**
 * "Fix formats": dates and amounts typed as text made real. It changes what the user typed, so it asks
 * first, saying where the old values go; nothing is written before the second click.
 */
export function FixValues({ onDone }: { onDone?(): void }) {
  const { actions, t } = usePanel();
  const layout = useLayout();
  const busy = useBusy();
  const [asking, setAsking] = useState(false);
  const [result, setResult] = useState<ActionResult | null>(null);

  const fix = async () => {
    setAsking(false);
    setResult(null);
    const done = await busy.attempt(() => actions.run('fixValues'));
    if (!done) return;
    setResult(done);
    onDone?.();
  };

  return (
    <div className={layout.stack}>
      <div className={layout.row}>
        <Button size="small" data-testid="fix-values" disabled={busy.busy || asking} onClick={() => setAsking(true)}>
          {t('setup.fixValues')}
        </Button>
      </div>
      <Text size={200} className={layout.muted}>
        {t('setup.fixValuesHint')}
      </Text>
      {asking && (
        <MessageBar intent="warning" layout="multiline" data-testid="fix-values-confirm">
          <MessageBarBody>{t('setup.fixValuesConfirm')}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="primary" data-testid="fix-values-run" onClick={() => void fix()}>
              {t('setup.fixValuesRun')}
            </Button>
            <Button size="small" onClick={() => setAsking(false)}>
              {t('common.cancel')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <ErrorBar error={busy.error} onDismiss={busy.clearError} />
      <DoneBar message={result?.message ?? null} testId="fix-values-done" />
      {result && result.problems.length > 0 && <ProblemList problems={result.problems} />}
    </div>
  );
}
