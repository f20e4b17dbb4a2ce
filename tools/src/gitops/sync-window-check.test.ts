import { describe, expect, it } from "vitest";
import type { EnvironmentSpec, SyncWindowSpec } from "./environment-model.js";
import { IANA_TIME_ZONES } from "./iana-time-zones.js";
import { checkSyncWindows, constructsFormatter, loadableTimeZone } from "./sync-window-check.js";

const weekend: SyncWindowSpec = { kind: "deny", schedule: "0 0 * * 6", duration: "48h", timeZone: "Etc/UTC", manualSync: true, description: "weekend" };
const check = (...windows: Partial<SyncWindowSpec>[]) =>
  checkSyncWindows({ syncWindows: windows.map((w) => ({ ...weekend, ...w })) } as EnvironmentSpec, "environments/production/environment.yaml", (path) => ({ line: 40 + Number(path[1]), column: path.length })).map((p) => ({
    code: p.code,
    path: p.path,
    message: p.message,
    fix: p.fix,
  }));

describe("sync windows as Argo CD v3.4.4 reads them (GEN024)", () => {
  it("accepts what Argo CD accepts", () => {
    expect(check({}, { schedule: "*/30 8-17 ? JAN-jun mon-FRI", duration: "1h30m", timeZone: "Asia/Kolkata" }, { schedule: "0 0 */2 * sun", timeZone: "UTC" }, { timeZone: "" }, { timeZone: "Europe/Kyiv", duration: "90m" })).toEqual([]);
  });

  it("refuses a schedule robfig/cron refuses, with its reason and a fix", () => {
    expect(check({ schedule: "0 0 * * 7" })).toEqual([
      expect.objectContaining({ code: "GEN024", path: "syncWindows[0].schedule", message: expect.stringContaining("end of range (7) above maximum (6)"), fix: expect.stringContaining("Sunday as 0 or sun") }),
    ]);
    expect(check({ schedule: "@daily" })[0]?.fix).toBe('Write "0 0 * * *" instead: Argo CD\'s parser takes five fields, not @daily.');
    expect(check({ schedule: "0 0 L * *" })[0]?.message).toContain("failed to parse int from L");
  });

  it("refuses a schedule that never fires: Argo CD would treat the window as always active", () => {
    expect(check({ schedule: "0 0 30 2 *" })[0]?.message).toMatch(/never fires.*always active, so this deny window would block automated syncs for good/);
    expect(check({ schedule: "0 0 31 4 *", kind: "allow" })[0]?.message).toMatch(/allow syncs at all times/);
    expect(check({ schedule: "0 0 29 2 *" })).toEqual([]);
  });

  it("refuses a duration Go cannot parse or that is not positive", () => {
    expect(check({ duration: "3000000h" })[0]?.message).toContain('time: invalid duration "3000000h"');
    expect(check({ duration: "2d" })[0]?.message).toContain('unknown unit "d"');
    expect(check({ duration: "0h" })[0]?.message).toContain("never active");
  });

  it("refuses a time zone Go's LoadLocation cannot open (Argo CD would use UTC): wrong case, ICU-only names, offsets", () => {
    expect(check({ timeZone: "europe/berlin" })[0]).toEqual(expect.objectContaining({ path: "syncWindows[0].timeZone", fix: 'Write "Europe/Berlin".' }));
    for (const zone of ["IST", "US/Pacific-New", "+01:00", "Local", "Mars/Olympus", "Factory"]) expect(check({ timeZone: zone }).map((p) => p.path), zone).toEqual(["syncWindows[0].timeZone"]);
  });
});

describe("the time zone check's fast path", () => {
  it("decides every IANA name as a DateTimeFormat would, canonical ICU zones and links alike", () => {
    const disagreements = [...IANA_TIME_ZONES].filter((name) => loadableTimeZone(name) !== constructsFormatter(name));
    expect(disagreements).toEqual([]);
    // Both paths of loadableTimeZone ran: names ICU lists (Europe/Berlin), and names it does not list
    // but a DateTimeFormat accepts (on Node 20's ICU, Asia/Kolkata and Etc/UTC are such aliases).
    const listed = new Set(Intl.supportedValuesOf("timeZone"));
    expect(listed.has("Europe/Berlin")).toBe(true);
    const aliases = [...IANA_TIME_ZONES].filter((name) => !listed.has(name) && constructsFormatter(name));
    expect(aliases.length).toBeGreaterThan(0);
    for (const name of aliases) expect(loadableTimeZone(name), name).toBe(true);
  });
});
