import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { normalisePhone, phoneDigits } from '../normalise/phone';
import { normaliseEmail } from '../normalise/email';

describe('normalisePhone', () => {
  it.each([
    ['8 (912) 345-67-89', '+79123456789'],
    ['+7 912 345 67 89', '+79123456789'],
    ['+7(912)345-67-89', '+79123456789'],
    ['9123456789', '+79123456789'],
    ['79123456789', '+79123456789'],
    ['89123456789 доб. 12', '+79123456789'],
    ['тел. 8-912-345-67-89', '+79123456789'],
    ['+7 (495) 123-45-67', '+74951234567'],
    ['8 (495) 123-45-67', '+74951234567'],
    ['8-800-555-35-35', '+78005553535'],
    ['+44 20 7946 0958', '+442079460958'],
    [89123456789, '+79123456789'],
  ])('%s → %s', (raw, expected) => {
    expect(normalisePhone(raw)).toBe(expected);
  });

  it.each(['', '   ', '123', 'нет', '8 (000) 000-00-00', '+7 123', null, undefined])('%p is not a phone', (raw) => {
    expect(normalisePhone(raw)).toBeNull();
  });

  it('reads the common typo +8 9xx… as the Russian trunk prefix, but keeps real +86 numbers', () => {
    expect(normalisePhone('+8 912 345 67 89')).toBe('+79123456789');
    expect(normalisePhone('+86 139 1234 5678')).toBe('+8613912345678');
  });

  it('uses the region for numbers without a country code', () => {
    expect(normalisePhone('020 7946 0958', 'GB')).toBe('+442079460958');
  });

  it('agrees with the full parser on every Russian mobile prefix', () => {
    for (let prefix = 900; prefix <= 999; prefix++) {
      const national = `${prefix}1234567`;
      const full = parsePhoneNumberFromString(`+7${national}`, 'RU');
      expect(normalisePhone(`8${national}`)).toBe(full && full.isValid() ? full.number : null);
    }
  });

  it('keeps only the digits for loose matching', () => {
    expect(phoneDigits('+7 (912) 345')).toBe('7912345');
    expect(phoneDigits(null)).toBe('');
  });
});

describe('normaliseEmail', () => {
  it.each([
    ['  Ivan.Petrov@Mail.RU ', 'ivan.petrov@mail.ru'],
    ['mailto:info@romashka.ru', 'info@romashka.ru'],
    ['<sales@firm.ru>', 'sales@firm.ru'],
    ['почта@домен.рф', 'почта@домен.рф'],
  ])('%s → %s', (raw, expected) => {
    expect(normaliseEmail(raw)).toBe(expected);
  });

  it.each(['', 'ivan', 'ivan@', '@mail.ru', 'ivan@mail', 'ivan petrov@mail.ru', 'a@b@c.ru', null])('%p is not an e-mail', (raw) => {
    expect(normaliseEmail(raw)).toBeNull();
  });
});
