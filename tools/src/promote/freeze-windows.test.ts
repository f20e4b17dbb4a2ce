import { describe, expect, it } from "vitest";
import { cronMatches, parseCron, wallClock } from "./cron.js";
import { freezeStatus, isActive } from "./freeze-windows.js";

const at = (iso: string) => new Date(iso);

describe("cron schedules", () => {
  it("parses lists, ranges, steps and names", () => {
    const schedule = parseCron("*/15 8-17 * JAN,jul mon-fri");
    expect([...schedule.minutes]).toEqual([0, 15, 30, 45]);
    expect([...schedule.hours]).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
    expect([...schedule.months]).toEqual([1, 7]);
    expect([...schedule.daysOfWeek]).toEqual([1, 2, 3, 4, 5]);
  });

  it("treats 7 as Sunday and ORs restricted day-of-month and day-of-week", () => {
    expect([...parseCron("0 0 * * 7").daysOfWeek]).toEqual([0]);
    const either = parseCron("0 0 1 * 1");
    expect(cronMatches(either, { minute: 0, hour: 0, dayOfMonth: 1, month: 5, dayOfWeek: 3 })).toBe(true);
    expect(cronMatches(either, { minute: 0, hour: 0, dayOfMonth: 9, month: 5, dayOfWeek: 1 })).toBe(true);
    expect(cronMatches(either, { minute: 0, hour: 0, dayOfMonth: 9, month: 5, dayOfWeek: 2 })).toBe(false);
  });

  it("rejects malformed expressions, naming the field", () => {
    expect(() => parseCron("0 0 * *")).toThrowError(/4 fields/);
    expect(() => parseCron("61 0 * * *")).toThrowError(/minute field "61".*outside 0-59/);
    expect(() => parseCron("0 0 * * FUNDAY")).toThrowError(/day of week/);
    expect(() => parseCron("0 5-2 * * *")).toThrowError(/ends before it starts/);
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

  it("no windows means never frozen", () => {
    expect(freezeStatus("env.yaml", [], at("2025-01-11T10:00:00Z"))).toEqual({ blocked: false, reasons: [], active: [] });
  });

  it("reports a broken window with PRM004 and the file", () => {
    expect(() => freezeStatus("environments/production/environment.yaml", [{ ...weekend, timeZone: "Nowhere/Land" }], at("2025-01-11T10:00:00Z"))).toThrowError(/environments\/production\/environment\.yaml: syncWindows\[0\]/);
    expect(() => freezeStatus("e.yaml", [{ ...weekend, duration: "2d" }], at("2025-01-11T10:00:00Z"))).toThrowError(/duration "2d"/);
  });
});
