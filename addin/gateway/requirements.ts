/**
 * Requirement-set checks, all in one place. The manifest asks for ExcelApi 1.9 (autofilter, chart series
 * on a secondary axis, data validation, conditional formats, getRangeByIndexes); newer sets only add
 * extras, and each extra is switched off, not failed, when the host lacks it.
 */
export const MINIMUM_EXCEL_API = '1.9';

/** ExcelApi 1.13: Range.getMergedAreasOrNullObject, to tell the core about merged cells in the data. */
export const MERGED_AREAS_API = '1.13';

/** ExcelApi 1.9: WorksheetCollection.onChanged, one listener for the user's edits on every sheet (onAdded, onDeleted: 1.7). */
export const CHANGE_EVENTS_API = '1.9';

/** ExcelApi 1.17: WorksheetCollection.onNameChanged, a sheet renamed by hand. */
export const NAME_CHANGED_EVENT_API = '1.17';

export type ApiCheck = (version: string) => boolean;

/** Office's own check; false outside Office (tests, the browser page). */
export const officeApiCheck: ApiCheck = (version) =>
  typeof Office !== 'undefined' && !!Office.context?.requirements?.isSetSupported('ExcelApi', version);

export interface ExcelCapabilities {
  /** The host runs the add-in at all. */
  minimum: boolean;
  /** Merged areas are reported in snapshots. */
  mergedAreas: boolean;
}

export function excelCapabilities(check: ApiCheck = officeApiCheck): ExcelCapabilities {
  return { minimum: check(MINIMUM_EXCEL_API), mergedAreas: check(MERGED_AREAS_API) };
}

/** How a batch of Office.js work runs: `Excel.run`, or a fake's in tests. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
