/** What the contact form and the greeting mark refuse, in Russian. */
export const RU_HISTORY = {
  'history.badKind': 'Нет такого вида контакта: «{value}». Выберите звонок, встречу, письмо, сообщение, заметку или поздравление.',
  'history.badNextContact': 'Дата следующего контакта не распознана: «{value}».',
  'history.empty': 'Опишите результат, следующий шаг или дату следующего контакта.',
  'greeting.noBirthday': 'У клиента «{client}» не указан день рождения: поздравление не записано.',
};
