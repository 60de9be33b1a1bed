import { contactTypoKeys, nameKeys, offerKeys, probedWords } from '../blocking';
import { prepareRecord } from '../prepare';

const keysOf = (phone: string, email = '') => contactTypoKeys(prepareRecord({ name: 'Иванов', phone, email, city: '' }, 'RU'));
const share = (a: string[], b: string[]) => a.some((key) => b.includes(key));

describe('contactTypoKeys', () => {
  it('gives a phone and its one-digit typo a common key, wherever the typo is', () => {
    const original = '9123456789';
    for (let i = 0; i < original.length; i++) {
      const wrong = original.slice(0, i) + String((Number(original[i]) + 1) % 10) + original.slice(i + 1);
      expect(share(keysOf(original), keysOf(wrong))).toBe(true);
    }
  });

  it('gives a phone and the same phone with two neighbours swapped a common key', () => {
    const original = '9123456789';
    for (let i = 0; i + 1 < original.length; i++) {
      const swapped = original.slice(0, i) + original[i + 1] + original[i] + original.slice(i + 2);
      expect(share(keysOf(original), keysOf(swapped))).toBe(true);
    }
  });

  it('gives phones that share only six of their digits no common key', () => {
    expect(share(keysOf('9123456789'), keysOf('9123450000'))).toBe(false);
    expect(share(keysOf('9123456789'), keysOf('0000456789'))).toBe(false);
  });

  it('gives unrelated phones no common key', () => {
    expect(share(keysOf('+7 912 345-67-89'), keysOf('+7 912 987-65-43'))).toBe(false);
  });

  it('keys an e-mail by its login, except a login many firms share', () => {
    expect(share(keysOf('', 'ivan.petrov@gmail.com'), keysOf('', 'ivan.petrov@gmial.com'))).toBe(true);
    expect(share(keysOf('', 'info@romashka.ru'), keysOf('', 'info@vektor.ru'))).toBe(false);
  });
});

describe('nameKeys: a typo in a short word', () => {
  const keys = (name: string) => nameKeys(prepareRecord({ name, phone: '', email: '', city: '' }, 'RU'));

  it('lets a short word with a slip meet its original beside the same whole word', () => {
    // Short names (Paul, Олег) are too short for the spelling fixes, and a slip in their first four letters breaks the `p:` key.
    expect(share(keys('Paul Cooper'), keys('Panl Cooper'))).toBe(true);
    expect(share(keys('Шпаковский Олег'), keys('Шпаковский Оелг'))).toBe(true);
    expect(share(keys('Шпаковский Олег'), keys('Шпаковский Иван'))).toBe(false);
    expect(share(keys('Paul Cooper'), keys('Panl Coopers'))).toBe(false);
  });
});

describe('initials: probes and offers', () => {
  const record = (name: string) => prepareRecord({ name, phone: '', email: '', city: '' }, 'RU');
  const probe = record('Иванов И.П.');
  const offer = record('Иванов Иван Петрович');

  it('lets a name with initials meet the full name through a probe and an offer', () => {
    const probes = nameKeys(probe).filter((key) => key.startsWith('j:'));
    const offers = offerKeys(offer);
    expect(probes.length).toBeGreaterThan(0);
    expect(probes.some((key) => offers.includes(`J:${key.slice(2)}`))).toBe(true);
    // Offers are their own kind of key: the name keys never hold them.
    expect(nameKeys(offer).some((key) => key.startsWith('J:'))).toBe(false);
  });

  it('lets `Smith J.` meet `John Smith`, whose skeleton starts with another letter than its initial', () => {
    const probes = nameKeys(record('Smith J.')).filter((key) => key.startsWith('j:'));
    const offers = offerKeys(record('John Smith'));
    expect(probes.some((key) => offers.includes(`J:${key.slice(2)}`))).toBe(true);
    expect(nameKeys(record('Smith K.')).filter((key) => key.startsWith('j:')).some((key) => offers.includes(`J:${key.slice(2)}`))).toBe(false);
  });

  it('probes with both initials of `Голубева А.Б.` together: namesakes with another initial are not met', () => {
    const meets = (probeName: string, offerName: string) => {
      const probes = nameKeys(record(probeName)).filter((key) => key.startsWith('j:'));
      const offers = offerKeys(record(offerName));
      return probes.some((key) => offers.includes(`J:${key.slice(2)}`));
    };
    expect(meets('Голубева А.Б.', 'Голубева Анна Борисовна')).toBe(true);
    expect(meets('Голубева А.Б.', 'Борисовна Анна Голубева')).toBe(true);
    expect(meets('Голубева А.Б.', 'Голубева Анна Викторовна')).toBe(false);
    expect(meets('Голубева А.Б.', 'Голубева Вера Андреевна')).toBe(false);
    // A name of two words has nothing more to stand for the second initial: it is still met.
    expect(meets('Голубева А.Б.', 'Голубева Анна')).toBe(true);
    expect(meets('Голубева А.', 'Голубева Анна Викторовна')).toBe(true);
  });

  it('offers only the words some probe holds when told which', () => {
    const probed = new Set(probedWords(probe));
    expect(probed.size).toBe(1);
    const limited = offerKeys(offer, probed);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited.every((key) => key.startsWith(`J:${[...probed][0]}|`))).toBe(true);
    expect(offerKeys(offer, new Set())).toEqual([]);
    expect(probedWords(offer)).toEqual([]);
    expect(offerKeys(record('Ромашка'))).toEqual([]);
  });
});
