import { useState } from 'react';
import { Button, Field, ProgressBar, Text } from '@fluentui/react-components';
import type { ActionName, ActionResult } from '../../actions/panel';
import type { Progress } from '../../workbook/workbook';
import { render } from '../../core/messages/message';
import { usePanel } from '../context';
import { useBusy } from '../hooks/useBusy';
import { useRemembered } from '../hooks/useRemembered';
import { DoneBar, ErrorBar } from '../components/ErrorBar';
import { ACTION_LABELS } from '../labels';
import { useLayout } from '../styles';
import { ProblemList } from './ProblemList';
import { SummaryView } from './SummaryView';
import { TypedDifferingBar } from './TypedDifferingBar';
import type { AnalysisSummary } from '../../core/analysis';

const RUNNABLE: readonly ActionName[] = ['all', 'structure', 'check', 'tracker', 'abc', 'rfm', 'duplicates', 'funnel', 'managers'];

/** The one-click actions, their progress, the result of the last one and the summary of the last analysis. */
export function RunPanel({ onRun }: { onRun?(result: ActionResult): void }) {
  const { actions, t, language } = usePanel();
  const layout = useLayout();
  const [result, setResult] = useRemembered<ActionResult | null>('analysis.result', null);
  const [summary, setSummary] = useRemembered<AnalysisSummary | null>('analysis.summary', null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const running = useBusy();

  const run = async (action: ActionName) => {
    setResult(null);
    setProgress(null);
    const done = await running.attempt(() => actions.run(action, setProgress));
    setProgress(null);
    if (!done) return;
    setResult(done);
    if (done.summary) setSummary(done.summary);
    onRun?.(done);
  };

  return (
    <div className={layout.stack}>
      <h2 className={layout.title}>{t('analysis.runTitle')}</h2>
      <Text className={layout.muted}>{t('analysis.runHint')}</Text>
      <div className={layout.grid}>
        {RUNNABLE.map((action) => (
          <Button
            key={action}
            size="small"
            appearance={action === 'all' ? 'primary' : 'secondary'}
            data-testid={`run-${action}`}
            disabled={running.busy}
            onClick={() => void run(action)}
          >
            {ACTION_LABELS[language][action]}
          </Button>
        ))}
      </div>
      {running.busy && (
        <Field
          size="small"
          validationState="none"
          validationMessage={progress ? t('analysis.progress', { step: render(progress.step, language), done: progress.done, total: progress.total }) : t('common.loading')}
        >
          <ProgressBar data-testid="run-progress" value={progress && progress.total > 0 ? progress.done / progress.total : undefined} />
        </Field>
      )}
      <ErrorBar error={running.error} onDismiss={running.clearError} />
      <DoneBar message={result?.message ?? null} testId="run-result" />
      <TypedDifferingBar count={result?.typedDiffering ?? 0} busy={running.busy} onConfirm={() => void run('updateTyped')} />
      {result && result.problems.length > 0 && <ProblemList problems={result.problems} />}
      {summary && <SummaryView summary={summary} />}
    </div>
  );
}
