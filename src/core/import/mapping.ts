/**
 * The user's word on which column holds which field, where the header alone does not tell: for a
 * column of an imported orders file (used for that import only), and for a column of the workbook's own
 * services, clients or orders sheet (stored in the settings sheet, so every later run and every host
 * reads the sheet the same way).
 */
import type { WorkbookSnapshot } from '../../workbook/snapshot';
import type { SheetOperation } from '../../workbook/operations';
import type { Language } from '../model';
import { say } from '../base';
import { locateBase } from '../layout';
import type { HeaderMapping } from '../schema';
import { fieldHeader, headerKey, sheetName, type FieldsOf, type TableKind } from '../schema';
import { type SourceField } from '../header-match';
import { mappingChange, readSettings, settingsChangeOperations } from '../settings-sheet';

/** One column of an imported file: its header and the field it holds, or null for "not imported". */
export interface SourceColumnMapping {
  header: string;
  field: SourceField | null;
}

/** One column of one of the workbook's sheets: its header and the field it holds. */
export type SheetColumnMapping = { [K in TableKind]: { kind: K; header: string; field: FieldsOf[K] } }[TableKind];

/** A mapping that cannot be applied: a sheet or a header that is not there. Nothing is written. */
export class MappingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MappingError';
  }
}

/**
 * The settings-sheet operations that store the mappings. Each header must be on its sheet: a mapping
 * to a header that is not there would only be reported later as a settings problem.
 */
export function planSheetMapping(snapshot: WorkbookSnapshot, mappings: readonly SheetColumnMapping[], when: Date): SheetOperation[] {
  const stored = readSettings(snapshot);
  const language: Language = stored.settings.language;
  const layout = locateBase(snapshot, stored.mapping, language);
  const mapping: HeaderMapping = { ...stored.mapping };
  for (const { kind, header, field } of mappings) {
    const located = layout[kind];
    if (!located) {
      throw new MappingError(say(language, `В книге нет листа «${sheetName(kind, 'ru')}» для сопоставления «${header}».`, `The workbook has no ${sheetName(kind, 'en')} sheet to map "${header}" on.`));
    }
    if (!located.header.some((text) => headerKey(text) === headerKey(header))) {
      const headers = located.header.filter(Boolean).join(', ');
      throw new MappingError(
        say(
          language,
          `На листе «${located.sheet}» нет столбца «${header}» (поле ${field}, «${fieldHeader(kind, field as never, 'ru')}»). Столбцы листа: ${headers}.`,
          `The sheet "${located.sheet}" has no column "${header}" (field ${field}, "${fieldHeader(kind, field as never, 'en')}"). Its columns: ${headers}.`,
        ),
      );
    }
    mapping[kind] = { ...(mapping[kind] ?? {}), [field]: header };
  }
  return settingsChangeOperations(snapshot, stored.settings, mapping, mappingChange(language, when));
}
