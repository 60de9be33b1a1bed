/**
 * Where a pending job waits between executions: a hidden sheet of the spreadsheet, `_crm_job`.
 *
 * Why a sheet and not CacheService or PropertiesService: a cache entry may be evicted at any time (the
 * job, and with it the unwritten half of a result, would be lost without a word) and lives 6 hours at
 * most; properties hold 9 KB per value and 500 KB in all, less than the operations of a large base. A
 * sheet keeps the job as long as the document, needs no scope beyond the spreadsheet, belongs to the
 * document rather than to one user (so does the document lock that guards it), and holds megabytes.
 *
 * Column A: A1 the job's state (rewritten after every step), A2… the operations and the action's result
 * as JSON, cut into cells of at most CELL_CHARS characters (Sheets takes 50,000 per cell). Every cell is
 * written with the text apostrophe, so no piece of JSON can be taken for a number, a date or a formula.
 */
import { decodeJson, encodeJson, splitText } from './codec';
import type { Job, JobState } from './job';
import { ensureGridSize } from '../gateway/grid';
import { JOB_SHEET } from '../gateway/internal-sheets';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = Pick<GoogleAppsScript.Spreadsheet.Spreadsheet, 'getSheetByName' | 'getSheets' | 'insertSheet' | 'deleteSheet'>;

export const CELL_CHARS = 45_000;
/** Cells per setValues when saving: a few megabytes per call at most. */
const CELLS_PER_WRITE = 40;

export interface JobStore {
  /** The pending job's state (one cell read), or null when there is none. */
  state(): JobState | null;
  load(): Job | null;
  /** Stores the whole job, replacing the one stored. */
  save(job: Job): void;
  /** Rewrites the state of the stored job. */
  saveState(state: JobState): void;
  remove(): void;
}

const asText = (json: string) => `'${json}`;

export class JobSheet implements JobStore {
  constructor(private readonly spreadsheet: Spreadsheet) {}

  private sheet(): Sheet | null {
    return this.spreadsheet.getSheetByName(JOB_SHEET);
  }

  state(): JobState | null {
    const sheet = this.sheet();
    if (!sheet || sheet.getLastRow() === 0) return null;
    return decodeJson<JobState>(String(sheet.getRange(1, 1).getValues()[0][0]));
  }

  load(): Job | null {
    const sheet = this.sheet();
    const last = sheet?.getLastRow() ?? 0;
    if (!sheet || last < 2) return null;
    const [stateCell, ...pieces] = sheet.getRange(1, 1, last, 1).getValues().map((row) => String(row[0]));
    const payload = decodeJson<Pick<Job, 'result' | 'operations'>>(pieces.join(''));
    return { state: decodeJson<JobState>(stateCell), ...payload };
  }

  save(job: Job): void {
    const sheet = this.sheet() ?? this.create();
    sheet.clear();
    const cells = [encodeJson(job.state), ...splitText(encodeJson({ result: job.result, operations: job.operations }), CELL_CHARS)].map(asText);
    ensureGridSize(sheet, cells.length, 1);
    for (let start = 0; start < cells.length; start += CELLS_PER_WRITE) {
      const block = cells.slice(start, start + CELLS_PER_WRITE).map((cell) => [cell]);
      sheet.getRange(start + 1, 1, block.length, 1).setValues(block);
    }
  }

  saveState(state: JobState): void {
    const sheet = this.sheet();
    if (!sheet) throw new Error(`saveState: no job is stored (sheet «${JOB_SHEET}» is missing)`);
    sheet.getRange(1, 1).setValues([[asText(encodeJson(state))]]);
  }

  remove(): void {
    const sheet = this.sheet();
    if (sheet) this.spreadsheet.deleteSheet(sheet);
  }

  /** At the end of the tabs and hidden: the user's sheets keep their order, and nobody edits it by chance. */
  private create(): Sheet {
    const sheet = this.spreadsheet.insertSheet(JOB_SHEET, this.spreadsheet.getSheets().length);
    sheet.hideSheet();
    return sheet;
  }
}
