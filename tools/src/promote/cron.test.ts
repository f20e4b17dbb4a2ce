import { describe, expect, it } from "vitest";
import { ACTIVATION_CASES, FIELD_CASES, NEXT_CASES, robfigTime, SCHEDULE_CASES } from "./cron.cases.js";
import { cronMatches, CronSyntaxError, nextActivation, parseCron, parseCronField, wallClock, zoneOffsetSeconds } from "./cron.js";

// The table is robfig/cron@bc59245's own tests (cron.cases.ts cites file:line per row), the cron
// library Argo CD v3.4.4 parses sync windows with.

const label = (c: { source: string }, what: string) => `${c.source}: ${what}`;

describe("robfig/cron fields (parser_test.go TestRange, TestField)", () => {
  for (const c of FIELD_CASES) {
    it(label(c, `"${c.expr}" in ${c.min}-${c.max}`), () => {
      const bounds = { min: c.min, max: c.max };
      if (c.error !== undefined) {
        expect(() => parseCronField(c.expr, bounds)).toThrowError(CronSyntaxError);
        expect(() => parseCronField(c.expr, bounds)).toThrowError(c.error);
      } else {
        expect(parseCronField(c.expr, bounds)).toEqual({ values: c.values, star: c.star });
      }
    });
  }
});

describe("robfig/cron schedules through Argo CD's parser (Minute | Hour | Dom | Month | Dow)", () => {
  for (const c of SCHEDULE_CASES) {
    it(label(c, `"${c.spec}" ${c.error === undefined ? "is accepted" : `is refused (${c.error})`}`), () => {
      if (c.error !== undefined) {
        expect(() => parseCron(c.spec)).toThrowError(CronSyntaxError);
        expect(() => parseCron(c.spec)).toThrowError(c.error);
        return;
      }
      const schedule = parseCron(c.spec);
      const seen = {
        minutes: [...schedule.minutes],
        hours: [...schedule.hours],
        daysOfMonth: [...schedule.daysOfMonth],
        months: [...schedule.months],
        daysOfWeek: [...schedule.daysOfWeek],
        dayOfMonthStar: schedule.dayOfMonthStar,
        dayOfWeekStar: schedule.dayOfWeekStar,
      };
      expect(seen).toMatchObject(c.expect ?? {});
    });
  }

  it("parser_test.go:85-98 (TestAll): `*` selects each field's whole range, with the star bit", () => {
    const all = parseCron("* * * * *");
    expect(all.minutes.size).toBe(60);
    expect(all.hours.size).toBe(24);
    expect([...all.daysOfMonth]).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
    expect([...all.months]).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect([...all.daysOfWeek]).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect([all.dayOfMonthStar, all.dayOfWeekStar]).toEqual([true, true]);
  });

  it("names the field in the error and keeps robfig's text first", () => {
    expect(() => parseCron("0 0 * * 7")).toThrowError('end of range (7) above maximum (6): 7 (day of week field "7")');
  });

  it("refuses a TZ=/CRON_TZ= prefix (robfig accepts it, parser.go:95-103; Argo CD would apply two zones)", () => {
    expect(() => parseCron("CRON_TZ=UTC 0 0 * * *")).toThrowError(/set the window's timeZone instead/);
    expect(() => parseCron("TZ=Europe/Berlin 0 0 * * *")).toThrowError(/set the window's timeZone instead/);
  });
});

describe("robfig/cron activation (spec_test.go TestActivation)", () => {
  for (const c of ACTIVATION_CASES) {
    it(label(c, `"${c.spec}" ${c.expected ? "fires" : "does not fire"} at ${c.time}`), () => {
      const at = robfigTime(c.time);
      const schedule = parseCron(c.spec);
      // robfig's own check: Next(t - 1s) == t.
      const next = nextActivation(schedule, new Date(at.getTime() - 1000));
      expect(next?.getTime() === at.getTime()).toBe(c.expected);
      // The minute matcher agrees with Next.
      expect(cronMatches(schedule, wallClock(at, "UTC"))).toBe(c.expected);
    });
  }
});

describe("robfig/cron next activation (spec_test.go TestNext, TestNextWithTz)", () => {
  for (const c of NEXT_CASES) {
    it(label(c, `"${c.spec}" after ${c.time} is ${c.expected ?? "never (zero time)"}`), () => {
      const next = nextActivation(parseCron(c.spec), robfigTime(c.time));
      expect(next?.toISOString() ?? null).toBe(c.expected === null ? null : robfigTime(c.expected).toISOString());
    });
  }
});

describe("zone offsets (Go's t.In(loc).Zone())", () => {
  it("is the offset in force at the instant", () => {
    expect(zoneOffsetSeconds(new Date("2025-01-13T12:00:00Z"), "Europe/Berlin")).toBe(3600);
    expect(zoneOffsetSeconds(new Date("2025-07-13T12:00:00Z"), "Europe/Berlin")).toBe(7200);
    expect(zoneOffsetSeconds(new Date("2025-07-13T12:00:00Z"), "Asia/Kolkata")).toBe(19800);
    expect(zoneOffsetSeconds(new Date("2025-07-13T12:00:00Z"), "America/St_Johns")).toBe(-9000);
    expect(zoneOffsetSeconds(new Date("2025-07-13T12:00:00.999Z"), "UTC")).toBe(0);
    expect(() => zoneOffsetSeconds(new Date(), "Mars/Olympus")).toThrowError(RangeError);
  });
});
