/**
 * The panel's settings and mapping forms as plans over the settings sheet: what the form changes is
 * written, and everything else stored there — the other settings, the header mappings, the computed
 * columns — is kept as it is.
 */
import type { WorkbookSnapshot } from '../workbook/snapshot';
import type { Plan } from '../workbook/workbook';
import type { FieldsOf, HeaderMapping, TableKind } from './schema';
import type { Settings } from './settings';
import { say } from './model';
import { mappingChange, readSettings, settingsChangeOperations } from './settings-sheet';

/** The settings form: the settings as the user left them, with the stored header mapping. */
export function planSaveSettings(snapshot: WorkbookSnapshot, settings: Settings, when: Date): Plan<null> {
  const stored = readSettings(snapshot);
  const action = say(stored.settings.language, 'Настройки: сохранение формы', 'Settings: the form saved');
  return { operations: settingsChangeOperations(snapshot, settings, stored.mapping, { action, when }), report: null };
}

/** The mapping form: the column `header` holds `field` of a sheet (null: the sheet has no such column). */
export function planSetMapping<K extends TableKind>(snapshot: WorkbookSnapshot, kind: K, field: FieldsOf[K], header: string | null, when: Date): Plan<null> {
  const stored = readSettings(snapshot);
  const mapping: HeaderMapping = { ...stored.mapping, [kind]: { ...(stored.mapping[kind] ?? {}), [field]: header } };
  return { operations: settingsChangeOperations(snapshot, stored.settings, mapping, mappingChange(stored.settings.language, when)), report: null };
}
