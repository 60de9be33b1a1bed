import { ProgressBar, makeStyles } from '@fluentui/react-components';
import type { Progress } from '../../workbook/workbook';

const useStyles = makeStyles({
  // Fluent's bar slides to each new width over 0.3 s. A run reports progress more often than that, so the
  // bar never stopped sliding, and each frame of it laid out and repainted the panel: on a 20,000-client
  // base, «Всё сразу» spent about 0.3 s of the page's thread on it, taken from the cores the run works on.
  // The bar steps to each new value instead.
  bar: { transitionProperty: 'none' },
});

/** A run's progress: how much of it is done, or a moving bar while it does not know yet. */
export function StepProgress({ progress, testId }: { progress: Progress | null; testId?: string }) {
  const styles = useStyles();
  return <ProgressBar data-testid={testId} bar={{ className: styles.bar }} value={progress && progress.total > 0 ? progress.done / progress.total : undefined} />;
}
