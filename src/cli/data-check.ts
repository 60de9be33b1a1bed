/**
 * The data check's problems (negative amounts, unknown services, bad phones…) added to an analysis's
 * own, so `analyze` lists every bad cell that `check` lists: the analysis reports only what it could
 * not read or count.
 */
import { readBase } from '../core/base';
import { checkData } from '../core/check';
import type { Problem } from '../core/model';
import type { RunContext } from '../actions/runners';

function problemKey(p: Problem): string {
  return [p.sheet, p.row, p.column, p.value, p.message].join('\u0000');
}

/**
 * The data check over the workbook as the analysis left it, then the analysis's problems that the
 * check does not already hold (its reading problems are the check's too; orders dated after the as-of
 * date are its own).
 */
export async function withDataCheck(context: RunContext, analysisProblems: readonly Problem[]): Promise<Problem[]> {
  const checked = checkData(readBase(await context.workbook.read(undefined, context.onProgress), context.settings));
  const seen = new Set(checked.map(problemKey));
  return [...checked, ...analysisProblems.filter((p) => !seen.has(problemKey(p)))];
}
