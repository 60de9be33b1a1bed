/**
 * Fakes of the other Apps Script services the add-on uses — Ui (menus, alerts, sidebar), LockService,
 * CacheService, PropertiesService, HtmlService — each typed by `Pick<>` of the real
 * interface, recording what the code under test did.
 */
type Ui = GoogleAppsScript.Base.Ui;
type Menu = GoogleAppsScript.Base.Menu;

function real<T>(fake: unknown): T {
  return fake as T;
}

export interface RecordedMenu {
  title: string | null;
  /** `null` is a separator. */
  items: Array<{ caption: string; functionName: string } | null>;
  added: boolean;
}

export class FakeMenu implements Pick<Menu, 'addItem' | 'addSeparator' | 'addToUi'> {
  constructor(readonly record: RecordedMenu) {}
  addItem(caption: string, functionName: string) {
    this.record.items.push({ caption, functionName });
    return real<Menu>(this);
  }
  addSeparator() {
    this.record.items.push(null);
    return real<Menu>(this);
  }
  addToUi() {
    this.record.added = true;
  }
}

/** Ui.Button and Ui.ButtonSet as Apps Script exposes them: objects of enum values. */
const BUTTONS = { CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' };
const BUTTON_SETS = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' };

export class FakeUi implements Pick<Ui, 'createMenu' | 'createAddonMenu' | 'showSidebar' | 'Button' | 'ButtonSet'> {
  readonly Button = real<Ui['Button']>(BUTTONS);
  readonly ButtonSet = real<Ui['ButtonSet']>(BUTTON_SETS);
  readonly menus: RecordedMenu[] = [];
  /** The prompts of every alert, questions included. */
  readonly alerts: string[] = [];
  /** Questions asked (alerts with buttons), with the button set. */
  readonly questions: Array<{ title: string; prompt: string; buttons: string }> = [];
  /** What the user will press for the next questions, in order; CANCEL when none is left. */
  readonly answers: Array<keyof typeof BUTTONS> = [];
  readonly sidebars: FakeHtmlOutput[] = [];
  createMenu(caption: string) {
    const record: RecordedMenu = { title: caption, items: [], added: false };
    this.menus.push(record);
    return real<Menu>(new FakeMenu(record));
  }
  createAddonMenu() {
    const record: RecordedMenu = { title: null, items: [], added: false };
    this.menus.push(record);
    return real<Menu>(new FakeMenu(record));
  }
  /** A message (one argument), or a question with a title and a button set (three). */
  alert(promptOrTitle: string, prompt?: string, buttons?: GoogleAppsScript.Base.ButtonSet) {
    if (prompt === undefined) {
      this.alerts.push(promptOrTitle);
      return real<GoogleAppsScript.Base.Button>('OK');
    }
    this.alerts.push(prompt);
    this.questions.push({ title: promptOrTitle, prompt, buttons: String(buttons) });
    return real<GoogleAppsScript.Base.Button>(this.answers.shift() ?? 'CANCEL');
  }
  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput) {
    this.sidebars.push(real<FakeHtmlOutput>(userInterface));
  }
}
/** `alert` has three overloads; these compile only while the two the add-on uses exist. */
export const alertOverloadExists: (ui: Ui) => (prompt: string) => GoogleAppsScript.Base.Button = (ui) => ui.alert;
export const questionOverloadExists: (ui: Ui) => (title: string, prompt: string, buttons: GoogleAppsScript.Base.ButtonSet) => GoogleAppsScript.Base.Button = (ui) => ui.alert;

export class FakeHtmlOutput implements Pick<GoogleAppsScript.HTML.HtmlOutput, 'setTitle' | 'getTitle'> {
  private title = '';
  constructor(readonly file: string) {}
  setTitle(title: string) {
    this.title = title;
    return real<GoogleAppsScript.HTML.HtmlOutput>(this);
  }
  getTitle() {
    return this.title;
  }
}

export class FakeHtmlService implements Pick<GoogleAppsScript.HTML.HtmlService, 'createHtmlOutputFromFile'> {
  constructor(private readonly files: readonly string[]) {}
  createHtmlOutputFromFile(filename: string) {
    if (!this.files.includes(filename)) throw new Error(`No HTML file named ${filename} was found.`);
    return real<GoogleAppsScript.HTML.HtmlOutput>(new FakeHtmlOutput(filename));
  }
}

export class FakeLock implements Pick<GoogleAppsScript.Lock.Lock, 'tryLock' | 'releaseLock' | 'hasLock'> {
  held = false;
  /** Set by a test to play another execution holding the lock. */
  heldElsewhere = false;
  readonly attempts: number[] = [];
  tryLock(timeoutInMillis: number) {
    this.attempts.push(timeoutInMillis);
    if (this.heldElsewhere) return false;
    this.held = true;
    return true;
  }
  releaseLock() {
    this.held = false;
  }
  hasLock() {
    return this.held;
  }
}

export class FakeLockService implements Pick<GoogleAppsScript.Lock.LockService, 'getDocumentLock'> {
  readonly lock = new FakeLock();
  getDocumentLock() {
    return real<GoogleAppsScript.Lock.Lock>(this.lock);
  }
}

export class FakeCache implements Pick<GoogleAppsScript.Cache.Cache, 'get' | 'put' | 'remove'> {
  readonly entries = new Map<string, string>();
  get(key: string) {
    return this.entries.get(key) ?? null;
  }
  put(key: string, value: string, expirationInSeconds?: number) {
    void expirationInSeconds;
    if (value.length > 100 * 1024) throw new Error('Argument too large: value');
    this.entries.set(key, value);
  }
  remove(key: string) {
    this.entries.delete(key);
  }
}

export class FakeCacheService implements Pick<GoogleAppsScript.Cache.CacheService, 'getUserCache' | 'getDocumentCache'> {
  readonly user = new FakeCache();
  readonly document = new FakeCache();
  getUserCache() {
    return real<GoogleAppsScript.Cache.Cache>(this.user);
  }
  getDocumentCache() {
    return real<GoogleAppsScript.Cache.Cache>(this.document);
  }
}

export class FakeProperties implements Pick<GoogleAppsScript.Properties.Properties, 'getProperty' | 'setProperty' | 'deleteProperty'> {
  readonly values = new Map<string, string>();
  getProperty(key: string) {
    return this.values.get(key) ?? null;
  }
  setProperty(key: string, value: string) {
    this.values.set(key, value);
    return real<GoogleAppsScript.Properties.Properties>(this);
  }
  deleteProperty(key: string) {
    this.values.delete(key);
    return real<GoogleAppsScript.Properties.Properties>(this);
  }
}

export class FakePropertiesService implements Pick<GoogleAppsScript.Properties.PropertiesService, 'getDocumentProperties' | 'getUserProperties'> {
  readonly document = new FakeProperties();
  readonly user = new FakeProperties();
  getDocumentProperties() {
    return real<GoogleAppsScript.Properties.Properties>(this.document);
  }
  getUserProperties() {
    return real<GoogleAppsScript.Properties.Properties>(this.user);
  }
}

