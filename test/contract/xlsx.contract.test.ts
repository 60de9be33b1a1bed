/**
 * The .xlsx gateway against the contract. Inspection saves the workbook and re-reads the file with
 * ExcelJS's whole-file reader, so what is checked is the file, not the gateway's memory.
 */
import { xlsxFromBuffer, xlsxToBuffer } from '../../src/xlsx/node';
import { XlsxWorkbook } from '../../src/xlsx/workbook';
import type { Workbook } from '../../src/workbook/workbook';
import { describeTypedHistoryContract } from './typed-history-contract';
import { describeWorkbookContract, type WorkbookHarness } from './workbook-contract';

async function reopenWholeFile(wb: Workbook): Promise<XlsxWorkbook> {
  return XlsxWorkbook.fromBuffer(await (wb as XlsxWorkbook).toBuffer());
}

const wholeFile: WorkbookHarness = {
  create: async (initial) => reopenWholeFile(XlsxWorkbook.fromSnapshot(initial)),
  inspect: async (wb) => (await reopenWholeFile(wb)).state(),
  roundTrip: reopenWholeFile,
  lacks: { tables: true },
};

describeWorkbookContract('.xlsx, whole-file ExcelJS model', wholeFile);
describeTypedHistoryContract('.xlsx, whole-file ExcelJS model', wholeFile);

async function reopenStreaming(wb: Workbook): Promise<XlsxWorkbook> {
  return xlsxFromBuffer(await xlsxToBuffer(wb as XlsxWorkbook));
}

const streaming: WorkbookHarness = {
  create: async (initial) => reopenStreaming(XlsxWorkbook.fromSnapshot(initial)),
  // Saved by the streaming writer, inspected through the whole-file reader: not the reader the gateway uses.
  inspect: async (wb) => (await XlsxWorkbook.fromBuffer(await xlsxToBuffer(wb as XlsxWorkbook))).state(),
  roundTrip: reopenStreaming,
  lacks: { tables: true },
};

describeWorkbookContract('.xlsx, fast reader and streaming writer (Node, big files)', streaming);
describeTypedHistoryContract('.xlsx, fast reader and streaming writer (Node, big files)', streaming);
