/**
 * Consent to advertising («Согласие на рассылку»), one cell per client, typed by hand:
 *
 *   empty                      — no consent
 *   нет [, дата]               — refused (or withdrawn on that date)
 *   да                         — consent for every channel, date not recorded
 *   да, SMS, e-mail, 12.03.2026 — consent for the channels named, given on that date
 *
 * Words may be separated by commas, semicolons or spaces and come in any order after «да»/«нет»;
 * case and ё do not matter. Channels: SMS (смс), e-mail (email, почта), мессенджер (messenger, WhatsApp,
 * Telegram, Viber, MAX). A cell that cannot be read this way counts as no consent and is a problem: for
 * advertising, uncertainty must never become a «yes» (38-ФЗ «О рекламе», ст. 18).
 * A boolean cell (TRUE/FALSE, a checkbox) reads as «да»/«нет».
 */
import type { CellValue } from '../workbook/snapshot';
import { message, type Message } from './messages/message';
import { CAMPAIGN_CHANNELS, type CampaignChannel, type Consent, type DayNumber } from './model';
import { parseDay } from './normalise/date';
import { cellText, isBlank, normaliseText } from './normalise/text';

export { CAMPAIGN_CHANNELS, type CampaignChannel, type Consent } from './model';

export const NO_CONSENT: Consent = Object.freeze({ given: false, channels: Object.freeze([]) as readonly CampaignChannel[], date: null });

const YES = new Set(['да', 'yes', 'согласен', 'согласна', 'есть']);
const NO = new Set(['нет', 'no', 'отказ', 'отозвано', 'отозвал', 'отозвала']);

const CHANNEL_WORDS: Record<string, CampaignChannel> = {
  sms: 'sms',
  смс: 'sms',
  email: 'email',
  'e-mail': 'email',
  почта: 'email',
  емейл: 'email',
  имейл: 'email',
  мессенджер: 'messenger',
  messenger: 'messenger',
  whatsapp: 'messenger',
  telegram: 'messenger',
  телеграм: 'messenger',
  viber: 'messenger',
  max: 'messenger',
};

/** How the cell is to be written, for the problem messages: the words are the user's, in any reader's language. */
const EXAMPLE = 'да, SMS, e-mail, 12.03.2026';

function unreadable(value: string, reason: Message): Consent {
  return { ...NO_CONSENT, problem: message('consent.unreadable', { value, reason, example: EXAMPLE, no: 'нет' }) };
}

/** Reads one consent cell; never changes it. */
export function readConsent(raw: CellValue): Consent {
  if (typeof raw === 'boolean') return raw ? { given: true, channels: CAMPAIGN_CHANNELS, date: null } : NO_CONSENT;
  if (isBlank(raw)) return NO_CONSENT;
  const typed = cellText(raw);
  const words = normaliseText(raw)
    .split(/[,;\s]+/u)
    .map((word) => word.replace(/\.$/u, ''))
    .filter(Boolean);
  const answer = words[0];
  const given = YES.has(answer);
  if (!given && !NO.has(answer)) return unreadable(typed, message('consent.noAnswer', { yes: 'да', no: 'нет' }));
  const channels = new Set<CampaignChannel>();
  let date: DayNumber | null = null;
  for (const word of words.slice(1)) {
    const channel = CHANNEL_WORDS[word];
    if (channel) {
      channels.add(channel);
      continue;
    }
    if (/^\d/.test(word)) {
      const parsed = parseDay(word, { serialNumbers: false });
      if (parsed.day === null || date !== null) return unreadable(typed, message('consent.badDate', { word }));
      date = parsed.day;
      continue;
    }
    return unreadable(typed, message('consent.unknownWord', { word }));
  }
  if (!given) return { ...NO_CONSENT, date };
  return { given, channels: channels.size ? CAMPAIGN_CHANNELS.filter((c) => channels.has(c)) : CAMPAIGN_CHANNELS, date };
}

export function consentsTo(consent: Consent, channel: CampaignChannel): boolean {
  return consent.given && consent.channels.includes(channel);
}

/** The channel a CLI or panel word names (`sms`, `email`, `e-mail`, `мессенджер`…), if any. */
export function findChannel(text: string): CampaignChannel | undefined {
  return CHANNEL_WORDS[normaliseText(text)];
}
