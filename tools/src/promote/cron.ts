/**
 * Five-field cron expressions as Argo CD sync windows use them (robfig/cron standard parser):
 * minute hour day-of-month month day-of-week, with `*`, lists, ranges, steps and month/day names.
 * As in Vixie cron, when both day fields are restricted a day matching either one matches.
 */
export interface CronSchedule {
  minutes: Set<number>;
  hours: Set<number>;
  daysOfMonth: Set<number>;
  months: Set<number>;
  daysOfWeek: Set<number>;
  dayOfMonthRestricted: boolean;
  dayOfWeekRestricted: boolean;
}

/** Wall-clock fields of an instant in some time zone; dayOfWeek 0 is Sunday. */
export interface WallClock {
  minute: number;
  hour: number;
  dayOfMonth: number;
  month: number;
  dayOfWeek: number;
}

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: string[];
  namesStartAt?: number;
}

const FIELDS: FieldSpec[] = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12, names: MONTHS, namesStartAt: 1 },
  // 7 is accepted as Sunday, as most crons do.
  { name: "day of week", min: 0, max: 7, names: DAYS, namesStartAt: 0 },
];

/** Parses a cron expression; throws an Error saying which field is wrong. */
export function parseCron(expression: string): CronSchedule {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) throw new Error(`"${expression}" has ${parts.length} fields; a schedule has 5 (minute hour day-of-month month day-of-week).`);
  const sets = parts.map((part, i) => parseField(part, FIELDS[i] as FieldSpec, expression));
  const daysOfWeek = sets[4] as Set<number>;
  if (daysOfWeek.has(7)) {
    daysOfWeek.delete(7);
    daysOfWeek.add(0);
  }
  return {
    minutes: sets[0] as Set<number>,
    hours: sets[1] as Set<number>,
    daysOfMonth: sets[2] as Set<number>,
    months: sets[3] as Set<number>,
    daysOfWeek,
    dayOfMonthRestricted: !parts[2]?.startsWith("*") && parts[2] !== "?",
    dayOfWeekRestricted: !parts[4]?.startsWith("*") && parts[4] !== "?",
  };
}

export function cronMatches(schedule: CronSchedule, at: WallClock): boolean {
  if (!schedule.minutes.has(at.minute) || !schedule.hours.has(at.hour) || !schedule.months.has(at.month)) return false;
  const dom = schedule.daysOfMonth.has(at.dayOfMonth);
  const dow = schedule.daysOfWeek.has(at.dayOfWeek);
  if (schedule.dayOfMonthRestricted && schedule.dayOfWeekRestricted) return dom || dow;
  return dom && dow;
}

function parseField(text: string, spec: FieldSpec, expression: string): Set<number> {
  const values = new Set<number>();
  const fail = (why: string): never => {
    throw new Error(`"${expression}": ${spec.name} field "${text}" ${why}.`);
  };
  for (const item of text.split(",")) {
    const [rangeText, stepText, extra] = item.split("/");
    if (extra !== undefined || rangeText === undefined || rangeText === "") fail("is malformed");
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) fail("has an invalid step");
    let low: number;
    let high: number;
    if (rangeText === "*" || rangeText === "?") {
      low = spec.min;
      high = spec.name === "day of week" ? 6 : spec.max;
    } else {
      const [a, b, more] = (rangeText as string).split("-");
      if (more !== undefined) fail("has an invalid range");
      low = parseValue(a as string, spec, fail);
      high = b === undefined ? (stepText === undefined ? low : spec.max) : parseValue(b, spec, fail);
      if (high < low) fail("has a range that ends before it starts");
    }
    for (let v = low; v <= high; v += step) values.add(v);
  }
  return values;
}

function parseValue(text: string, spec: FieldSpec, fail: (why: string) => never): number {
  const named = spec.names?.indexOf(text.toUpperCase()) ?? -1;
  if (named !== -1) return named + (spec.namesStartAt ?? 0);
  if (!/^\d+$/.test(text)) return fail(`has "${text}", which is neither a number nor a name`);
  const value = Number(text);
  if (value < spec.min || value > spec.max) fail(`has ${value}, outside ${spec.min}-${spec.max}`);
  return value;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall clock of an instant in an IANA time zone; throws RangeError for an unknown zone. */
export function wallClock(instant: Date, timeZone: string): WallClock {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", weekday: "short" });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    minute: Number(parts.minute),
    hour: Number(parts.hour) % 24,
    dayOfMonth: Number(parts.day),
    month: Number(parts.month),
    dayOfWeek: DAYS.indexOf(String(parts.weekday).toUpperCase().slice(0, 3)),
  };
}
