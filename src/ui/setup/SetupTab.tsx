import { useCallback, useEffect, useState } from 'react';
import { Button, Dropdown, Field, Option, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { FieldMapping, LayoutView } from '../../actions/panel';
import type { Message } from '../../core/messages/message';
import { usePanel } from '../context';
import { useBusy } from '../hooks/useBusy';
import { useRunProgress } from '../hooks/useRunProgress';
import { DoneBar, ErrorBar } from '../components/ErrorBar';
import { StepProgress } from '../components/StepProgress';
import { FIELD_LABELS, type FieldLabels } from '../labels';
import { useLayout } from '../styles';
import { FixValues } from './FixValues';

type SheetRole = keyof FieldLabels;
const ROLES: readonly SheetRole[] = ['services', 'clients', 'orders'];

const useStyles = makeStyles({
  mapping: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  // A horizontal Field is a grid of label and control; a long Russian label wraps instead of widening it.
  field: { alignItems: 'center', minWidth: 0 },
  managed: { display: 'block', color: tokens.colorBrandForeground2 },
});

/** The headers a field of this sheet may be mapped to: those the product found plus the user's own. */
export function headersOf(layout: LayoutView, role: SheetRole): string[] {
  const sheet = layout[role].sheet;
  const found = layout[role].fields.map((f) => f.header).filter((h): h is string => h !== null);
  const unknown = layout.unknownHeaders.filter((u) => u.sheet === sheet).map((u) => u.header);
  return [...new Set([...found, ...unknown])];
}

/** The detected sheets and columns, a way to correct a column, and "structure the base". */
export function SetupTab() {
  const { actions, t } = usePanel();
  const layout = useLayout();
  const [view, setView] = useState<LayoutView | null>(null);
  const [progress, setProgress] = useRunProgress();
  const [structured, setStructured] = useState<Message | null>(null);
  const busy = useBusy();

  const { attempt } = busy;
  const load = useCallback(async () => {
    const loaded = await attempt(() => actions.layout());
    if (loaded) setView(loaded);
  }, [actions, attempt]);
  useEffect(() => {
    void load();
  }, [load]);

  const map = async (role: SheetRole, field: string, header: string | null) => {
    const updated = await busy.attempt(() => actions.setMapping(role, field, header));
    if (updated) setView(updated);
  };

  const structure = async () => {
    setStructured(null);
    const result = await busy.attempt(() => actions.run('structure', setProgress));
    setProgress(null);
    if (!result) return;
    setStructured(result.message);
    await load();
  };

  return (
    <div className={layout.stack}>
      <Text className={layout.muted}>{t('setup.hint')}</Text>
      <div className={layout.row}>
        <Button appearance="primary" size="small" data-testid="structure" disabled={busy.busy} onClick={() => void structure()}>
          {t('setup.structure')}
        </Button>
      </div>
      <Text size={200} className={layout.muted}>
        {t('setup.structureHint')}
      </Text>
      {progress && <StepProgress progress={progress} />}
      <ErrorBar error={busy.error} onDismiss={busy.clearError} />
      <DoneBar message={structured} testId="structure-done" />
      <FixValues onDone={() => void load()} />
      {view &&
        ROLES.map((role) => (
          <SheetMapping key={role} role={role} view={view} disabled={busy.busy} onMap={(field, header) => void map(role, field, header)} />
        ))}
      {view && view.unknownHeaders.length > 0 && (
        <section className={layout.section}>
          <h3 className={layout.title}>{t('setup.unknown')}</h3>
          <Text size={200} className={layout.wrap}>
            {view.unknownHeaders.map((u) => `${u.sheet}: ${u.header}`).join(' · ')}
          </Text>
        </section>
      )}
    </div>
  );
}

interface SheetMappingProps {
  role: SheetRole;
  view: LayoutView;
  disabled: boolean;
  onMap(field: string, header: string | null): void;
}

function SheetMapping({ role, view, disabled, onMap }: SheetMappingProps) {
  const { t, language } = usePanel();
  const layout = useLayout();
  const styles = useStyles();
  const sheet = view[role];
  const headers = headersOf(view, role);
  const labels: Record<string, string> = FIELD_LABELS[language][role];
  const NONE = '';
  return (
    <section className={layout.section} data-testid={`layout-${role}`}>
      <h3 className={layout.title}>{t(`setup.${role}`)}</h3>
      <Text size={200} className={layout.muted}>
        {sheet.sheet ? t('setup.sheet', { name: sheet.sheet }) : t('setup.sheetMissing')}
      </Text>
      {sheet.sheet && (
        <div className={styles.mapping}>
          {sheet.fields.map((mapping: FieldMapping) => (
            <Field
              key={mapping.field}
              size="small"
              orientation="horizontal"
              className={styles.field}
              label={
                <span className={layout.wrap}>
                  {labels[mapping.field] ?? mapping.field}{' '}
                  {/* Plain text, not a Badge: a badge cannot wrap, and the label column is narrow at 300 px. */}
                  {mapping.managed && !mapping.header && <span className={mergeClasses(layout.muted, styles.managed)}>{t('setup.managed')}</span>}
                </span>
              }
            >
              <Dropdown
                size="small"
                className={layout.control}
                data-testid={`mapping-${role}-${mapping.field}`}
                disabled={disabled}
                value={mapping.header ?? t('setup.notFound')}
                title={mapping.header ?? undefined}
                selectedOptions={[mapping.header ?? NONE]}
                onOptionSelect={(_, data) => {
                  const header = data.optionValue === NONE ? null : (data.optionValue ?? null);
                  if (header !== mapping.header) onMap(mapping.field, header);
                }}
              >
                <Option value={NONE}>{t('setup.notFound')}</Option>
                {headers.map((header) => (
                  <Option key={header} value={header}>
                    {header}
                  </Option>
                ))}
              </Dropdown>
            </Field>
          ))}
        </div>
      )}
    </section>
  );
}
