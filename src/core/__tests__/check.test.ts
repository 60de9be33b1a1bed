import { checkData } from '../check';
import { readBase } from '../base';
import { book, sheet } from './snapshot-builder';
import { rendered } from '../messages/rendered';

const services = sheet('Услуги', ['Услуга', 'Цена'], ['Стрижка', 1500], ['Маникюр', '900 ₽']);

function problemsOf(...sheets: Parameters<typeof book>) {
  return checkData(readBase(book(...sheets)));
}

describe('checkData', () => {
  it('finds nothing wrong in clean Russian data', () => {
    const problems = problemsOf(
      services,
      sheet('Клиенты', ['ID', 'Клиент', 'Телефон', 'E-mail', 'Статус', 'Услуга'], ['К-00001', 'ООО «Ромашка»', '8 (912) 345-67-89', 'a@b.ru', 'Зелёный', 'стрижка ']),
      sheet('Заказы', ['Дата', 'ID клиента', 'Услуга', 'Сумма'], ['01.02.2024', 'К-00001', 'Маникюр', '1 234,56']),
    );
    expect(rendered(problems, 'ru')).toEqual([]);
  });

  it('reports one problem per bad client cell, with row and the user header', () => {
    const problems = problemsOf(
      services,
      sheet(
        'Клиенты',
        ['ID', 'ФИО', 'Тел.', 'Почта', 'Статус воронки', 'Услуга', 'Дата первого контакта'],
        ['К-00001', 'Иванов', '123', 'ivanov@', 'Синий', 'Педикюр', '30.02.2024'],
        ['К-00001', '', '', '', 'зеленый', '', ''],
      ),
    );
    expect(rendered(problems.map((p) => [p.row, p.column, p.value]), 'ru')).toEqual([
      [2, 'Дата первого контакта', '30.02.2024'],
      [2, 'Тел.', '123'],
      [2, 'Почта', 'ivanov@'],
      [2, 'Статус воронки', 'Синий'],
      [2, 'Услуга', 'Педикюр'],
      [3, 'ID', 'К-00001'],
      [3, 'ФИО', ''],
    ]);
    for (const p of problems) expect(p.sheet).toBe('Клиенты');
    expect(rendered(problems[4].message, 'ru')).toContain('«Услуги»');
    expect(rendered(problems[5].message, 'ru')).toContain('строке 2');
  });

  it('reports orders for unknown clients, unknown services, no date and negative amounts once per cell', () => {
    const problems = problemsOf(
      services,
      sheet('Клиенты', ['ID', 'Клиент'], ['К-00001', 'Иванов']),
      sheet(
        'Заказы',
        ['Дата', 'ID клиента', 'Клиент', 'Услуга', 'Сумма'],
        ['01.02.2024', 'К-00404', '', 'Стрижка', 100],
        ['вчера', '', 'Петров', 'Педикюр', 'дорого'],
        ['', 'К-00001', '', '', '-500'],
        [null, '', '', '', 10],
      ),
    );
    expect(rendered(problems.map((p) => [p.row, p.column, p.value]), 'ru')).toEqual([
      [2, 'ID клиента', 'К-00404'],
      [3, 'Дата', 'вчера'],
      [3, 'Сумма', 'дорого'],
      [3, 'Клиент', 'Петров'],
      [3, 'Услуга', 'Педикюр'],
      [4, 'Сумма', '-500'],
      [4, 'Дата', ''],
      [5, 'Клиент', ''],
      [5, 'Дата', ''],
    ]);
    expect(rendered(problems.find((p) => p.row === 4 && p.column === 'Сумма')?.message, 'ru')).toMatch(/^Предупреждение/);
  });

  it('does not call services unknown when the workbook has no services sheet', () => {
    expect(rendered(problemsOf(sheet('Клиенты', ['Клиент', 'Услуга'], ['Иванов', 'Что угодно'])), 'ru')).toEqual([]);
  });

  it('reports repeated and nameless services', () => {
    const problems = problemsOf(sheet('Услуги', ['Услуга', 'Цена'], ['Стрижка', 1], ['СТРИЖКА', 2], ['', 3], ['Уборка', -5]));
    expect(rendered(problems.map((p) => [p.row, p.column]), 'ru')).toEqual([
      [3, 'Услуга'],
      [4, 'Услуга'],
      [5, 'Цена'],
    ]);
  });

  it('speaks English in an English workbook', () => {
    const problems = problemsOf(sheet('Clients', ['Name', 'Email', 'Status'], ['Smith', 'nope', 'Gold'], ['Jones', '', 'Purple']));
    expect(rendered(problems.map((p) => p.message), 'en')).toEqual([
      expect.stringMatching(/is not an e-mail address/),
      expect.stringMatching(/Unknown status "Purple". Choose one of: White, Grey/),
    ]);
  });

  it('keeps reading problems (hidden rows, merged cells) and does not double them', () => {
    const snapshot = book(sheet('Клиенты', ['Клиент', 'Дата первого контакта'], ['А', 'когда-то']));
    snapshot.sheets[0].hiddenRows = [2];
    const base = readBase(snapshot);
    const problems = checkData(base);
    expect(rendered(problems, 'ru')).toHaveLength(2);
    expect(checkData(base)).toEqual(problems);
  });
});
