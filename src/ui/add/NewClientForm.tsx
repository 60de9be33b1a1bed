import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Button,
  Combobox,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Text,
  Textarea,
} from '@fluentui/react-components';
import type { ClientCard, DuplicateWarning, NewClient } from '../../actions/panel';
import { render } from '../../core/messages/message';
import { usePanel } from '../context';
import { useBusy } from '../hooks/useBusy';
import { useDebounced } from '../hooks/useDebounced';
import { useRemembered } from '../hooks/useRemembered';
import { DoneBar, ErrorBar } from '../components/ErrorBar';
import { useLayout } from '../styles';
import type { Choices } from './useChoices';

type Draft = Required<Pick<NewClient, 'name' | 'phone' | 'email' | 'city' | 'type' | 'manager' | 'status' | 'service' | 'source' | 'birthday' | 'comment'>>;

const EMPTY_DRAFT: Draft = { name: '', phone: '', email: '', city: '', type: '', manager: '', status: '', service: '', source: '', birthday: '', comment: '' };

/** The client to send: trimmed, without empty fields. */
function toNewClient(draft: Draft): NewClient {
  const client: NewClient = { name: draft.name.trim() };
  for (const key of Object.keys(draft) as Array<keyof Draft>) {
    const value = draft[key].trim();
    if (key !== 'name' && value) client[key] = value;
  }
  return client;
}

/** Worth asking about duplicates: enough of a name, a phone or an e-mail to match on. */
function worthChecking(client: NewClient): boolean {
  return client.name.length >= 3 || (client.phone ?? '').replace(/\D/g, '').length >= 5 || (client.email ?? '').includes('@');
}

/** The fields the duplicate check looks at (`checkKey`). */
const CHECKED_FIELDS = new Set<keyof Draft>(['name', 'phone', 'email', 'city', 'birthday']);

/** What the duplicate check looks at, as JSON: a warning belongs to the values it was computed for. */
const checkKey = ({ name, phone, email, city, birthday }: NewClient) => JSON.stringify({ name, phone, email, city, birthday });
const fromCheckKey = (key: string) => JSON.parse(key) as NewClient;

export function NewClientForm({ choices }: { choices: Choices }) {
  const { actions, t, openClient, language } = usePanel();
  const layout = useLayout();
  const [draft, setDraft] = useRemembered<Draft>('add.client', EMPTY_DRAFT);
  const [warnings, setWarnings] = useState<{ key: string; found: DuplicateWarning[] }>({ key: '', found: [] });
  const [saved, setSaved] = useState<ClientCard | null>(null);
  const checking = useBusy();
  const saving = useBusy();

  const candidate = useMemo(() => toNewClient(draft), [draft]);
  const key = checkKey(candidate);
  const settledKey = useDebounced(key);

  // Check as the user types (after a pause), so the warning is there before they press Save.
  const latest = useRef('');
  const { attempt: attemptCheck } = checking;
  useEffect(() => {
    const client = fromCheckKey(settledKey);
    latest.current = settledKey;
    if (!worthChecking(client)) {
      setWarnings({ key: settledKey, found: [] });
      return;
    }
    void attemptCheck(async () => {
      const found = await actions.checkNewClient(client);
      if (latest.current === settledKey) setWarnings({ key: settledKey, found });
    });
  }, [actions, attemptCheck, settledKey]);

  // The first keystroke of a client has the host make the check ready (the index of a 100,000-client base
  // takes seconds): it is built while the user types, and a user who came to record an order never waits for it.
  const prepared = useRef(false);
  const set = (field: keyof Draft, value: string) => {
    if (!prepared.current && CHECKED_FIELDS.has(field)) {
      prepared.current = true;
      // A failure is the check's to report, where the user sees it.
      void actions.prepareNewClientCheck?.().catch(() => undefined);
    }
    setSaved(null);
    setDraft((previous) => ({ ...previous, [field]: value }));
  };

  const save = async () => {
    if (!candidate.name) {
      saving.fail(t('add.nameRequired'));
      return;
    }
    // Never save unseen duplicates: if the check has not caught up with the typing, check now and stop
    // when it finds any; the user then confirms with a second press.
    if (warnings.key !== key) {
      const found = await saving.attempt(() => actions.checkNewClient(candidate));
      if (!found) return;
      latest.current = key;
      setWarnings({ key, found });
      if (found.length) return;
    }
    const card = await saving.attempt(() => actions.addClient(candidate));
    if (!card) return;
    setSaved(card);
    setDraft(EMPTY_DRAFT);
    // The client just added changes the base: the next client's first keystroke makes the check ready again.
    prepared.current = false;
  };

  const current = warnings.key === key ? warnings.found : [];
  const field = (name: keyof Draft, testId: string) => ({
    value: draft[name],
    'data-testid': testId,
    onChange: (_: unknown, data: { value: string }) => set(name, data.value),
  });

  return (
    <div className={layout.stack}>
      <h2 className={layout.title}>{t('add.clientTitle')}</h2>
      <Field label={t('add.name')} required size="small" hint={t('add.nameHint')}>
        <Input size="small" className={layout.control} {...field('name', 'new-client-name')} />
      </Field>
      <div className={layout.grid}>
        <Field label={t('add.phone')} size="small" hint={t('add.phoneHint')}>
          <Input size="small" type="tel" className={layout.control} {...field('phone', 'new-client-phone')} />
        </Field>
        <Field label={t('add.email')} size="small">
          <Input size="small" type="email" className={layout.control} {...field('email', 'new-client-email')} />
        </Field>
      </div>

      {current.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="duplicate-warning">
          <MessageBarBody>
            <MessageBarTitle>{t('add.duplicateTitle')}</MessageBarTitle>
            <ul className={layout.list}>
              {current.map((warning) => (
                <li key={warning.id || warning.row} className={layout.wrap}>
                  <Text weight="semibold">{warning.name}</Text>{' '}
                  <Text className={layout.muted}>{[warning.phone, warning.email, warning.city, render(warning.reason, language)].filter(Boolean).join(' · ')}</Text>{' '}
                  <Button size="small" appearance="transparent" data-testid="open-duplicate" onClick={() => openClient(warning.id)}>
                    {t('add.openCard')}
                  </Button>
                </li>
              ))}
            </ul>
            <Text className={layout.muted}>{t('add.duplicateHint')}</Text>
          </MessageBarBody>
        </MessageBar>
      )}

      <div className={layout.grid}>
        <Field label={t('add.city')} size="small">
          <Combobox
            size="small"
            freeform
            className={layout.control}
            data-testid="new-client-city"
            value={draft.city}
            selectedOptions={draft.city ? [draft.city] : []}
            onChange={(event) => set('city', event.target.value)}
            onOptionSelect={(_, data) => set('city', data.optionText ?? '')}
          >
            {choices.cities.filter((city) => city.toLowerCase().includes(draft.city.trim().toLowerCase())).map((city) => (
              <Option key={city}>{city}</Option>
            ))}
          </Combobox>
        </Field>
        <Field label={t('add.type')} size="small">
          <Dropdown
            size="small"
            className={layout.control}
            data-testid="new-client-type"
            value={draft.type}
            selectedOptions={draft.type ? [draft.type] : []}
            onOptionSelect={(_, data) => set('type', data.optionValue ?? '')}
          >
            {(choices.types.length ? choices.types : [t('add.type.person'), t('add.type.sole'), t('add.type.company')]).map((type) => (
              <Option key={type}>{type}</Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t('add.manager')} size="small">
          <Combobox
            size="small"
            freeform
            className={layout.control}
            data-testid="new-client-manager"
            value={draft.manager}
            selectedOptions={draft.manager ? [draft.manager] : []}
            onChange={(event) => set('manager', event.target.value)}
            onOptionSelect={(_, data) => set('manager', data.optionText ?? '')}
          >
            {choices.managers.map((manager) => (
              <Option key={manager}>{manager}</Option>
            ))}
          </Combobox>
        </Field>
        <Field label={t('add.status')} size="small">
          <Dropdown
            size="small"
            className={layout.control}
            data-testid="new-client-status"
            value={draft.status}
            selectedOptions={draft.status ? [draft.status] : []}
            onOptionSelect={(_, data) => set('status', data.optionValue ?? '')}
          >
            {choices.statuses.map((status) => (
              <Option key={status}>{status}</Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      <Field label={t('add.service')} size="small">
        <Dropdown
          size="small"
          className={layout.control}
          data-testid="new-client-service"
          value={draft.service}
          selectedOptions={draft.service ? [draft.service] : []}
          onOptionSelect={(_, data) => set('service', data.optionValue ?? '')}
        >
          {choices.services.map((service) => (
            <Option key={service}>{service}</Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t('add.source')} size="small" hint={t('add.sourceHint')}>
        <Input size="small" className={layout.control} {...field('source', 'new-client-source')} />
      </Field>
      <Field label={t('add.birthday')} size="small" hint={t('add.birthdayHint')}>
        {/* The browser's date picker gives yyyy-mm-dd, the form the actions take. */}
        <Input size="small" type="date" className={layout.control} {...field('birthday', 'new-client-birthday')} />
      </Field>
      <Field label={t('add.comment')} size="small">
        <Textarea size="small" resize="vertical" {...field('comment', 'new-client-comment')} />
      </Field>

      <ErrorBar error={saving.error ?? checking.error ?? choices.error} onDismiss={() => [saving, checking].forEach((b) => b.clearError())} />
      <DoneBar message={saved && t('add.saved', { name: saved.name, id: saved.id })} testId="client-saved">
        {saved && (
          <Button size="small" onClick={() => openClient(saved.id)}>
            {t('add.openCard')}
          </Button>
        )}
      </DoneBar>
      <div className={layout.row}>
        <Button appearance="primary" size="small" data-testid="save-client" disabled={saving.busy} onClick={() => void save()}>
          {current.length > 0 ? t('add.saveAnyway') : t('add.save')}
        </Button>
      </div>
    </div>
  );
}
