/**
 * Which manager is using this panel: the person's own choice, kept in this browser's storage (per person
 * and device), never in the workbook, which every manager opens. «Сегодня» shows that manager's list and
 * the client list opens filtered to their clients; either can be widened to everyone.
 */
const MY_MANAGER_KEY = 'crm-base.today.manager';

export function myManager(): string | null {
  try {
    return globalThis.localStorage?.getItem(MY_MANAGER_KEY) ?? null;
  } catch {
    return null; // storage refused (a sandboxed frame): everyone's
  }
}

export function setMyManager(manager: string | null): void {
  try {
    if (manager === null) globalThis.localStorage?.removeItem(MY_MANAGER_KEY);
    else globalThis.localStorage?.setItem(MY_MANAGER_KEY, manager);
  } catch {
    // not kept across sessions; the choice still holds while the panel is open
  }
}
