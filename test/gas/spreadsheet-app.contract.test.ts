import type { Workbook } from '../../src/workbook/workbook';
import { describeWorkbookContract } from '../contract/workbook-contract';
import type { FakeSpreadsheet } from '../fakes/gas/spreadsheet';
import { workbookState } from '../fakes/gas/state';
import { fakeSpreadsheetFrom, gatewayOver } from '../fakes/gas/workbook';

const hosts = new WeakMap<Workbook, FakeSpreadsheet>();

describeWorkbookContract('SpreadsheetApp (fake)', {
  create: async (initial) => {
    const spreadsheet = fakeSpreadsheetFrom(initial);
    const wb = gatewayOver(spreadsheet);
    hosts.set(wb, spreadsheet);
    return wb;
  },
  inspect: async (wb) => workbookState(hosts.get(wb)!),
  lacks: { tables: true },
});
