import { describe, expect, it } from "vitest";
import { cronMatches, parseCron, wallClock } from "./cron.js";
import { freezeStatus, isActive } from "./freeze-windows.js";

const at = (iso: string) => new Date(iso);

describe("cron schedules", () => {
  // The robfig/cron conformance table is cron.test.ts; these are the cases freeze windows rely on.
  it("parses lists, ranges, steps and names", () => {
    const schedule = parseCron("*/15 8-17 * JAN,jul mon-fri");
    expect([...schedule.minutes]).toEqual([0, 15, 30, 45]);
    expect([...schedule.hours]).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
    expect([...schedule.months]).toEqual([1, 7]);
    expect([...schedule.daysOfWeek]).toEqual([1, 2, 3, 4, 5]);
  });

  it("refuses 7 for Sunday (Argo CD's robfig/cron bounds day of week to 0-6) and ORs restricted day fields", () => {
    expect(() => parseCron("0 0 * * 7")).toThrowError(/end of range \(7\) above maximum \(6\)/);
    const either = parseCron("0 0 1 * 1");
    expect(cronMatches(either, { minute: 0, hour: 0, dayOfMonth: 1, month: 5, dayOfWeek: 3 })).toBe(true);
    expect(cronMatches(either, { minute: 0, hour: 0, dayOfMonth: 9, month: 5, dayOfWeek: 1 })).toBe(true);
    expect(cronMatches(either, { minute: 0, hour: 0, dayOfMonth: 9, month: 5, dayOfWeek: 2 })).toBe(false);
  });

  it("rejects malformed expressions, naming the field", () => {
    expect(() => parseCron("0 0 * *")).toThrowError(/expected exactly 5 fields, found 4/);
    expect(() => parseCron("61 0 * * *")).toThrowError(/above maximum \(59\).*minute field "61"/);
    expect(() => parseCron("0 0 * * FUNDAY")).toThrowError(/day of week/);
    expect(() => parseCron("0 5-2 * * *")).toThrowError(/beyond end of range/);
  });

  it("reads the wall clock in a time zone", () => {
    expect(wallClock(at("2025-07-05T22:30:00Z"), "Europe/Berlin")).toEqual({ minute: 30, hour: 0, dayOfMonth: 6, month: 7, dayOfWeek: 0 });
    expect(() => wallClock(at("2025-07-05T22:30:00Z"), "Mars/Olympus")).toThrowError(RangeError);
  });
});

describe("freeze windows", () => {
  const weekend = { kind: "deny" as const, schedule: "0 0 * * 6", duration: "48h", timeZone: "Etc/UTC", description: "weekend" };

  it("blocks inside an active deny window and not outside it", () => {
    // 2025-01-11 is a Saturday.
    expect(freezeStatus("env.yaml", [weekend], at("2025-01-11T10:00:00Z")).blocked).toBe(true);
    expect(freezeStatus("env.yaml", [weekend], at("2025-01-12T23:59:00Z")).blocked).toBe(true);
    expect(freezeStatus("env.yaml", [weekend], at("2025-01-13T00:00:00Z")).blocked).toBe(false);
    expect(freezeStatus("env.yaml", [weekend], at("2025-01-10T23:59:00Z")).blocked).toBe(false);
    expect(freezeStatus("env.yaml", [weekend], at("2025-01-11T10:00:00Z")).reasons[0]).toMatch(/deny window #1 .*weekend.* is active/);
  });

  it("blocks outside every allow window when allow windows exist", () => {
    const office = { kind: "allow" as const, schedule: "0 9 * * 1-5", duration: "8h", timeZone: "Europe/Berlin" };
    expect(freezeStatus("env.yaml", [office], at("2025-01-13T09:30:00Z")).blocked).toBe(false); // Monday 10:30 in Berlin
    const evening = freezeStatus("env.yaml", [office], at("2025-01-13T17:30:00Z")); // 18:30 in Berlin
    expect(evening.blocked).toBe(true);
    expect(evening.reasons).toEqual(["outside every allow window (1 defined)"]);
  });

  it("evaluates the schedule in the window's time zone", () => {
    const midnightBerlin = { kind: "deny" as const, schedule: "0 0 * * *", duration: "1h", timeZone: "Europe/Berlin" };
    expect(isActive(midnightBerlin, at("2025-01-13T23:30:00Z"))).toBe(true);
    expect(isActive({ ...midnightBerlin, timeZone: "UTC" }, at("2025-01-13T23:30:00Z"))).toBe(false);
  });

  it("opens strictly after the firing and closes at its end (Next is strictly after, Before is strict: types.go:3174-3176)", () => {
    // 2025-01-11 00:00 UTC is the firing of the weekend window.
    expect(isActive(weekend, at("2025-01-11T00:00:00Z"))).toBe(false);
    expect(isActive(weekend, at("2025-01-11T00:00:01Z"))).toBe(true);
    expect(isActive(weekend, at("2025-01-12T23:59:59.999Z"))).toBe(true);
    expect(isActive(weekend, at("2025-01-13T00:00:00Z"))).toBe(false);
  });

  it("uses the zone's offset at the current instant for the whole window, as Argo CD does (types.go:2926-2933)", () => {
    // Berlin leaves CET (+1) for CEST (+2) at 01:00 UTC on 30 March 2025. At 01:30 UTC Argo CD applies
    // +2 throughout, so a 3h window from local midnight is 22:00-01:00 UTC and has closed; on the real
    // wall clock it would run from 23:00 UTC (midnight CET) until 02:00 UTC.
    const nightly = { kind: "deny" as const, schedule: "0 0 * * *", duration: "3h", timeZone: "Europe/Berlin" };
    expect(isActive(nightly, at("2025-03-30T01:30:00Z"))).toBe(false);
    expect(isActive(nightly, at("2025-03-30T00:30:00Z"))).toBe(true);
  });

  it("takes any Go duration and treats a schedule that never fires as always active (Next's zero time)", () => {
    const afterMidnight = { kind: "deny" as const, schedule: "0 0 * * *", duration: "1h30m", timeZone: "UTC" };
    expect(isActive(afterMidnight, at("2025-01-13T01:29:00Z"))).toBe(true);
    expect(isActive(afterMidnight, at("2025-01-13T01:31:00Z"))).toBe(false);
    expect(isActive({ ...afterMidnight, schedule: "0 0 30 2 *" }, at("2025-06-01T12:00:00Z"))).toBe(true);
  });

  it("a */2 day-of-month restricts, so with a weekday the OR rule applies (parser.go:297-299, spec.go:184-187)", () => {
    // */2 in day of month is 1,3,...,31. 2025-01-20 is an even Monday (matches through the weekday), 2025-01-14
    // an even Tuesday (no match), 2025-01-15 an odd Wednesday (matches through the day). Read with AND, only odd Mondays would.
    const window = { kind: "deny" as const, schedule: "0 0 */2 * mon", duration: "1h", timeZone: "UTC" };
    expect(isActive(window, at("2025-01-20T00:30:00Z"))).toBe(true);
    expect(isActive(window, at("2025-01-14T00:30:00Z"))).toBe(false);
    expect(isActive(window, at("2025-01-15T00:30:00Z"))).toBe(true);
  });

  it("no windows means never frozen", () => {
    expect(freezeStatus("env.yaml", [], at("2025-01-11T10:00:00Z"))).toEqual({ blocked: false, reasons: [], active: [] });
  });

  it("reports a broken window with PRM004 and the file", () => {
    expect(() => freezeStatus("environments/production/environment.yaml", [{ ...weekend, timeZone: "Nowhere/Land" }], at("2025-01-11T10:00:00Z"))).toThrowError(/environments\/production\/environment\.yaml: syncWindows\[0\]/);
    expect(() => freezeStatus("e.yaml", [{ ...weekend, duration: "2d" }], at("2025-01-11T10:00:00Z"))).toThrowError(/unknown unit "d" in duration "2d"/);
    expect(() => freezeStatus("e.yaml", [{ ...weekend, schedule: "0 0 * * 7" }], at("2025-01-11T10:00:00Z"))).toThrowError(/PRM004|syncWindows\[0\]: end of range \(7\)/);
  });
});
