import { Dropdown, Field, Option } from '@fluentui/react-components';
import { usePanel } from '../context';
import { useLayout } from '../styles';

export interface Choice<T extends string> {
  value: T;
  label: string;
}

interface Props<T extends string> {
  label: string;
  choices: ReadonlyArray<Choice<T>>;
  selected: readonly T[];
  onChange(selected: T[]): void;
  testId: string;
  disabled?: boolean;
}

/** A compact multi-choice dropdown: "All" when nothing is picked, the value when one is, a count otherwise. */
export function MultiSelect<T extends string>({ label, choices, selected, onChange, testId, disabled }: Props<T>) {
  const { t } = usePanel();
  const layout = useLayout();
  const labelOf = (value: T) => choices.find((c) => c.value === value)?.label ?? value;
  const summary =
    selected.length === 0
      ? t('clients.filter.any')
      : selected.length === 1
        ? labelOf(selected[0])
        : t('clients.filter.selected', { count: selected.length });
  return (
    <Field label={label} size="small">
      <Dropdown
        multiselect
        size="small"
        className={layout.control}
        data-testid={testId}
        disabled={disabled}
        value={summary}
        title={selected.map(labelOf).join(', ')}
        selectedOptions={[...selected]}
        onOptionSelect={(_, data) => onChange(data.selectedOptions as T[])}
      >
        {choices.map((choice) => (
          <Option key={choice.value} value={choice.value} text={choice.label}>
            {choice.label}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
