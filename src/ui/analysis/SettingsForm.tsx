import { useEffect, useState } from 'react';
import { Button, Dropdown, Field, Input, Option } from '@fluentui/react-components';
import { BusySpinner } from '../components/BusySpinner';
import type { DuplicateSensitivity, RfmMode, Settings } from '../../core/settings';
import { usePanel } from '../context';
import { useBusy } from '../hooks/useBusy';
import { DoneBar, ErrorBar } from '../components/ErrorBar';
import type { MessageKey, Translate } from '../i18n';
import { useLayout } from '../styles';

/** The numeric settings as typed (text, so a half-typed number is not lost), with their bounds. */
const NUMBERS = [
  { key: 'abcA', label: 'settings.abcA', hint: 'settings.abcAHint', testId: 'settings-abc-a', min: 1, max: 99 },
  { key: 'abcB', label: 'settings.abcB', hint: 'settings.abcBHint', testId: 'settings-abc-b', min: 0, max: 99 },
  { key: 'coldDays', label: 'settings.coldDays', hint: 'settings.coldDaysHint', testId: 'settings-cold-days', min: 1, max: 3650 },
  { key: 'managerLimit', label: 'settings.managerLimit', hint: 'settings.managerLimitHint', testId: 'settings-manager-limit', min: 1, max: 100000 },
] as const satisfies ReadonlyArray<{ key: keyof Settings; label: MessageKey; hint: MessageKey; testId: string; min: number; max: number }>;

type NumberKey = (typeof NUMBERS)[number]['key'];
type Typed = Record<NumberKey, string> & { phoneRegion: string };

const RFM_MODES: readonly RfmMode[] = ['percentiles', 'fixed'];
const SENSITIVITIES: readonly DuplicateSensitivity[] = ['strict', 'normal', 'loose'];

/** The settings to save, or the first reason they cannot be. */
export function readSettings(base: Settings, typed: Typed, t: Translate): Settings | string {
  const next: Settings = { ...base, phoneRegion: typed.phoneRegion.trim().toUpperCase() };
  for (const { key, label, min, max } of NUMBERS) {
    const value = Number(typed[key].trim());
    if (typed[key].trim() === '' || !Number.isInteger(value) || value < min || value > max) {
      return t('settings.invalidNumber', { field: t(label), min, max });
    }
    next[key] = value;
  }
  if (next.abcA + next.abcB > 100) return t('settings.abcSum');
  if (!/^[A-Z]{2}$/.test(next.phoneRegion)) return t('settings.invalidRegion');
  return next;
}

function typedFrom(settings: Settings): Typed {
  return {
    abcA: String(settings.abcA),
    abcB: String(settings.abcB),
    coldDays: String(settings.coldDays),
    managerLimit: String(settings.managerLimit),
    phoneRegion: settings.phoneRegion,
  };
}

/** ABC cut-offs, cold days, RFM mode, phone region, manager limit, duplicate sensitivity. */
export function SettingsForm() {
  const { actions, t } = usePanel();
  const layout = useLayout();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [typed, setTyped] = useState<Typed | null>(null);
  const [saved, setSaved] = useState(false);
  const busy = useBusy();

  const { attempt } = busy;
  useEffect(() => {
    void attempt(async () => {
      const loaded = await actions.getSettings();
      setSettings(loaded);
      setTyped(typedFrom(loaded));
    });
  }, [actions, attempt]);

  const save = async () => {
    if (!settings || !typed) return;
    const next = readSettings(settings, typed, t);
    if (typeof next === 'string') return busy.fail(next);
    const done = await busy.attempt(async () => {
      await actions.saveSettings(next);
      return true;
    });
    if (done) {
      setSettings(next);
      setSaved(true);
    }
  };

  const changeTyped = (patch: Partial<Typed>) => {
    setSaved(false);
    setTyped((previous) => previous && { ...previous, ...patch });
  };
  const changeChoice = (patch: Partial<Pick<Settings, 'rfmMode' | 'duplicateSensitivity'>>) => {
    setSaved(false);
    setSettings((previous) => previous && { ...previous, ...patch });
  };

  return (
    <div className={layout.stack}>
      <h2 className={layout.title}>{t('settings.title')}</h2>
      {!typed || !settings ? (
        busy.busy && <BusySpinner size="tiny" label={t('common.loading')} />
      ) : (
        <div className={layout.grid}>
            {NUMBERS.map(({ key, label, hint, testId, min, max }) => (
              <Field key={key} label={t(label)} hint={t(hint)} size="small">
                <Input
                  size="small"
                  type="number"
                  min={min}
                  max={max}
                  className={layout.control}
                  data-testid={testId}
                  value={typed[key]}
                  onChange={(_, data) => changeTyped({ [key]: data.value })}
                />
              </Field>
            ))}
            <Field label={t('settings.rfmMode')} hint={t('settings.rfmModeHint')} size="small">
              <Dropdown
                size="small"
                className={layout.control}
                data-testid="settings-rfm-mode"
                value={t(`settings.rfmMode.${settings.rfmMode}`)}
                selectedOptions={[settings.rfmMode]}
                onOptionSelect={(_, data) => changeChoice({ rfmMode: data.optionValue as RfmMode })}
              >
                {RFM_MODES.map((mode) => (
                  <Option key={mode} value={mode}>
                    {t(`settings.rfmMode.${mode}`)}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <Field label={t('settings.phoneRegion')} hint={t('settings.phoneRegionHint')} size="small">
              <Input
                size="small"
                maxLength={2}
                className={layout.control}
                data-testid="settings-phone-region"
                value={typed.phoneRegion}
                onChange={(_, data) => changeTyped({ phoneRegion: data.value })}
              />
            </Field>
            <Field label={t('settings.duplicateSensitivity')} hint={t('settings.duplicateSensitivityHint')} size="small">
              <Dropdown
                size="small"
                className={layout.control}
                data-testid="settings-duplicates"
                value={t(`settings.sensitivity.${settings.duplicateSensitivity}`)}
                selectedOptions={[settings.duplicateSensitivity]}
                onOptionSelect={(_, data) => changeChoice({ duplicateSensitivity: data.optionValue as DuplicateSensitivity })}
              >
                {SENSITIVITIES.map((level) => (
                  <Option key={level} value={level}>
                    {t(`settings.sensitivity.${level}`)}
                  </Option>
                ))}
              </Dropdown>
            </Field>
        </div>
      )}
      <ErrorBar error={busy.error} onDismiss={busy.clearError} />
      <DoneBar message={saved ? t('settings.saved') : null} testId="settings-saved" />
      <div className={layout.row}>
        <Button size="small" appearance="primary" data-testid="save-settings" disabled={busy.busy || !typed} onClick={() => void save()}>
          {t('settings.save')}
        </Button>
      </div>
    </div>
  );
}
