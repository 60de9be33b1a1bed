/** @jest-environment jsdom */
import '../testing/setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderPanel } from './render';
import { FIXTURE_TODAY } from '../testing/fixtureBook';
import { dayToIso, isoToDay } from '../../core/normalise/date';
import { formatDate } from '../format';

// The clients and orders named below are the fixture base's (src/ui/testing/fixtureBook.ts).

function type(testId: string, value: string) {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

async function openAddTab(options: Parameters<typeof renderPanel>[0] = {}) {
  const view = renderPanel(options);
  fireEvent.click(screen.getByTestId('tab-add'));
  await screen.findByTestId('new-client-name');
  return view;
}

describe('New client form', () => {
  it('warns about a client with the same phone, written differently, before saving', async () => {
    const { actions } = await openAddTab();
    type('new-client-name', 'Ромашка-2');
    // The base has this number twice, written as 8 (912) 345-67-89 (К-00001) and +79123456789 (К-00006).
    type('new-client-phone', '+7 912 345 67 89');
    const warning = await screen.findByTestId('duplicate-warning');
    expect(warning.textContent).toContain('ООО «Ромашка»');
    expect(within(warning).getAllByTestId('open-duplicate')).toHaveLength(2);
    expect(actions.calls.some((c) => c.method === 'addClient')).toBe(false);
    expect(screen.getByTestId('save-client').textContent).toBe('Всё равно сохранить');
  });

  it('does not save unseen duplicates when Save is pressed before the check has run', async () => {
    const { actions } = await openAddTab();
    type('new-client-name', 'Петров Пётр Петрович');
    fireEvent.click(screen.getByTestId('save-client'));
    // The same full name as К-00002, and a rare one in this base.
    expect((await screen.findByTestId('duplicate-warning')).textContent).toContain('Петров Пётр Петрович');
    expect(actions.calls.some((c) => c.method === 'addClient')).toBe(false);
    // A second press is the user's confirmation.
    fireEvent.click(screen.getByTestId('save-client'));
    await screen.findByTestId('client-saved');
    expect(actions.calls.filter((c) => c.method === 'addClient')).toHaveLength(1);
  });

  it('has the check made ready at the first keystroke of each new client, not as the tab opens', async () => {
    const { actions } = await openAddTab();
    const prepares = () => actions.calls.filter((c) => c.method === 'prepareNewClientCheck').length;
    // Opening the tab to record an order asks for nothing: the index of a big base would hold up the order form.
    await waitFor(() => expect(actions.calls.some((c) => c.method === 'services')).toBe(true));
    expect(prepares()).toBe(0);
    type('new-client-name', 'И');
    type('new-client-name', 'ИП Новиков');
    type('new-client-phone', '8 (999) 000-00-01');
    expect(prepares()).toBe(1);
    fireEvent.click(screen.getByTestId('save-client'));
    await screen.findByTestId('client-saved');
    expect(prepares()).toBe(1);
    // The client saved changes the base: the next client's first keystroke asks again.
    type('new-client-name', 'О');
    expect(prepares()).toBe(2);
  });

  it('saves a new client without a warning and clears the form', async () => {
    const { actions, workbook } = await openAddTab();
    type('new-client-name', 'ИП Новиков');
    type('new-client-phone', '8 (999) 000-00-01');
    await waitFor(() => expect(actions.calls.some((c) => c.method === 'checkNewClient')).toBe(true));
    fireEvent.click(screen.getByTestId('save-client'));
    // The twelve clients have К-00001…К-00012: the new one gets the next ID, on the row below them.
    const saved = (await screen.findByTestId('client-saved')).textContent;
    expect(saved).toContain('ИП Новиков');
    expect(saved).toContain('К-00013');
    expect((await workbook.read(['Клиенты'])).sheets[0].rows[12].slice(0, 2)).toEqual(['К-00013', 'ИП Новиков']);
    expect(screen.queryByTestId('duplicate-warning')).toBeNull();
    expect(actions.calls.find((c) => c.method === 'addClient')?.args[0]).toEqual({ name: 'ИП Новиков', phone: '8 (999) 000-00-01' });
    expect((screen.getByTestId('new-client-name') as HTMLInputElement).value).toBe('');
  });

  it('sends the birthday picked in the form, and checks duplicates with it', async () => {
    const { actions } = await openAddTab();
    type('new-client-name', 'Орлова Вера');
    type('new-client-birthday', '1984-02-29');
    await waitFor(() => expect(actions.calls.some((c) => c.method === 'checkNewClient' && (c.args[0] as { birthday?: string }).birthday === '1984-02-29')).toBe(true));
    fireEvent.click(screen.getByTestId('save-client'));
    await screen.findByTestId('client-saved');
    expect(actions.calls.find((c) => c.method === 'addClient')?.args[0]).toEqual({ name: 'Орлова Вера', birthday: '1984-02-29' });
  });

  it("offers the client types the base itself uses, as it writes them", async () => {
    await openAddTab();
    fireEvent.click(screen.getByTestId('new-client-type'));
    // The fixture base writes «Физлицо» and «Юрлицо»: those, and no spelling of the product's own.
    await screen.findByText('Юрлицо', { selector: '[role=option]' });
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Физлицо', 'Юрлицо']);
  });

  it('asks for a name instead of sending an empty client', async () => {
    const { actions } = await openAddTab();
    fireEvent.click(screen.getByTestId('save-client'));
    expect((await screen.findByTestId('error')).textContent).toContain('Укажите имя клиента');
    expect(actions.calls.some((c) => c.method === 'addClient')).toBe(false);
  });

  it('shows the error of a failed save', async () => {
    await openAddTab({ failures: { addClient: 'Лист «Клиенты» защищён от изменений' } });
    type('new-client-name', 'ИП Новиков');
    await waitFor(() => expect(screen.getByTestId('save-client').textContent).toBe('Сохранить клиента'));
    fireEvent.click(screen.getByTestId('save-client'));
    expect((await screen.findByTestId('error')).textContent).toContain('Лист «Клиенты» защищён от изменений');
    expect((screen.getByTestId('new-client-name') as HTMLInputElement).value).toBe('ИП Новиков');
  });
});

describe('Order form', () => {
  async function pickClient(search: string, name: string) {
    type('order-client', search);
    fireEvent.click(screen.getByTestId('order-client'));
    fireEvent.click(await screen.findByText(new RegExp(name), { selector: '[role=option]' }));
  }

  it('records an order typed as "1 234,56" and shows the updated figures', async () => {
    const { actions } = await openAddTab();
    await pickClient('Вектор', 'АО «Вектор»');
    fireEvent.click(screen.getByTestId('order-service'));
    fireEvent.click(await screen.findByText('Аудит', { selector: '[role=option]' }));
    type('order-amount', '1\u00a0234,56');
    type('order-date', '2024-06-30');
    fireEvent.click(screen.getByTestId('save-order'));
    const saved = await screen.findByTestId('order-saved');
    expect(actions.calls.find((c) => c.method === 'recordOrder')?.args[0]).toEqual({ clientId: 'К-00004', service: 'Аудит', amount: 1234.56, date: '2024-06-30' });
    // АО «Вектор» had one order of 80 000 on 2024-06-01.
    expect(within(saved).getByTestId('card-orders').textContent).toBe('2');
    expect(within(saved).getByTestId('card-last-order').textContent).toBe('30.06.2024');
    expect(within(saved).getByTestId('card-revenue').textContent?.replace(/\s/g, ' ')).toBe('81 234,56');
    expect((screen.getByTestId('order-amount') as HTMLInputElement).value).toBe('');
  });

  it('says what is wrong with an amount that is not a number, and sends nothing', async () => {
    const { actions } = await openAddTab();
    await pickClient('Орлов', 'Орлов Игорь');
    type('order-amount', '12 тыс');
    expect(screen.getByText('Сумма не похожа на число: «12 тыс».')).toBeTruthy();
    fireEvent.click(screen.getByTestId('save-order'));
    await screen.findByTestId('error');
    expect(actions.calls.some((c) => c.method === 'recordOrder')).toBe(false);
  });

  it("offers the base's as-of day as the order date, not the calendar's", async () => {
    await openAddTab();
    await waitFor(() => expect((screen.getByTestId('order-date') as HTMLInputElement).value).toBe(FIXTURE_TODAY));
    expect(screen.queryByText(/позже даты, на которую считаются показатели/)).toBeNull();
  });

  it('records an order dated after the as-of day and says it is not counted yet', async () => {
    const { actions } = await openAddTab();
    await pickClient('Вектор', 'АО «Вектор»');
    type('order-amount', '500');
    const later = dayToIso(isoToDay(FIXTURE_TODAY)! + 33);
    type('order-date', later);
    // Warned before saving…
    expect(screen.getByText(/позже даты, на которую считаются показатели базы/).textContent).toContain(formatDate(FIXTURE_TODAY, 'ru'));
    fireEvent.click(screen.getByTestId('save-order'));
    const saved = await screen.findByTestId('order-saved');
    // …written all the same, and told again next to figures that do not include it.
    expect(actions.calls.find((c) => c.method === 'recordOrder')?.args[0]).toMatchObject({ clientId: 'К-00004', amount: 500, date: later });
    expect(within(saved).getByTestId('order-not-counted').textContent).toContain(formatDate(later, 'ru'));
    expect(within(saved).getByTestId('card-orders').textContent).toBe('1');
  });
});
