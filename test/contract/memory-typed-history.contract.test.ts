import { MemoryWorkbook } from '../../src/workbook/memory';
import { describeTypedHistoryContract } from './typed-history-contract';

describeTypedHistoryContract('in memory', {
  create: async (initial) => new MemoryWorkbook(initial),
  inspect: async (wb) => (wb as MemoryWorkbook).state(),
});
