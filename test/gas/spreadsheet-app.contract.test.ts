import type { Workbook } from '../../src/workbook/workbook';
import { describeTypedHistoryContract } from '../contract/typed-history-contract';
import { describeWorkbookContract, type WorkbookHarness } from '../contract/workbook-contract';
import type { FakeSpreadsheet } from '../fakes/gas/spreadsheet';
import { workbookState } from '../fakes/gas/state';
import { fakeSpreadsheetFrom, gatewayOver } from '../fakes/gas/workbook';

const hosts = new WeakMap<Workbook, FakeSpreadsheet>();

const harness: WorkbookHarness = {
  create: async (initial) => {
    const spreadsheet = fakeSpreadsheetFrom(initial);
    const wb = gatewayOver(spreadsheet);
    hosts.set(wb, spreadsheet);
    return wb;
  },
  inspect: async (wb) => workbookState(hosts.get(wb)!),
  lacks: { tables: true },
};

describeWorkbookContract('SpreadsheetApp (fake)', harness);
describeTypedHistoryContract('SpreadsheetApp (fake)', harness);
