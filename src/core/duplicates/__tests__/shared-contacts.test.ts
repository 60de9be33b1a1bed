import { findMatches } from '../match';
import { calendarDay } from '../../normalise/date';
import { clients } from './fixtures';
import type { Client } from '../../model';
import type { DuplicateSensitivity } from '../../settings';

const match = (list: Client[], sensitivity: DuplicateSensitivity = 'normal') => findMatches(list, { sensitivity, phoneRegion: 'RU' });

describe('shared contacts', () => {
  it('reports a family on one e-mail as a shared contact, never a group, at every sensitivity', () => {
    const list = clients(
      { name: 'Королёв Андрей Петрович', email: 'korolevy@mail.ru', city: 'Тверь' },
      { name: 'Королёва Ирина Сергеевна', email: 'korolevy@mail.ru', city: 'Тверь' },
      { name: 'Королёв Максим Андреевич', email: 'korolevy@mail.ru' },
      { name: 'Баранов Сергей Евгеньевич', email: 'baranov@ya.ru', phone: '+7 912 111-22-33' },
      { name: 'Баранов Владимир Дмитриевич', email: 'baranov@ya.ru', phone: '+7 913 444-55-66' },
    );
    for (const sensitivity of ['strict', 'normal', 'loose'] as const) {
      const found = match(list, sensitivity);
      expect(found.groups).toEqual([]);
      expect(found.sharedContacts).toEqual([
        { members: [0, 1, 2], reasons: ['sameEmail'] },
        { members: [3, 4], reasons: ['sameEmail'] },
      ]);
    }
  });

  it('reports colleagues on an office switchboard as a shared contact', () => {
    const list = clients({ name: 'Смирнова Ольга', phone: '8 (495) 123-45-67' }, { name: 'Петров Игорь', phone: '+7 495 123 45 67' }, { name: 'Петров Игорь Олегович', phone: '+7 916 765-43-21' });
    const found = match(list);
    expect(found.sharedContacts).toEqual([{ members: [0, 1], reasons: ['samePhone'] }]);
    expect(found.groups.flatMap((g) => g.members)).not.toContain(0);
  });

  it('still merges one client whose name has a typo, a word left out or a variant spelling', () => {
    const list = clients(
      { name: 'Баранов Сергей Евгеньевич', email: 'baranov@ya.ru' },
      { name: 'Баранов Сергй', email: 'baranov@ya.ru' },
      { name: 'John Smith', phone: '+7 912 000-11-22' },
      { name: 'Smith Jon', phone: '8 912 000 11 22' },
      { name: '«Урал-Волгамастер» ООО', phone: '8-906-317-09-22' },
      { name: 'ООО«УралуВолгамастер»', phone: '8 (906) 317-09-22' },
    );
    const found = match(list);
    expect(found.groups.map((g) => g.members)).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
    ]);
    expect(found.groups.every((g) => g.disagreement === null)).toBe(true);
    expect(found.sharedContacts).toEqual([]);
  });

  it('gives no one-click merge to a group whose ends are different people, and names them', () => {
    // A ~ B by a phone, B ~ C by an e-mail; A and C have other patronymics and other days of birth.
    const list = clients(
      { name: 'Иванов Иван Петрович', phone: '+7 912 345-67-89', birthday: calendarDay(1980, 3, 1) },
      { name: 'Иванов Иван', phone: '+7 912 345-67-89', email: 'ivanov@mail.ru' },
      { name: 'Иванов Иван Сергеевич', email: 'ivanov@mail.ru', birthday: calendarDay(1991, 7, 20) },
      { name: 'Петров Пётр', phone: '+7 913 000-00-01' },
      { name: 'Петров Пётр', phone: '+7 913 000-00-01' },
    );
    const found = match(list);
    expect(found.groups.map((g) => g.members)).toEqual([
      [0, 1, 2],
      [3, 4],
    ]);
    expect(found.groups[0].disagreement).toEqual({ members: [0, 2], conflict: 'differentPatronymic' });
    expect(found.groups[1].disagreement).toBeNull();
  });
});
