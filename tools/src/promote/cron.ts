/**
 * Cron schedules exactly as Argo CD v3.4.4 reads sync windows: robfig/cron v3 at the commit Argo CD
 * pins (go.mod: github.com/robfig/cron/v3 v3.0.2-0.20210106135023-bc59245fe10e), through
 * `cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow)`
 * (pkg/apis/application/v1alpha1/types.go:2859, 2898, 3162, 3230): five fields, no descriptors,
 * no optional field, seconds fixed at 0. Line numbers below are robfig/cron@bc59245's.
 *
 * Why not `croner` or `cron-parser` (npm): neither can be configured to these semantics. The table in
 * cron.cases.ts (robfig's own tests) was run through croner 11.0.1 (mode "5-part", domAndDow false,
 * timezone UTC) and cron-parser 5.10.7 (tz UTC):
 * - croner: 28 of 80 rows differ; with sloppyRanges (needed for robfig's `0/15`, `5/15`, `Mon/2`,
 *   spec_test.go:15-22, 105) still 15: it accepts 7 for Sunday (`0 0 * * 7`, `5-7`, `sun,7`), `L`, `W`
 *   and `#`, and the @ descriptors Argo CD's parser refuses; and `0 0 1,* * Mon` fires on Sunday
 *   1 July 2012 where robfig's star bit (a list containing `*`) makes it AND (spec.go:184).
 * - cron-parser: 16 of 80 differ: it accepts `* * * *` (4 fields), `""`, six fields, 7 for Sunday,
 *   `L`, `#`, `H` and descriptors, and misses `0 0 1,* * Mon` on Monday 2 July 2012. Its `strict`
 *   option refuses every schedule that restricts both day fields (47 of 80 differ).
 * Rejecting the extras up front would mean writing the parser anyway, and the star-bit rule cannot be
 * configured in either, so this module stays: a line-by-line port of robfig's parser and Next.
 *
 * The semantics, each from robfig's source:
 * - fields split on Unicode white space (strings.Fields, parser.go:114); exactly 5 (parser.go:185-190);
 *   an empty spec is refused (parser.go:89); `@…` descriptors are refused: Argo CD does not enable
 *   them (parser.go:106-108).
 * - a field is a comma list; empty items are skipped (strings.FieldsFunc, parser.go:238), so `,`
 *   alone selects nothing.
 * - an item is `*` or `?` (the whole range, with the "star bit"), or `a` or `a-b`, optionally `/step`;
 *   `a/step` means `a-max/step` (parser.go:293-296); `*-x` is read as `*` (parser.go:262 looks at
 *   the part before the hyphen only).
 * - numbers are Go's strconv.Atoi (a sign is allowed, `-` alone is not a number here because it splits
 *   the range); names are case-insensitive jan-dec and sun-sat (spec.go:26-48); bounds are minute
 *   0-59, hour 0-23, day of month 1-31, month 1-12, day of week 0-6 (spec.go:22-48).
 * - the star bit survives only when the step is 1 (parser.go:297-299): `*\/2` is a restriction.
 * - day matching (spec.go:179-188): if either day field carries the star bit both must match,
 *   otherwise either one suffices.
 * - Next (spec.go:58-175): the first matching second after `t`; none within five years gives Go's
 *   zero time, which Argo CD then counts as "before now", i.e. the window is always active.
 *
 * One deliberate refusal robfig does not make: a `TZ=`/`CRON_TZ=` prefix (parser.go:95-103). Argo CD
 * would apply both the prefix's zone and the window's `timeZone` offset (types.go:2871-2872 shifts the
 * time, spec.go:77-79 converts it again), and environment.yaml's schema allows five fields only.
 */
export interface CronSchedule {
  minutes: ReadonlySet<number>;
  hours: ReadonlySet<number>;
  daysOfMonth: ReadonlySet<number>;
  months: ReadonlySet<number>;
  daysOfWeek: ReadonlySet<number>;
  /** robfig's star bit on the day-of-month field (`*`, `?`, `*\/1`, or a list containing one). */
  dayOfMonthStar: boolean;
  /** robfig's star bit on the day-of-week field. */
  dayOfWeekStar: boolean;
}

/** Wall-clock fields of an instant in some time zone; dayOfWeek 0 is Sunday. */
export interface WallClock {
  minute: number;
  hour: number;
  dayOfMonth: number;
  month: number;
  dayOfWeek: number;
}

/** A schedule Argo CD refuses; `message` starts with robfig/cron's own error text. */
export class CronSyntaxError extends Error {
  override readonly name = "CronSyntaxError";
}

export interface CronBounds {
  min: number;
  max: number;
  names?: Readonly<Record<string, number>>;
}

export const CRON_FIELDS = {
  minute: { min: 0, max: 59 },
  hour: { min: 0, max: 23 },
  "day of month": { min: 1, max: 31 },
  month: { min: 1, max: 12, names: { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 } },
  "day of week": { min: 0, max: 6, names: { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 } },
} as const satisfies Record<string, CronBounds>;

const FIELD_NAMES = Object.keys(CRON_FIELDS) as (keyof typeof CRON_FIELDS)[];

/** unicode.IsSpace, which strings.Fields splits on (JavaScript's \s differs: it has U+FEFF, lacks U+0085). */
const GO_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/u;

/** Parses a sync window schedule as Argo CD does; throws CronSyntaxError with robfig's reason. */
export function parseCron(spec: string): CronSchedule {
  if (spec.length === 0) throw new CronSyntaxError("empty spec string");
  if (spec.startsWith("TZ=") || spec.startsWith("CRON_TZ=")) {
    throw new CronSyntaxError(`time zone prefix in "${spec}": set the window's timeZone instead (Argo CD would apply both the prefix and timeZone)`);
  }
  if (spec.startsWith("@")) throw new CronSyntaxError(`parser does not accept descriptors: ${spec}`);
  const fields = spec.split(GO_SPACE).filter((f) => f !== "");
  if (fields.length !== 5) throw new CronSyntaxError(`expected exactly 5 fields, found ${fields.length}: [${fields.join(" ")}]`);
  const parsed = fields.map((text, i) => {
    const name = FIELD_NAMES[i] as keyof typeof CRON_FIELDS;
    try {
      return parseCronField(text, CRON_FIELDS[name]);
    } catch (error) {
      if (error instanceof CronSyntaxError) throw new CronSyntaxError(`${error.message} (${name} field "${text}")`);
      throw error;
    }
  });
  const [minute, hour, dom, month, dow] = parsed as [CronFieldValue, CronFieldValue, CronFieldValue, CronFieldValue, CronFieldValue];
  return {
    minutes: new Set(minute.values),
    hours: new Set(hour.values),
    daysOfMonth: new Set(dom.values),
    months: new Set(month.values),
    daysOfWeek: new Set(dow.values),
    dayOfMonthStar: dom.star,
    dayOfWeekStar: dow.star,
  };
}

export interface CronFieldValue {
  /** Selected values, ascending. */
  values: number[];
  /** robfig's star bit (starBit, spec.go:52-53). */
  star: boolean;
}

/** One field (robfig's getField, parser.go:236-247): a comma list of ranges within `bounds`. */
export function parseCronField(field: string, bounds: CronBounds): CronFieldValue {
  const values = new Set<number>();
  let star = false;
  for (const expr of field.split(",").filter((e) => e !== "")) {
    const range = parseRange(expr, bounds);
    for (const v of range.values) values.add(v);
    star ||= range.star;
  }
  return { values: [...values].sort((a, b) => a - b), star };
}

/** robfig's getRange (parser.go:252-318), checks in the same order so the same error wins. */
function parseRange(expr: string, bounds: CronBounds): CronFieldValue {
  const rangeAndStep = expr.split("/");
  const lowAndHigh = (rangeAndStep[0] as string).split("-");
  const singleDigit = lowAndHigh.length === 1;
  let start: number;
  let end: number;
  let star = false;
  if (lowAndHigh[0] === "*" || lowAndHigh[0] === "?") {
    start = bounds.min;
    end = bounds.max;
    star = true;
  } else {
    start = parseIntOrName(lowAndHigh[0] as string, bounds.names);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1] as string, bounds.names);
    else throw new CronSyntaxError(`too many hyphens: ${expr}`);
  }
  let step: number;
  if (rangeAndStep.length === 1) step = 1;
  else if (rangeAndStep.length === 2) {
    step = mustParseInt(rangeAndStep[1] as string);
    if (singleDigit) end = bounds.max;
    if (step > 1) star = false;
  } else throw new CronSyntaxError(`too many slashes: ${expr}`);
  if (start < bounds.min) throw new CronSyntaxError(`beginning of range (${start}) below minimum (${bounds.min}): ${expr}`);
  if (end > bounds.max) throw new CronSyntaxError(`end of range (${end}) above maximum (${bounds.max}): ${expr}`);
  if (start > end) throw new CronSyntaxError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0) throw new CronSyntaxError(`step of range should be a positive number: ${expr}`);
  const values: number[] = [];
  for (let v = start; v <= end; v += step) values.push(v);
  return { values, star };
}

function parseIntOrName(expr: string, names: CronBounds["names"]): number {
  // strings.ToLower maps U+0130 (İ) to a plain "i"; JavaScript's toLowerCase adds a combining dot.
  const lower = expr.replace(/\u0130/gu, "i").toLowerCase();
  if (names && Object.hasOwn(names, lower)) return names[lower] as number;
  return mustParseInt(expr);
}

const INT64_MAX = 2n ** 63n - 1n;

/** robfig's mustParseInt (parser.go:331-341) over Go's strconv.Atoi (optional sign, decimal digits, int64). */
function mustParseInt(expr: string): number {
  if (!/^[+-]?[0-9]+$/.test(expr)) throw new CronSyntaxError(`failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: invalid syntax`);
  const big = BigInt(expr);
  if (big > INT64_MAX || big < -INT64_MAX - 1n) throw new CronSyntaxError(`failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: value out of range`);
  if (big < 0n) throw new CronSyntaxError(`negative number (${big}) not allowed: ${expr}`);
  // Beyond any field's maximum either way: keep it exact enough for the error message.
  return big > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(big);
}

/** robfig's dayMatches (spec.go:179-188). */
function dayMatches(schedule: CronSchedule, dayOfMonth: number, dayOfWeek: number): boolean {
  const dom = schedule.daysOfMonth.has(dayOfMonth);
  const dow = schedule.daysOfWeek.has(dayOfWeek);
  if (schedule.dayOfMonthStar || schedule.dayOfWeekStar) return dom && dow;
  return dom || dow;
}

/** Whether the schedule fires at this wall-clock minute. */
export function cronMatches(schedule: CronSchedule, at: WallClock): boolean {
  return schedule.minutes.has(at.minute) && schedule.hours.has(at.hour) && schedule.months.has(at.month) && dayMatches(schedule, at.dayOfMonth, at.dayOfWeek);
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * robfig's SpecSchedule.Next (spec.go:58-175) for a time in UTC, which is how Argo CD calls it (the
 * window's time zone is applied beforehand as a fixed offset, types.go:2871-2872): the first firing
 * strictly after `after` (whole seconds, seconds field 0), or null (Go's zero time) when there is
 * none within five years.
 */
export function nextActivation(schedule: CronSchedule, after: Date): Date | null {
  const u = (ms: number) => new Date(ms);
  // Start at the earliest possible time (the upcoming second), spec.go:82.
  let t = u(Math.floor(after.getTime() / SECOND) * SECOND + SECOND);
  let added = false;
  const yearLimit = t.getUTCFullYear() + 5;
  wrap: for (;;) {
    if (t.getUTCFullYear() > yearLimit) return null;
    while (!schedule.months.has(t.getUTCMonth() + 1)) {
      if (!added) {
        added = true;
        t = u(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), 1));
      }
      t = u(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds()));
      if (t.getUTCMonth() === 0) continue wrap;
    }
    while (!dayMatches(schedule, t.getUTCDate(), t.getUTCDay())) {
      if (!added) {
        added = true;
        t = u(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate()));
      }
      // AddDate(0, 0, 1); in UTC midnight stays midnight, so spec.go:125-131's DST correction never applies.
      t = u(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate() + 1, t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds()));
      if (t.getUTCDate() === 1) continue wrap;
    }
    while (!schedule.hours.has(t.getUTCHours())) {
      if (!added) {
        added = true;
        t = u(Math.floor(t.getTime() / HOUR) * HOUR);
      }
      t = u(t.getTime() + HOUR);
      if (t.getUTCHours() === 0) continue wrap;
    }
    while (!schedule.minutes.has(t.getUTCMinutes())) {
      if (!added) {
        added = true;
        t = u(Math.floor(t.getTime() / MINUTE) * MINUTE);
      }
      t = u(t.getTime() + MINUTE);
      if (t.getUTCMinutes() === 0) continue wrap;
    }
    while (t.getUTCSeconds() !== 0) {
      if (!added) {
        added = true;
        t = u(Math.floor(t.getTime() / SECOND) * SECOND);
      }
      t = u(t.getTime() + SECOND);
      if (t.getUTCSeconds() === 0) continue wrap;
    }
    return t;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric", weekday: "short", era: "short" });
    formatters.set(timeZone, format);
  }
  return format;
}

const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

function parts(instant: Date, timeZone: string): Record<string, string> {
  return Object.fromEntries(formatter(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
}

/** The wall clock of an instant in an IANA time zone; throws RangeError for an unknown zone. */
export function wallClock(instant: Date, timeZone: string): WallClock {
  const p = parts(instant, timeZone);
  return {
    minute: Number(p.minute),
    hour: Number(p.hour) % 24,
    dayOfMonth: Number(p.day),
    month: Number(p.month),
    dayOfWeek: DAYS.indexOf(String(p.weekday).toUpperCase().slice(0, 3)),
  };
}

/** The zone's offset from UTC at `instant`, in seconds (Go's `t.In(loc).Zone()`); RangeError for an unknown zone. */
export function zoneOffsetSeconds(instant: Date, timeZone: string): number {
  const p = parts(instant, timeZone);
  const year = p.era === "BC" ? 1 - Number(p.year) : Number(p.year);
  const local = Date.UTC(year, Number(p.month) - 1, Number(p.day), Number(p.hour) % 24, Number(p.minute), Number(p.second));
  return Math.round((local - Math.floor(instant.getTime() / SECOND) * SECOND) / SECOND);
}
