import { MemoryWorkbook } from '../../src/workbook/memory';
import { describeWorkbookContract } from './workbook-contract';

describeWorkbookContract('in memory', {
  create: async (initial) => new MemoryWorkbook(initial),
  inspect: async (wb) => (wb as MemoryWorkbook).state(),
});
