import { assignIds, dropdownValues, planStructure } from '../structure';
import { readBase } from '../base';
import type { SetValidation, SheetOperation, WriteColumns, ColourCells } from '../../workbook/operations';
import type { CellValue, WorkbookSnapshot } from '../../workbook/snapshot';
import { book, sheet } from './snapshot-builder';
import { rendered } from '../messages/rendered';
import { readConsent } from '../consent';

/** Applies the value-changing operations a structure plan uses to a snapshot (a copy). */
function applyValues(snapshot: WorkbookSnapshot, operations: SheetOperation[]): WorkbookSnapshot {
  const sheets = snapshot.sheets.map((s) => ({ ...s, header: [...s.header], rows: s.rows.map((r) => [...r]) }));
  const set = (cells: CellValue[], index: number, value: CellValue) => {
    while (cells.length <= index) cells.push(null);
    cells[index] = value;
  };
  for (const op of operations) {
    if (op.kind === 'ensureSheet' && !sheets.some((s) => s.name === op.sheet)) sheets.push(sheet(op.sheet, op.header ?? []));
    if (op.kind === 'writeTable') {
      const others = sheets.filter((s) => s.name !== op.sheet);
      sheets.splice(0, sheets.length, ...others, sheet(op.sheet, op.header, ...op.rows));
    }
    if (op.kind === 'writeColumns') {
      const target = sheets.find((s) => s.name === op.sheet)!;
      for (const column of op.columns) {
        if (column.header !== undefined) set(target.header, column.column - 1, column.header);
        column.values.forEach((value, i) => {
          if (value === undefined) return;
          while (target.rows.length <= i) target.rows.push([]);
          set(target.rows[i], column.column - 1, value);
        });
      }
    }
  }
  return { sheets };
}

const services = sheet('Услуги', ['Услуга', 'Цена'], ['Стрижка', 1500], ['Маникюр', 900]);
const clients = () =>
  sheet(
    'Клиенты',
    ['ID', 'ФИО', 'Телефон', 'E-mail', 'Город', 'Менеджер', 'Услуга', 'Дата первого контакта', 'Комментарий'],
    ['К-00007', 'ООО «Ромашка»', '8 (912) 345-67-89', 'a@b.ru', 'МСК', 'Анна', 'Стрижка', '15.03.2024', '=HYPERLINK("x")'],
    ['', 'Петров', '', '', 'г. Москва', 'анна ', 'Маникюр', '', ''],
    [null, null, null, null, null, null, null, null, null],
    ['', 'Сидоров', '', '', 'Казань', 'Борис', '', '', ''],
  );

const ofKind = <K extends SheetOperation['kind']>(ops: SheetOperation[], kind: K) =>
  ops.filter((op): op is Extract<SheetOperation, { kind: K }> => op.kind === kind);

describe('planStructure', () => {
  it('adds managed columns at the right, fills empty IDs after the highest, creates Orders and Settings', () => {
    const { operations, report } = planStructure(book(services, clients()), { spareRows: 10 });
    expect(report.language).toBe('ru');
    expect(report.sheetsCreated).toEqual(['Заказы', 'Настройки']);
    expect(report.idsFilled).toBe(2);
    expect(report.addedColumns.map((c) => [c.field, c.column, c.header])).toEqual([
      ['firstOrder', 10, 'Первый заказ'],
      ['lastOrder', 11, 'Последний заказ'],
      ['orders', 12, 'Заказов'],
      ['revenue', 13, 'Выручка'],
      ['daysSinceLastOrder', 14, 'Дней с последнего заказа'],
      ['abc', 15, 'ABC'],
      ['rfm', 16, 'RFM'],
      ['segment', 17, 'Сегмент RFM'],
      ['duplicateGroup', 18, 'Группа дубликатов'],
      ['status', 19, 'Статус'],
      ['expectedOrder', 20, 'Ожидаемый заказ'],
      ['rhythm', 21, 'Ритм'],
    ]);
    const [write] = ofKind(operations, 'writeColumns') as WriteColumns[];
    const idColumn = write.columns.find((c) => c.column === 1)!;
    // Row 2 keeps its ID (undefined = leave), the blank row 4 gets none.
    expect(idColumn.values).toEqual([undefined, 'К-00008', undefined, 'К-00009']);
    expect(idColumn.header).toBeUndefined();
    expect(ofKind(operations, 'ensureSheet')[0]).toEqual({
      kind: 'ensureSheet',
      sheet: 'Заказы',
      header: ['Дата', 'ID клиента', 'Клиент', 'Услуга', 'Сумма', 'Номер заказа', 'Менеджер', 'Комментарий'],
    });
  });

  it('never writes over a cell the user typed', () => {
    const snapshot = book(services, clients());
    const after = applyValues(snapshot, planStructure(snapshot).operations);
    const before = snapshot.sheets[1];
    const now = after.sheets.find((s) => s.name === 'Клиенты')!;
    before.header.forEach((h, c) => expect(now.header[c]).toBe(h));
    before.rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null && value !== '') expect(now.rows[r][c]).toBe(value);
      }),
    );
    expect(now.rows[0][8]).toBe('=HYPERLINK("x")');
  });

  it('puts dropdowns and rules on the right columns and rows', () => {
    const { operations } = planStructure(book(services, clients()), { spareRows: 10 });
    const rules = ofKind(operations, 'setValidation') as SetValidation[];
    const on = (sheetName: string, column: number) => rules.find((r) => r.sheet === sheetName && r.column === column);
    expect(on('Клиенты', 7)).toMatchObject({ rule: { type: 'listRange', source: { sheet: 'Услуги', column: 1, fromRow: 2, toRow: 13 } }, strict: true, fromRow: 2, toRow: 15 });
    expect(on('Клиенты', 19)?.rule).toEqual({ type: 'list', values: ['Белый', 'Серый', 'Зелёный', 'Жёлтый', 'Зелёно-золотой', 'Золотой', 'Платиновый', 'Красно-зелёный', 'Красно-золотой', 'Красно-платиновый'] });
    expect(on('Клиенты', 5)).toMatchObject({ rule: { type: 'list', values: ['Казань', 'Москва'] }, strict: false });
    expect(on('Клиенты', 6)?.rule).toEqual({ type: 'list', values: ['Анна', 'Борис'] });
    expect(on('Клиенты', 4)?.rule).toEqual({ type: 'custom', formula: 'ISNUMBER(SEARCH("@",D2))' });
    expect(on('Клиенты', 8)?.rule).toEqual({ type: 'date' });
    expect(on('Клиенты', 10)?.rule).toEqual({ type: 'date' });
    expect(on('Клиенты', 9)).toBeUndefined();
    expect(on('Клиенты', 3)).toBeUndefined();
    expect(on('Заказы', 1)?.rule).toEqual({ type: 'date' });
    expect(on('Заказы', 2)).toMatchObject({ rule: { type: 'listRange', source: { sheet: 'Клиенты', column: 1 } }, strict: false });
    expect(on('Заказы', 4)?.rule).toMatchObject({ type: 'listRange', source: { sheet: 'Услуги' } });
    expect(on('Заказы', 5)?.rule).toEqual({ type: 'number' });
    expect(on('Заказы', 5)?.toRow).toBe(11);
    expect(on('Услуги', 2)?.rule).toEqual({ type: 'number', min: 0 });

    const [colours] = ofKind(operations, 'colourCells') as ColourCells[];
    expect(colours).toMatchObject({ sheet: 'Клиенты', column: 19, fromRow: 2, toRow: 15 });
    expect(colours.rules).toContainEqual({ when: { equals: 'Золотой' }, fill: '#FFD966', fontColour: '#000000' });
    expect(ofKind(operations, 'formatSheet').map((f) => f.sheet)).toEqual(['Клиенты', 'Заказы', 'Услуги']);
  });

  it('offers the usual consent answers as a dropdown that warns but keeps what the user typed, each answer one the reader accepts', () => {
    const withConsent = sheet('Клиенты', ['ФИО', 'Согласие на рассылку'], ['Иванов', 'да, WhatsApp, 12.03.2026'], ['Петров', 'нет']);
    const plan = planStructure(book(services, withConsent), { spareRows: 10 });
    const rule = (ofKind(plan.operations, 'setValidation') as SetValidation[]).find((r) => r.sheet === 'Клиенты' && r.column === 2);
    expect(rule).toMatchObject({ rule: { type: 'list', values: ['да', 'да, SMS', 'да, e-mail', 'да, мессенджер', 'нет'] }, strict: false, fromRow: 2 });
    expect(rule?.errorMessage).toMatch(/«да, SMS, 12\.03\.2026»/);
    const written = ofKind(plan.operations, 'writeColumns').flatMap((op) => op.columns.filter((c) => c.column === 2));
    expect(written).toEqual([]);
    const channels = (rule!.rule as { values: string[] }).values.map((answer) => readConsent(answer));
    expect(channels.map((c) => [c.given, c.channels, c.problem])).toEqual([
      [true, ['sms', 'email', 'messenger'], undefined],
      [true, ['sms'], undefined],
      [true, ['email'], undefined],
      [true, ['messenger'], undefined],
      [false, [], undefined],
    ]);
    const english = planStructure(book(sheet('Services', ['Service'], ['Haircut']), sheet('Clients', ['Name', 'Marketing consent'], ['Smith', 'yes'])), { spareRows: 10 });
    const englishRule = (ofKind(english.operations, 'setValidation') as SetValidation[]).find((r) => r.sheet === 'Clients' && r.column === 2);
    const englishValues = (englishRule!.rule as { values: string[] }).values;
    expect(englishValues).toEqual(['yes', 'yes, SMS', 'yes, e-mail', 'yes, messenger', 'no']);
    expect(englishValues.map((answer) => readConsent(answer).problem)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('validates 2000 spare rows by default', () => {
    const { operations } = planStructure(book(services, clients()));
    const rules = ofKind(operations, 'setValidation') as SetValidation[];
    expect(rules.find((r) => r.sheet === 'Клиенты')?.toRow).toBe(2005);
  });

  it('changes nothing when run on its own result', () => {
    const snapshot = book(services, clients());
    const first = planStructure(snapshot);
    const after = applyValues(snapshot, first.operations);
    const second = planStructure(after);
    expect(second.report.addedColumns).toEqual([]);
    expect(second.report.idsFilled).toBe(0);
    expect(second.report.sheetsCreated).toEqual([]);
    const changing = (ops: SheetOperation[]) => ops.filter((op) => ['writeColumns', 'writeTable', 'ensureSheet'].includes(op.kind));
    expect(changing(second.operations)).toEqual([]);
    expect(second.operations).toEqual(first.operations.filter((op) => !changing(first.operations).includes(op)));
    // And a third run is the same as the second.
    expect(planStructure(applyValues(after, second.operations)).operations).toEqual(second.operations);
  });

  it('speaks English in an English workbook: C- IDs and English headers and sheets', () => {
    const { operations, report } = planStructure(book(sheet('Clients', ['Name', 'Phone'], ['Smith', '+44 20 7946 0958'], ['Jones', ''])));
    expect(report.language).toBe('en');
    expect(report.sheetsCreated).toEqual(['Orders', 'Settings']);
    const [write] = ofKind(operations, 'writeColumns') as WriteColumns[];
    expect(write.columns[0]).toMatchObject({ column: 3, header: 'ID', values: ['C-00001', 'C-00002'] });
  });

  it('plans nothing but reports the problem when there is no clients sheet', () => {
    const { operations, report } = planStructure(book(sheet('Лист1', ['Что-то'])));
    expect(operations).toEqual([]);
    expect(report.clientsSheet).toBeNull();
    expect(rendered(report.problems[0].message, 'ru')).toMatch(/Не найден лист клиентов/);
  });

  it('reports the data check problems of the base', () => {
    const { report } = planStructure(book(services, sheet('Клиенты', ['Клиент', 'Услуга'], ['Иванов', 'Педикюр'])));
    expect(rendered(report.problems.map((p) => [p.sheet, p.row, p.column]), 'ru')).toEqual([['Клиенты', 2, 'Услуга']]);
  });
});

describe('assignIds', () => {
  it('continues after the highest product-style ID of either prefix, ignoring other IDs', () => {
    const base = readBase(book(sheet('Клиенты', ['ID', 'Клиент'], ['C-00041', 'А'], ['', 'Б'], ['ИНН7701234567', 'В'], ['К-7', 'Г'], ['', 'Д'])));
    expect([...assignIds(base.clients, 'ru')]).toEqual([
      [3, 'К-00042'],
      [6, 'К-00043'],
    ]);
  });
  it('starts at 1 for a base with no IDs and keeps numbers wider than five digits', () => {
    const base = readBase(book(sheet('Клиенты', ['ID', 'Клиент'], ['К-123456', 'А'], ['', 'Б'])));
    expect(assignIds(base.clients, 'ru').get(3)).toBe('К-123457');
  });
});

describe('dropdownValues', () => {
  it('keeps the first spelling of each value, sorted, Cyrillic first, without empty ones', () => {
    // Commas are fine: gateways move lists Excel cannot take inline to a helper range.
    expect(dropdownValues(['Телеграм', ' телеграм', 'WhatsApp', '', 'Звонок, потом почта', 'Ёлка', 'елка'])).toEqual(['Ёлка', 'Звонок, потом почта', 'Телеграм', 'WhatsApp']);
  });
});
