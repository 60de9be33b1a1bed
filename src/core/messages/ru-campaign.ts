/** Consent to advertising and campaign lists, in Russian. */
export const RU_CAMPAIGN = {
  'consent.unreadable': 'Не понятно согласие на рассылку «{value}»: {reason}. Напишите, например, «{example}» или «{no}»; пока клиент считается не давшим согласия и в рассылки не попадает.',
  'consent.noAnswer': 'в начале нет «{yes}» или «{no}»',
  'consent.badDate': '«{word}» — не дата (нужно дд.мм.гггг, одна дата)',
  'consent.unknownWord': 'неизвестное слово «{word}» (каналы: SMS, e-mail, мессенджер)',
  'campaign.law': 'Реклама по SMS и e-mail без предварительного согласия получателя запрещена (38-ФЗ «О рекламе», ст. 18). В список попадают только клиенты с согласием на этот канал.',
  'campaign.summary': 'В списке {count|клиент|клиента|клиентов}; не включено {left}: без согласия — {noConsent}, без контакта для канала — {noContact}, согласие не прочитано — {unreadable}, тот же номер или адрес уже в списке — {repeated}.',
} as const;
