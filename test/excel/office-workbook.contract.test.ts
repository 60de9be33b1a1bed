import { OfficeWorkbook } from '../../addin/gateway/office-workbook';
import { describeTypedHistoryContract } from '../contract/typed-history-contract';
import { describeWorkbookContract, type WorkbookHarness } from '../contract/workbook-contract';
import { FakeExcel } from '../fakes/excel';
import { fakeWorkbookState } from '../fakes/excel/state';

const hosts = new WeakMap<OfficeWorkbook, FakeExcel>();

const harness: WorkbookHarness = {
  create: async (initial) => {
    const fake = new FakeExcel(initial);
    const wb = new OfficeWorkbook({ run: fake.run, supports: (version) => ['1.9', '1.13'].includes(version) });
    hosts.set(wb, fake);
    return wb;
  },
  inspect: async (wb) => fakeWorkbookState(hosts.get(wb as OfficeWorkbook)!.sheets),
};

describeWorkbookContract('Office.js over the fake Excel', harness);
describeTypedHistoryContract('Office.js over the fake Excel', harness);
