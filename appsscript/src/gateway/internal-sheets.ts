/**
 * The add-on's own sheets, which are not part of the user's workbook: the gateway neither lists nor reads
 * them. Today one: the hidden sheet where a long action's pending job waits (jobs/job-sheet.ts).
 */
export const JOB_SHEET = '_crm_job';

export function isInternalSheet(name: string): boolean {
  return name === JOB_SHEET;
}
