/**
 * Fakes of ScriptApp's triggers and of MailApp, typed by `Pick<>` of the real interfaces. They refuse what
 * Apps Script refuses: a clock trigger without a schedule or with an hour outside 0–23, a 21st trigger of
 * a script (the limit is 20 per user per script), and mail beyond the day's quota («Service invoked too
 * many times for one day: email»).
 */
type Script = typeof GoogleAppsScript.Script;
type Trigger = GoogleAppsScript.Script.Trigger;
type ClockTriggerBuilder = GoogleAppsScript.Script.ClockTriggerBuilder;

function real<T>(fake: unknown): T {
  return fake as T;
}

const MAX_TRIGGERS = 20;

export interface FakeTrigger {
  id: string;
  handler: string;
  everyDays: number;
  atHour: number;
}

class FakeClockTriggerBuilder implements Pick<ClockTriggerBuilder, 'everyDays' | 'atHour' | 'create'> {
  private days: number | null = null;
  private hour: number | null = null;
  constructor(
    private readonly app: FakeScriptApp,
    private readonly handler: string,
  ) {}
  everyDays(n: number) {
    if (!Number.isInteger(n) || n < 1) throw new Error(`Invalid argument: ${n}`);
    this.days = n;
    return real<ClockTriggerBuilder>(this);
  }
  atHour(hour: number) {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new Error(`Invalid argument: hour ${hour}`);
    this.hour = hour;
    return real<ClockTriggerBuilder>(this);
  }
  create() {
    if (this.days === null) throw new Error('Time-based trigger needs a schedule (everyDays, everyHours…)');
    return this.app.add({ handler: this.handler, everyDays: this.days, atHour: this.hour ?? 0 });
  }
}

export class FakeScriptApp implements Pick<GoogleAppsScript.Script.ScriptApp, 'getProjectTriggers' | 'newTrigger' | 'deleteTrigger'> {
  readonly AuthMode = real<Script['AuthMode']>({ NONE: 'NONE', LIMITED: 'LIMITED', FULL: 'FULL', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION' });
  readonly triggers: FakeTrigger[] = [];
  private next = 1;

  add(spec: Omit<FakeTrigger, 'id'>): Trigger {
    if (this.triggers.length >= MAX_TRIGGERS) throw new Error('This script has too many triggers. Triggers must be deleted from the script before more can be added.');
    const trigger = { id: String(this.next++), ...spec };
    this.triggers.push(trigger);
    return this.handle(trigger);
  }
  private handle(trigger: FakeTrigger): Trigger {
    return real<Trigger>({ getHandlerFunction: () => trigger.handler, getUniqueId: () => trigger.id });
  }
  getProjectTriggers() {
    return this.triggers.map((t) => this.handle(t));
  }
  newTrigger(functionName: string) {
    return real<GoogleAppsScript.Script.TriggerBuilder>({ timeBased: () => real<ClockTriggerBuilder>(new FakeClockTriggerBuilder(this, functionName)) });
  }
  deleteTrigger(trigger: Trigger) {
    const index = this.triggers.findIndex((t) => t.id === trigger.getUniqueId());
    if (index < 0) throw new Error('Trigger not found');
    this.triggers.splice(index, 1);
  }
}

export interface SentMail {
  to: string;
  subject: string;
  body: string;
}

export class FakeMailApp implements Pick<GoogleAppsScript.Mail.MailApp, 'getRemainingDailyQuota'> {
  readonly sent: SentMail[] = [];
  constructor(private quota = 100) {}
  getRemainingDailyQuota() {
    return this.quota;
  }
  sendEmail(to: string, subject: string, body: string): void {
    if (this.quota <= 0) throw new Error('Service invoked too many times for one day: email.');
    this.quota--;
    this.sent.push({ to, subject, body });
  }
}
