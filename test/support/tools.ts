/**
 * Tests that need a Debian package (Chromium, python3-openpyxl, LibreOffice with poppler-utils) run when it is installed
 * and are skipped otherwise, under a name that says what was missing; the summary reporter lists them
 * loudly. `scripts/test.js` probes the machine once and passes what it found in CRM_TOOLS.
 */
import { execFileSync } from 'child_process';
import { existsSync } from 'fs';
import { delimiter, join } from 'path';

export type Tool = 'chromium' | 'openpyxl' | 'libreoffice';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** Debian's python3, which is where python3-openpyxl installs (not a pyenv or venv python). */
export const DEBIAN_PYTHON = '/usr/bin/python3';

/** A command found on PATH (the probe runs nothing: starting LibreOffice takes seconds). */
export function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, command)));
}

function probe(tool: Tool): boolean {
  switch (tool) {
    case 'chromium':
      return existsSync(CHROMIUM_PATH);
    case 'openpyxl':
      try {
        execFileSync(DEBIAN_PYTHON, ['-c', 'import openpyxl'], { stdio: 'ignore' });
        return true;
      } catch {
        return false;
      }
    case 'libreoffice':
      // LibreOffice draws the workbook into a PDF, pdftoppm (poppler-utils) turns its pages into images.
      return onPath('soffice') && onPath('pdftoppm');
  }
}

export function hasTool(tool: Tool): boolean {
  const known = process.env.CRM_TOOLS;
  if (known !== undefined) return known.split(',').includes(tool);
  return probe(tool);
}

/** `describe` when the tool is there; otherwise a skipped block named `[needs TOOL] …`. */
export function describeWithTool(tool: Tool, name: string, body: () => void): void {
  if (hasTool(tool)) describe(name, body);
  else describe.skip(`[needs ${tool}] ${name}`, body);
}
