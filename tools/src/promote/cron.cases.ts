/**
 * Conformance cases for cron.ts, taken from robfig/cron's own tests at the commit Argo CD v3.4.4 pins
 * (github.com/robfig/cron/v3 v3.0.2-0.20210106135023-bc59245fe10e). Each block names its source as
 * file:line of robfig/cron@bc59245. Where robfig's test used a parser Argo CD does not use (seconds
 * field, descriptors, `TZ=` prefix), the case is converted to what Argo CD's five-field parser does and
 * says so. Rows marked "derived" come from robfig's source rather than its tests, for behaviour the
 * tests do not pin but ours got wrong before. Times are robfig's strings ("Mon Jul 9 15:00 2012"),
 * read as UTC: Argo CD evaluates windows on UTC clocks shifted by the window's offset.
 *
 * Data only, so the same table can be run through other cron libraries (see cron.ts's first comment).
 */

/** One field against custom bounds (robfig's getRange/getField tests). */
export interface FieldCase {
  source: string;
  expr: string;
  min: number;
  max: number;
  /** Selected values; absent when an error is expected. */
  values?: number[];
  star?: boolean;
  /** A substring of robfig's error. */
  error?: string;
}

export const FIELD_CASES: FieldCase[] = [
  // parser_test.go:20-33 (TestRange, valid rows)
  { source: "parser_test.go:20", expr: "5", min: 0, max: 7, values: [5], star: false },
  { source: "parser_test.go:21", expr: "0", min: 0, max: 7, values: [0], star: false },
  { source: "parser_test.go:22", expr: "7", min: 0, max: 7, values: [7], star: false },
  { source: "parser_test.go:24", expr: "5-5", min: 0, max: 7, values: [5], star: false },
  { source: "parser_test.go:25", expr: "5-6", min: 0, max: 7, values: [5, 6], star: false },
  { source: "parser_test.go:26", expr: "5-7", min: 0, max: 7, values: [5, 6, 7], star: false },
  { source: "parser_test.go:28", expr: "5-6/2", min: 0, max: 7, values: [5], star: false },
  { source: "parser_test.go:29", expr: "5-7/2", min: 0, max: 7, values: [5, 7], star: false },
  { source: "parser_test.go:30", expr: "5-7/1", min: 0, max: 7, values: [5, 6, 7], star: false },
  { source: "parser_test.go:32", expr: "*", min: 1, max: 3, values: [1, 2, 3], star: true },
  // `*/2` loses the star bit: in a day field it is a restriction, so the OR rule applies.
  { source: "parser_test.go:33", expr: "*/2", min: 1, max: 3, values: [1, 3], star: false },
  // parser_test.go:35-43 (TestRange, error rows)
  { source: "parser_test.go:35", expr: "5--5", min: 0, max: 0, error: "too many hyphens" },
  { source: "parser_test.go:36", expr: "jan-x", min: 0, max: 0, error: "failed to parse int from" },
  { source: "parser_test.go:37", expr: "2-x", min: 1, max: 5, error: "failed to parse int from" },
  { source: "parser_test.go:38", expr: "*/-12", min: 0, max: 0, error: "negative number" },
  { source: "parser_test.go:39", expr: "*//2", min: 0, max: 0, error: "too many slashes" },
  { source: "parser_test.go:40", expr: "1", min: 3, max: 5, error: "below minimum" },
  { source: "parser_test.go:41", expr: "6", min: 3, max: 5, error: "above maximum" },
  { source: "parser_test.go:42", expr: "5-3", min: 3, max: 5, error: "beyond end of range" },
  { source: "parser_test.go:43", expr: "*/0", min: 0, max: 0, error: "should be a positive number" },
  // parser_test.go:66-69 (TestField)
  { source: "parser_test.go:66", expr: "5", min: 1, max: 7, values: [5], star: false },
  { source: "parser_test.go:67", expr: "5,6", min: 1, max: 7, values: [5, 6], star: false },
  { source: "parser_test.go:68", expr: "5,6,7", min: 1, max: 7, values: [5, 6, 7], star: false },
  { source: "parser_test.go:69", expr: "1,5-7/2,3", min: 1, max: 7, values: [1, 3, 5, 7], star: false },
  // derived: parser.go:238 (FieldsFunc drops empty items), parser.go:262 (`*-x` is `*`), parser.go:293-296
  // (`N/step` runs to the maximum), parser.go:297-299 (the star bit survives a step of 1), strconv.Atoi signs.
  { source: "derived parser.go:238", expr: "1,,3", min: 1, max: 7, values: [1, 3], star: false },
  { source: "derived parser.go:238", expr: ",", min: 1, max: 7, values: [], star: false },
  { source: "derived parser.go:262", expr: "*-3", min: 1, max: 7, values: [1, 2, 3, 4, 5, 6, 7], star: true },
  { source: "derived parser.go:293", expr: "3/2", min: 1, max: 7, values: [3, 5, 7], star: false },
  { source: "derived parser.go:297", expr: "*/1", min: 1, max: 7, values: [1, 2, 3, 4, 5, 6, 7], star: true },
  { source: "derived parser.go:297", expr: "1,*", min: 1, max: 3, values: [1, 2, 3], star: true },
  { source: "derived parser.go:332", expr: "+5", min: 0, max: 7, values: [5], star: false },
  { source: "derived parser.go:332", expr: "5-", min: 0, max: 7, error: "failed to parse int from" },
];

/** Whole schedules through Argo CD's parser: accepted (with the sets it yields) or refused. */
export interface ScheduleCase {
  source: string;
  spec: string;
  /** A substring of the error Argo CD reports; absent when the schedule is accepted. */
  error?: string;
  /** For accepted schedules: the fields that matter to the case. */
  expect?: { minutes?: number[]; hours?: number[]; daysOfMonth?: number[]; months?: number[]; daysOfWeek?: number[]; dayOfMonthStar?: boolean; dayOfWeekStar?: boolean };
}

const ALL_DOW = [0, 1, 2, 3, 4, 5, 6];

export const SCHEDULE_CASES: ScheduleCase[] = [
  // parser_test.go:148 and :322-323 (TestParseSchedule / TestStandardSpecSchedule): every hour at :05.
  { source: "parser_test.go:148", spec: "5 * * * *", expect: { minutes: [5], hours: Array.from({ length: 24 }, (_, i) => i), daysOfWeek: ALL_DOW, dayOfMonthStar: true, dayOfWeekStar: true } },
  // parser_test.go:330-335 (TestStandardSpecSchedule errors)
  { source: "parser_test.go:330", spec: "5 j * * *", error: "failed to parse int from" },
  { source: "parser_test.go:334", spec: "* * * *", error: "expected exactly 5 fields" },
  // parser_test.go:123 and :127 (TestParseScheduleErrors), minus the seconds field
  { source: "parser_test.go:123", spec: "5 j * * *", error: "failed to parse int from" },
  { source: "parser_test.go:127", spec: "", error: "empty spec string" },
  // Descriptors: accepted by ParseStandard (parser_test.go:152-157, spec_test.go:35-43) but Argo CD's
  // parser does not enable Descriptor (types.go:2859), so parser.go:107-108 refuses them (parser_test.go:353-359).
  { source: "parser_test.go:353", spec: "@every 1m", error: "parser does not accept descriptors" },
  { source: "spec_test.go:35", spec: "@hourly", error: "parser does not accept descriptors" },
  { source: "spec_test.go:37", spec: "@daily", error: "parser does not accept descriptors" },
  { source: "spec_test.go:39", spec: "@weekly", error: "parser does not accept descriptors" },
  { source: "spec_test.go:42", spec: "@monthly", error: "parser does not accept descriptors" },
  { source: "parser_test.go:153", spec: "@midnight", error: "parser does not accept descriptors" },
  { source: "parser_test.go:156", spec: "@yearly", error: "parser does not accept descriptors" },
  { source: "parser_test.go:157", spec: "@annually", error: "parser does not accept descriptors" },
  // spec_test.go:203-208 (TestErrors)
  { source: "spec_test.go:204", spec: "xyz", error: "expected exactly 5 fields" },
  { source: "spec_test.go:205", spec: "60 0 * * *", error: "above maximum (59)" },
  { source: "spec_test.go:206", spec: "0 60 * * *", error: "above maximum (23)" },
  { source: "spec_test.go:207", spec: "0 0 * * XYZ", error: "failed to parse int from" },
  // spec_test.go:294-299 (TestSlash0NoHang), without its TZ= prefix
  { source: "spec_test.go:295", spec: "15/0 * * * *", error: "should be a positive number" },
  // derived spec.go:22-48 (bounds): day of week is 0-6, so 7 for Sunday is refused; names are three letters.
  { source: "derived spec.go:40", spec: "0 0 * * 7", error: "end of range (7) above maximum (6)" },
  { source: "derived spec.go:40", spec: "0 0 * * 5-7", error: "end of range (7) above maximum (6)" },
  { source: "derived spec.go:40", spec: "0 0 * * sun,7", error: "end of range (7) above maximum (6)" },
  { source: "derived spec.go:40", spec: "0 0 * * monday", error: "failed to parse int from" },
  { source: "derived spec.go:25", spec: "0 0 0 * *", error: "below minimum (1)" },
  { source: "derived spec.go:26", spec: "0 0 * 13 *", error: "above maximum (12)" },
  { source: "derived spec.go:24", spec: "0 24 * * *", error: "above maximum (23)" },
  // derived parser.go:252-318: no Quartz/Jenkins extensions (L, W, #, H) and no seconds or year field.
  { source: "derived parser.go:267", spec: "0 0 L * *", error: "failed to parse int from" },
  { source: "derived parser.go:267", spec: "0 0 15W * *", error: "failed to parse int from" },
  { source: "derived parser.go:267", spec: "0 0 * * 5L", error: "failed to parse int from" },
  { source: "derived parser.go:267", spec: "0 0 * * 1#2", error: "failed to parse int from" },
  { source: "derived parser.go:267", spec: "H 0 * * *", error: "failed to parse int from" },
  { source: "derived parser.go:185", spec: "0 0 0 * * *", error: "expected exactly 5 fields" },
  // derived: what the parser accepts that a stricter reader might not.
  { source: "derived spec.go:26", spec: "0 8 * JAN,jul MON-fri", expect: { hours: [8], months: [1, 7], daysOfWeek: [1, 2, 3, 4, 5], dayOfMonthStar: true, dayOfWeekStar: false } },
  { source: "derived parser.go:293", spec: "0 0 * jan/3 *", expect: { months: [1, 4, 7, 10] } },
  { source: "derived parser.go:262", spec: "? ? ? ? ?", expect: { minutes: Array.from({ length: 60 }, (_, i) => i), daysOfWeek: ALL_DOW, dayOfMonthStar: true, dayOfWeekStar: true } },
  { source: "derived parser.go:297", spec: "0 0 */2 * mon", expect: { daysOfMonth: Array.from({ length: 16 }, (_, i) => 2 * i + 1), daysOfWeek: [1], dayOfMonthStar: false, dayOfWeekStar: false } },
  { source: "derived parser.go:114", spec: " 0\t0  * *\u00a0*", expect: { minutes: [0], hours: [0] } },
];

/** spec_test.go:9-72 (TestActivation): does the schedule fire at exactly `time`? (Next(time - 1s) == time) */
export interface ActivationCase {
  source: string;
  time: string;
  spec: string;
  expected: boolean;
}

export const ACTIVATION_CASES: ActivationCase[] = [
  // Every fifteen minutes.
  { source: "spec_test.go:15", time: "Mon Jul 9 15:00 2012", spec: "0/15 * * * *", expected: true },
  { source: "spec_test.go:16", time: "Mon Jul 9 15:45 2012", spec: "0/15 * * * *", expected: true },
  { source: "spec_test.go:17", time: "Mon Jul 9 15:40 2012", spec: "0/15 * * * *", expected: false },
  // Every fifteen minutes, starting at 5 minutes.
  { source: "spec_test.go:20", time: "Mon Jul 9 15:05 2012", spec: "5/15 * * * *", expected: true },
  { source: "spec_test.go:21", time: "Mon Jul 9 15:20 2012", spec: "5/15 * * * *", expected: true },
  { source: "spec_test.go:22", time: "Mon Jul 9 15:50 2012", spec: "5/15 * * * *", expected: true },
  // Named months
  { source: "spec_test.go:25", time: "Sun Jul 15 15:00 2012", spec: "0/15 * * Jul *", expected: true },
  { source: "spec_test.go:26", time: "Sun Jul 15 15:00 2012", spec: "0/15 * * Jun *", expected: false },
  // Everything set.
  { source: "spec_test.go:29", time: "Sun Jul 15 08:30 2012", spec: "30 08 ? Jul Sun", expected: true },
  { source: "spec_test.go:30", time: "Sun Jul 15 08:30 2012", spec: "30 08 15 Jul ?", expected: true },
  { source: "spec_test.go:31", time: "Mon Jul 16 08:30 2012", spec: "30 08 ? Jul Sun", expected: false },
  { source: "spec_test.go:32", time: "Mon Jul 16 08:30 2012", spec: "30 08 15 Jul ?", expected: false },
  // (spec_test.go:35-43, predefined schedules: refused by Argo CD's parser, see SCHEDULE_CASES.)
  // If both day fields are restricted, only one needs to match.
  { source: "spec_test.go:47", time: "Sun Jul 15 00:00 2012", spec: "* * 1,15 * Sun", expected: true },
  { source: "spec_test.go:48", time: "Fri Jun 15 00:00 2012", spec: "* * 1,15 * Sun", expected: true },
  { source: "spec_test.go:49", time: "Wed Aug 1 00:00 2012", spec: "* * 1,15 * Sun", expected: true },
  { source: "spec_test.go:50", time: "Sun Jul 15 00:00 2012", spec: "* * */10 * Sun", expected: true },
  // However, if one has a star, then both need to match.
  { source: "spec_test.go:53", time: "Sun Jul 15 00:00 2012", spec: "* * * * Mon", expected: false },
  { source: "spec_test.go:54", time: "Mon Jul 9 00:00 2012", spec: "* * 1,15 * *", expected: false },
  { source: "spec_test.go:55", time: "Sun Jul 15 00:00 2012", spec: "* * 1,15 * *", expected: true },
  { source: "spec_test.go:56", time: "Sun Jul 15 00:00 2012", spec: "* * */2 * Sun", expected: true },
  // derived spec.go:179-188 with parser.go:297-299: `*/2` in a day field is a restriction (OR rule) ...
  { source: "derived spec.go:187", time: "Mon Jul 16 00:00 2012", spec: "0 0 */2 * Mon", expected: true },
  { source: "derived spec.go:187", time: "Tue Jul 17 00:00 2012", spec: "0 0 */2 * Mon", expected: true },
  { source: "derived spec.go:187", time: "Wed Jul 18 00:00 2012", spec: "0 0 */2 * Mon", expected: false },
  // ... while a list containing `*` carries the star bit (AND rule).
  { source: "derived spec.go:184", time: "Sun Jul 1 00:00 2012", spec: "0 0 1,* * Mon", expected: false },
  { source: "derived spec.go:184", time: "Mon Jul 2 00:00 2012", spec: "0 0 1,* * Mon", expected: true },
];

/** spec_test.go:74-200 (TestNext) and :248-273 (TestNextWithTz): the first firing after `time`. */
export interface NextCase {
  source: string;
  time: string;
  spec: string;
  /** robfig's expected time, or null for Go's zero time (unsatisfiable). */
  expected: string | null;
}

/**
 * robfig's TestNext runs a seconds parser; the rows below are those whose seconds field is "0", with
 * that field dropped (Argo CD's seconds are always 0). Rows with other seconds (spec_test.go:90-96) and
 * rows with a TZ= prefix or a zone-local time (spec_test.go:114-173, 180-185) have no five-field
 * equivalent under Argo CD and are left out.
 */
export const NEXT_CASES: NextCase[] = [
  // Simple cases
  { source: "spec_test.go:80", time: "Mon Jul 9 14:45 2012", spec: "0/15 * * * *", expected: "Mon Jul 9 15:00 2012" },
  { source: "spec_test.go:81", time: "Mon Jul 9 14:59 2012", spec: "0/15 * * * *", expected: "Mon Jul 9 15:00 2012" },
  { source: "spec_test.go:82", time: "Mon Jul 9 14:59:59 2012", spec: "0/15 * * * *", expected: "Mon Jul 9 15:00 2012" },
  // Wrap around hours
  { source: "spec_test.go:85", time: "Mon Jul 9 15:45 2012", spec: "20-35/15 * * * *", expected: "Mon Jul 9 16:20 2012" },
  // Wrap around days
  { source: "spec_test.go:88", time: "Mon Jul 9 23:46 2012", spec: "*/15 * * * *", expected: "Tue Jul 10 00:00 2012" },
  { source: "spec_test.go:89", time: "Mon Jul 9 23:45 2012", spec: "20-35/15 * * * *", expected: "Tue Jul 10 00:20 2012" },
  // Wrap around months
  { source: "spec_test.go:99", time: "Mon Jul 9 23:35 2012", spec: "0 0 9 Apr-Oct ?", expected: "Thu Aug 9 00:00 2012" },
  { source: "spec_test.go:100", time: "Mon Jul 9 23:35 2012", spec: "0 0 */5 Apr,Aug,Oct Mon", expected: "Tue Aug 1 00:00 2012" },
  { source: "spec_test.go:101", time: "Mon Jul 9 23:35 2012", spec: "0 0 */5 Oct Mon", expected: "Mon Oct 1 00:00 2012" },
  // Wrap around years
  { source: "spec_test.go:104", time: "Mon Jul 9 23:35 2012", spec: "0 0 * Feb Mon", expected: "Mon Feb 4 00:00 2013" },
  { source: "spec_test.go:105", time: "Mon Jul 9 23:35 2012", spec: "0 0 * Feb Mon/2", expected: "Fri Feb 1 00:00 2013" },
  // Wrap around minute, hour, day, month, and year
  { source: "spec_test.go:108", time: "Mon Dec 31 23:59:45 2012", spec: "* * * * *", expected: "Tue Jan 1 00:00:00 2013" },
  // Leap year
  { source: "spec_test.go:111", time: "Mon Jul 9 23:35 2012", spec: "0 0 29 Feb ?", expected: "Mon Feb 29 00:00 2016" },
  // Unsatisfiable: Go's zero time, which Argo CD counts as "before now" (an always-active window).
  { source: "spec_test.go:176", time: "Mon Jul 9 23:35 2012", spec: "0 0 30 Feb ?", expected: null },
  { source: "spec_test.go:177", time: "Mon Jul 9 23:35 2012", spec: "0 0 31 Apr ?", expected: null },
  // TestNextWithTz: the times carry a fixed +05:30 offset; Next works on that wall clock.
  { source: "spec_test.go:254", time: "Sun Jan 3 13:09:03 2016", spec: "14 14 * * *", expected: "Sun Jan 3 14:14 2016" },
  { source: "spec_test.go:255", time: "Sun Jan 3 04:09:03 2016", spec: "14 14 * * ?", expected: "Sun Jan 3 14:14 2016" },
  { source: "spec_test.go:258", time: "Sun Jan 3 14:09:03 2016", spec: "14 14 * * *", expected: "Sun Jan 3 14:14 2016" },
  { source: "spec_test.go:259", time: "Sun Jan 3 14:00:00 2016", spec: "14 14 * * ?", expected: "Sun Jan 3 14:14 2016" },
];

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAY_NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/**
 * robfig's test time strings ("Mon Jan 2 15:04 2006", optionally with seconds) as UTC. Like Go's
 * time.Parse, the weekday name is read and not checked (spec_test.go:100 writes "Tue Aug 1 2012", a Wednesday).
 */
export function robfigTime(value: string): Date {
  const match = /^(\w{3}) (\w{3}) (\d{1,2}) (\d{2}):(\d{2})(?::(\d{2}))? (\d{4})$/.exec(value);
  if (!match) throw new Error(`not a robfig test time: ${value}`);
  const [, day, month, date, hour, minute, second, year] = match as unknown as string[];
  if (!DAY_NAMES.includes(day as string) || !MONTH_NAMES.includes(month as string)) throw new Error(`not a robfig test time: ${value}`);
  return new Date(Date.UTC(Number(year), MONTH_NAMES.indexOf(month as string), Number(date), Number(hour), Number(minute), Number(second ?? 0)));
}
