import { useState } from 'react';
import { Button, Dropdown, Field, Option, Text } from '@fluentui/react-components';
import type { CampaignExport, CampaignRequest } from '../../actions/panel';
import { CAMPAIGN_CHANNELS, type CampaignChannel } from '../../core/model';
import { message, render } from '../../core/messages/message';
import { SEGMENT_KEYS } from '../../core/rfm';
import { usePanel } from '../context';
import { useBusy } from '../hooks/useBusy';
import { DoneBar, ErrorBar } from '../components/ErrorBar';
import { SEGMENT_LABELS } from '../labels';
import { saveFile } from '../save-file';
import { useLayout } from '../styles';

/** Who the list is for, as one dropdown value: everyone, an RFM segment or an ABC class. */
type Audience = '' | `segment:${(typeof SEGMENT_KEYS)[number]}` | 'abc:A' | 'abc:B' | 'abc:C';

function requestOf(channel: CampaignChannel, audience: Audience): CampaignRequest {
  if (audience.startsWith('segment:')) return { channel, segment: audience.slice('segment:'.length) as CampaignRequest['segment'] };
  if (audience.startsWith('abc:')) return { channel, abc: audience.slice('abc:'.length) as CampaignRequest['abc'] };
  return { channel };
}

/**
 * A campaign list for an SMS, e-mail or messenger service: only the clients who consented to that channel
 * (38-ФЗ, ст. 18 — said above the button, always), those left out counted by reason. Nothing is written
 * to the workbook.
 */
export function CampaignPanel() {
  const { actions, t, language } = usePanel();
  const layout = useLayout();
  const [channel, setChannel] = useState<CampaignChannel>('sms');
  const [audience, setAudience] = useState<Audience>('');
  const [done, setDone] = useState<CampaignExport | null>(null);
  const exporting = useBusy();
  const channelName = (key: CampaignChannel) => t(`campaign.channel.${key}`);
  const audiences: Array<[Audience, string]> = [
    ['', t('campaign.everyone')],
    ...SEGMENT_KEYS.map((key): [Audience, string] => [`segment:${key}`, `RFM: ${SEGMENT_LABELS[language][key]}`]),
    ...(['A', 'B', 'C'] as const).map((cls): [Audience, string] => [`abc:${cls}`, `ABC: ${cls}`]),
  ];

  const save = async () => {
    setDone(null);
    const list = await exporting.attempt(() => actions.campaign(requestOf(channel, audience)));
    if (!list) return;
    setDone(list);
    if (list.listed > 0) saveFile(list.csv, 'text/csv;charset=utf-8', list.fileName);
  };

  return (
    <div className={layout.stack} data-testid="campaign">
      <h2 className={layout.title}>{t('campaign.title')}</h2>
      <Text className={layout.muted} data-testid="campaign-law">
        {render(message('campaign.law'), language)}
      </Text>
      <Field label={t('campaign.channel')}>
        <Dropdown
          className={layout.control}
          data-testid="campaign-channel"
          value={channelName(channel)}
          selectedOptions={[channel]}
          onOptionSelect={(_, data) => data.optionValue && setChannel(data.optionValue as CampaignChannel)}
        >
          {CAMPAIGN_CHANNELS.map((key) => (
            <Option key={key} value={key}>
              {channelName(key)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t('campaign.audience')}>
        <Dropdown
          className={layout.control}
          data-testid="campaign-audience"
          value={audiences.find(([value]) => value === audience)?.[1] ?? ''}
          selectedOptions={[audience]}
          onOptionSelect={(_, data) => setAudience((data.optionValue ?? '') as Audience)}
        >
          {audiences.map(([value, label]) => (
            <Option key={value} value={value}>
              {label}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Button appearance="primary" data-testid="campaign-export" disabled={exporting.busy} onClick={() => void save()}>
        {t('campaign.export')}
      </Button>
      <ErrorBar error={exporting.error} onDismiss={exporting.clearError} />
      <DoneBar message={done ? done.summary : null} testId="campaign-result" />
      {done && done.listed === 0 && <Text data-testid="campaign-empty">{t('campaign.empty')}</Text>}
    </div>
  );
}
