import { useRef, useState } from 'react';
import { Button, Field, Text } from '@fluentui/react-components';
import type { ActionName, ActionResult } from '../../actions/panel';
import type { Progress } from '../../workbook/workbook';
import { render } from '../../core/messages/message';
import { usePanel } from '../context';
import { useBusy } from '../hooks/useBusy';
import { useRemembered } from '../hooks/useRemembered';
import { useRunProgress } from '../hooks/useRunProgress';
import { DoneBar, ErrorBar, WarningBar } from '../components/ErrorBar';
import { StepProgress } from '../components/StepProgress';
import { ACTION_LABELS } from '../labels';
import { useLayout } from '../styles';
import { ProblemList } from './ProblemList';
import { SummaryView } from './SummaryView';
import { TypedDifferingBar } from './TypedDifferingBar';
import type { AnalysisSummary } from '../../core/analysis';

const RUNNABLE: readonly ActionName[] = ['all', 'structure', 'check', 'tracker', 'abc', 'rfm', 'duplicates', 'funnel', 'funnelMovement', 'managers', 'planFact', 'clientValue', 'abcXyz', 'cohorts', 'today'];

/** How a run the user stopped ended: stopped (nothing of it kept), or finished anyway (writing had begun). */
type Stopped = 'cancelled' | 'finishedAnyway' | null;

/** The local actions' «stopped on the user's word» (src/actions/pacing.ts), by name: it may have crossed from a worker. */
const isCancel = (failure: unknown) => failure instanceof Error && failure.name === 'ActionCancelledError';

function percentOf(progress: Progress): number {
  return progress.total > 0 ? Math.min(100, Math.floor((100 * progress.done) / progress.total)) : 0;
}

/** The one-click actions, their progress, the result of the last one and the summary of the last analysis. */
export function RunPanel({ onRun }: { onRun?(result: ActionResult): void }) {
  const { actions, t, language, host } = usePanel();
  const layout = useLayout();
  const [result, setResult] = useRemembered<ActionResult | null>('analysis.result', null);
  const [summary, setSummary] = useRemembered<AnalysisSummary | null>('analysis.summary', null);
  const [progress, setProgress] = useRunProgress();
  const running = useBusy();
  // Google Sheets runs actions on Google's servers: nothing there listens for a cancel.
  const cancellable = host !== 'sheets';
  const cancel = useRef<AbortController | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [stopped, setStopped] = useState<Stopped>(null);

  const run = async (action: ActionName) => {
    setResult(null);
    setProgress(null);
    setStopped(null);
    const controller = new AbortController();
    cancel.current = controller;
    let wasCancelled = false;
    const done = await running.attempt(() =>
      actions.run(action, setProgress, controller.signal).catch((failure: unknown) => {
        if (!isCancel(failure)) throw failure;
        wasCancelled = true;
        return undefined;
      }),
    );
    cancel.current = null;
    setCancelling(false);
    setProgress(null);
    if (wasCancelled) setStopped('cancelled');
    else if (done && controller.signal.aborted) setStopped('finishedAnyway');
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
      {/* Above the bar: the step's name below it changes length, and the button must not move under the pointer. */}
      {running.busy && cancellable && (
        <Button
          size="small"
          data-testid="run-cancel"
          disabled={cancelling}
          onClick={() => {
            setCancelling(true);
            cancel.current?.abort();
          }}
        >
          {t('analysis.cancel')}
        </Button>
      )}
      {running.busy && (
        <Field
          size="small"
          validationState="none"
          validationMessage={
            <span data-testid="run-step">
              {cancelling ? t('analysis.cancelling') : progress ? t('analysis.progress', { step: render(progress.step, language), percent: percentOf(progress) }) : t('common.loading')}
            </span>
          }
        >
          <StepProgress testId="run-progress" progress={progress} />
        </Field>
      )}
      {stopped && <WarningBar testId="run-stopped" message={t(stopped === 'cancelled' ? 'analysis.cancelled' : 'analysis.finishedAnyway')} />}
      <ErrorBar error={running.error} onDismiss={running.clearError} />
      <DoneBar message={result?.message ?? null} testId="run-result" />
      <TypedDifferingBar count={result?.typedDiffering ?? 0} busy={running.busy} onConfirm={() => void run('updateTyped')} />
      {result && result.problems.length > 0 && <ProblemList problems={result.problems} />}
      {summary && <SummaryView summary={summary} />}
    </div>
  );
}
