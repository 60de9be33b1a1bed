/** What the contact form refuses, in Russian. */
export const RU_HISTORY = {
  'history.badKind': 'Нет такого вида контакта: «{value}». Выберите звонок, встречу, письмо, сообщение или заметку.',
  'history.badNextContact': 'Дата следующего контакта не распознана: «{value}».',
  'history.empty': 'Опишите результат, следующий шаг или дату следующего контакта.',
};
