/**
 * Google Sheets keeps one message per validation rule (SpreadsheetApp's help text, the API's
 * `inputMessage`), shown both when the cell is selected and when input is rejected. It carries the prompt
 * and, on its own line marked with ⚠, the error message. Shared by the two Google Sheets gateways
 * (SpreadsheetApp and the REST API), which both write it this way.
 */
export const ERROR_MARK = '⚠ ';

export function validationHelpText(prompt: string | undefined, errorMessage: string | undefined): string {
  return [prompt, errorMessage && `${ERROR_MARK}${errorMessage}`].filter(Boolean).join('\n');
}

/** The prompt and error message back out of a help text written by `validationHelpText`. */
export function helpTextParts(help: string | null | undefined): { prompt?: string; errorMessage?: string } {
  const lines = help ? help.split('\n') : [];
  const error = lines.find((l) => l.startsWith(ERROR_MARK));
  const prompt = lines.filter((l) => !l.startsWith(ERROR_MARK)).join('\n');
  return { ...(prompt ? { prompt } : {}), ...(error ? { errorMessage: error.slice(ERROR_MARK.length) } : {}) };
}
