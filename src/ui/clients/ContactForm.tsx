import { useState } from 'react';
import { Button, Dropdown, Field, Input, Option, Textarea } from '@fluentui/react-components';
import type { ClientCard } from '../../actions/panel';
import { LOGGED_KINDS, type ContactKind } from '../../core/contact-history';
import { dayToIso, isoToDay } from '../../core/normalise/date';
import { usePanel } from '../context';
import type { MessageKey } from '../i18n';
import { useLayout } from '../styles';

/** The next contact the form proposes: this many days after the base's as-of date. */
export const NEXT_CONTACT_DAYS = 3;

function proposedNextContact(asOf: string): string {
  const day = isoToDay(asOf);
  return day === null ? '' : dayToIso(day + NEXT_CONTACT_DAYS);
}

/**
 * A contact with the client: its kind, the result, the next step and the next contact (the date «Сегодня»
 * will show it on). `log` writes it and gives the card back; the form is cleared when it was written.
 */
export function ContactForm({ card, busy, log }: { card: ClientCard; busy: boolean; log(kind: ContactKind, result: string, nextStep: string, nextContact: string): Promise<unknown> }) {
  const { t } = usePanel();
  const layout = useLayout();
  const [kind, setKind] = useState<ContactKind>('call');
  const [result, setResult] = useState('');
  const [nextStep, setNextStep] = useState('');
  const [nextContact, setNextContact] = useState(() => proposedNextContact(card.asOf));
  const kindLabel = (k: ContactKind) => t(`history.kind.${k}` as MessageKey);

  const submit = async () => {
    if (!(await log(kind, result, nextStep, nextContact))) return;
    setResult('');
    setNextStep('');
    setNextContact(proposedNextContact(card.asOf));
  };

  return (
    <section className={layout.section} data-testid="contact-form">
      <h3 className={layout.title}>{t('history.log')}</h3>
      <div className={layout.grid}>
        <Field label={t('history.kind')} size="small">
          <Dropdown
            size="small"
            className={layout.control}
            data-testid="contact-kind"
            value={kindLabel(kind)}
            selectedOptions={[kind]}
            onOptionSelect={(_, data) => data.optionValue && setKind(data.optionValue as ContactKind)}
          >
            {LOGGED_KINDS.map((k) => (
              <Option key={k} value={k}>
                {kindLabel(k)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t('history.nextContact')} size="small" hint={t('history.nextContactHint')}>
          <Input size="small" type="date" className={layout.control} data-testid="contact-next" value={nextContact} onChange={(_, data) => setNextContact(data.value)} />
        </Field>
      </div>
      <Field label={t('history.result')} size="small">
        <Textarea size="small" resize="vertical" data-testid="contact-result" value={result} onChange={(_, data) => setResult(data.value)} />
      </Field>
      <Field label={t('history.nextStep')} size="small">
        <Input size="small" className={layout.control} data-testid="contact-next-step" value={nextStep} onChange={(_, data) => setNextStep(data.value)} />
      </Field>
      <div className={layout.row}>
        <Button size="small" appearance="primary" data-testid="log-contact" disabled={busy || !(result.trim() || nextStep.trim() || nextContact)} onClick={() => void submit()}>
          {t('history.save')}
        </Button>
      </div>
    </section>
  );
}
