/**
 * `crm-base today` as a scheduled job runs it: the built command over a real .xlsx, the list on stdout and
 * in TODAY.json, the workbook left as it was.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { XlsxWorkbook } from '../../src/xlsx/workbook';
import { xlsxToFile } from '../../src/xlsx/node';

const BIN = join(__dirname, '..', '..', 'bin', 'crm-base.js');
const dir = mkdtempSync(join(tmpdir(), 'crm-today-'));
const bookPath = join(dir, 'book.xlsx');
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

function crmBase(...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: dir });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(async () => {
  const header = ['ID', 'Клиент', 'Менеджер', 'Статус', 'Дата первого контакта', 'День рождения', 'Следующий контакт'];
  const rows = [
    ['К-00001', 'ООО «Ромашка»', 'Анна Крылова', 'Серый', day('2026-10-01'), null, day('2026-12-01')],
    ['К-00002', 'ИП Белова К. С.', 'Олег Титов', 'Зелёный', day('2026-10-01'), null, day('2026-12-04')],
    ['К-00003', 'Иванов Пётр', 'Анна Крылова', 'Серый', day('2026-10-01'), day('1985-12-06'), null],
    ['К-00004', 'Новая Вера', 'Олег Титов', 'Белый', null, null, null],
  ];
  await xlsxToFile(XlsxWorkbook.fromSnapshot({ sheets: [{ name: 'Клиенты', header, rows }] }), bookPath);
});

describe('crm-base today', () => {
  it('lists each kind with its count and writes TODAY.json, changing nothing in the workbook', () => {
    const before = statSync(bookPath).mtimeMs;
    const jsonPath = join(dir, 'today.json');
    const { code, stdout } = crmBase('today', bookPath, '--as-of', '2026-12-04', '--json', jsonPath);
    expect(code).toBe(0);
    expect(stdout).toContain('На 04.12.2026: 4 дела');
    expect(stdout).toMatch(/Просроченные контакты: 1\n {2}К-00001 {2}ООО «Ромашка» — Анна Крылова · 01\.12\.2026/);
    expect(stdout).toContain('Дни рождения: 1');
    expect(JSON.parse(readFileSync(jsonPath, 'utf8'))).toEqual({
      asOf: '2026-12-04',
      items: [
        { clientId: 'К-00001', client: 'ООО «Ромашка»', manager: 'Анна Крылова', kind: 'overdue', date: '2026-12-01' },
        { clientId: 'К-00002', client: 'ИП Белова К. С.', manager: 'Олег Титов', kind: 'today', date: '2026-12-04' },
        { clientId: 'К-00003', client: 'Иванов Пётр', manager: 'Анна Крылова', kind: 'birthday', date: '2026-12-06' },
        { clientId: 'К-00004', client: 'Новая Вера', manager: 'Олег Титов', kind: 'new', date: null },
      ],
    });
    expect(statSync(bookPath).mtimeMs).toBe(before);
  });

  it('marks a birthday the client was congratulated on, as «История» records it', async () => {
    const greeted = join(dir, 'greeted.xlsx');
    await xlsxToFile(
      XlsxWorkbook.fromSnapshot({
        sheets: [
          { name: 'Клиенты', header: ['ID', 'Клиент', 'Менеджер', 'Статус', 'День рождения'], rows: [['К-00003', 'Иванов Пётр', 'Анна Крылова', 'Серый', day('1985-12-06')], ['К-00005', 'Сидоров Иван', 'Анна Крылова', 'Серый', day('1985-12-07')]] },
          { name: 'История', header: ['Дата и время', 'ID клиента', 'Клиент', 'Вид'], rows: [[new Date('2026-12-03T15:00:00Z'), 'К-00003', 'Иванов Пётр', 'поздравление']] },
        ],
      }),
      greeted,
    );
    const { code, stdout } = crmBase('today', greeted, '--as-of', '2026-12-04');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Дни рождения: 2\n {2}К-00003 {2}Иванов Пётр — Анна Крылова · 06\.12\.2026 · поздравлен\n {2}К-00005 {2}Сидоров Иван — Анна Крылова · 07\.12\.2026\n/);
  });

  it('keeps one manager\'s list, and refuses a manager the base does not have, naming those it has', () => {
    const own = crmBase('today', bookPath, '--as-of', '2026-12-04', '--manager', 'олег титов');
    expect(own.code).toBe(0);
    expect(own.stdout).toContain('На 04.12.2026, олег титов: 2 дела');
    expect(own.stdout).not.toContain('Анна Крылова');
    const nobody = crmBase('today', bookPath, '--manager', 'Никто');
    expect(nobody.code).toBe(2);
    expect(nobody.stderr).toContain('менеджера «Никто» нет в базе');
    expect(nobody.stderr).toContain('Анна Крылова, Олег Титов');
  });
});
