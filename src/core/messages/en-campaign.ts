/** Consent to advertising and campaign lists, in English. */
import type { RU_CAMPAIGN } from './ru-campaign';

export const EN_CAMPAIGN: Record<keyof typeof RU_CAMPAIGN, string> = {
  'consent.unreadable': 'The consent to advertising «{value}» is unclear: {reason}. Write, for example, «{example}» or «{no}»; until then the client counts as not having consented and is left out of campaigns.',
  'consent.noAnswer': 'it does not begin with «{yes}» (yes) or «{no}» (no)',
  'consent.badDate': '«{word}» is not a date (dd.mm.yyyy, one date)',
  'consent.unknownWord': 'unknown word «{word}» (channels: SMS, e-mail, messenger)',
  'campaign.law': 'Advertising by SMS or e-mail without the recipient\'s prior consent is against Russian law (38-FZ «On Advertising», art. 18). Only clients who consented to this channel are listed.',
  'campaign.summary': '{count|client|clients} listed; left out {left}: no consent — {noConsent}, no contact for the channel — {noContact}, consent unreadable — {unreadable}, the same number or address already listed — {repeated}.',
};
