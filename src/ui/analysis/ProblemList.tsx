import { Text } from '@fluentui/react-components';
import type { Problem } from '../../core/model';
import { render } from '../../core/messages/message';
import { usePanel } from '../context';
import { formatNumber } from '../format';
import { useLayout } from '../styles';

/** How many problems the panel lists; the rest are on the check sheet. */
export const PROBLEMS_SHOWN = 50;

export function ProblemList({ problems }: { problems: Problem[] }) {
  const { t, language } = usePanel();
  const layout = useLayout();
  const hidden = problems.length - PROBLEMS_SHOWN;
  return (
    <section className={layout.stack} data-testid="problems">
      <h3 className={layout.title}>{t('analysis.problems', { count: formatNumber(problems.length, language) })}</h3>
      <ul className={layout.list}>
        {problems.slice(0, PROBLEMS_SHOWN).map((problem, index) => (
          <li key={index} className={layout.wrap} data-testid="problem">
            <Text size={200} weight="semibold">
              {t('analysis.problemAt', { sheet: problem.sheet, row: problem.row, column: problem.column })}
            </Text>{' '}
            <Text size={200}>{render(problem.message, language)}</Text>
            {problem.value && <Text size={200} className={layout.muted}>{` («${problem.value}»)`}</Text>}
          </li>
        ))}
      </ul>
      {hidden > 0 && <Text className={layout.muted}>{t('analysis.problemsMore', { count: formatNumber(hidden, language) })}</Text>}
    </section>
  );
}
