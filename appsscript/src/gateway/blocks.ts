/**
 * Rows per getValues/setValues block: Apps Script is fastest with a few large calls, and a block this size
 * stays well inside the limits of one call. The resumable jobs step by the same amount (jobs/job.ts).
 */
export const ROWS_PER_BLOCK = 5000;
