import { MemoryWorkbook } from '../../src/workbook/memory';
import { describeTypedHistoryContract } from './typed-history-contract';
import { describeWorkbookContract, type WorkbookHarness } from './workbook-contract';

const harness: WorkbookHarness = {
  create: async (initial) => new MemoryWorkbook(initial),
  inspect: async (wb) => (wb as MemoryWorkbook).state(),
};

describeWorkbookContract('in memory', harness);
describeTypedHistoryContract('in memory', harness);
