/** Why two clients are not one, and what a shared phone or e-mail means, in Russian. */
export const RU_DUPLICATES = {
  'conflict.differentInn': 'разные ИНН',
  'conflict.differentLegalForm': 'разные организационно-правовые формы',
  'conflict.differentContacts': 'однофамильцы, у каждого свой телефон',
  'conflict.differentPatronymic': 'разные отчества',
  'conflict.differentBirthday': 'разные даты рождения',
  'conflict.sharedContact': 'общий телефон или e-mail, но имена разные',
  'duplicates.notAgreed': 'Не объединяйте одним нажатием: {first} и {second} — разные клиенты ({why}). Проверьте группу и объедините нужные строки вручную.',
  'duplicates.sharedContactReason': '{shared}, но имена разные: это разные люди (семья, общий телефон офиса), не дубликат',
};
