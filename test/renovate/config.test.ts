import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parse as parseYaml } from "yaml";
import { repoRoot } from "../../tools/src/paths.js";
import { freezeStatus, type SyncWindow } from "../../tools/src/promote/freeze-windows.js";
import { isScheduledNow, readRenovateConfig, renovateConfigFile, validatorBin, type RenovateConfig } from "./renovate-support.js";

/** Renovate's own validator (renovate-config-validator of the pinned devDependency), strict: a warning or a needed migration fails too. */
function validate(file: string): { status: number | null; output: string } {
  const result = spawnSync(validatorBin, ["--strict", file], { cwd: repoRoot, encoding: "utf8", env: { ...process.env, LOG_LEVEL: "info" } });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("the Renovate configuration passes Renovate's validator", () => {
  it(".github/renovate.json validates with --strict", () => {
    const { status, output } = validate(renovateConfigFile);
    expect(status, output).toBe(0);
    expect(output).toMatch(/Config validated successfully/);
  });

  it("the validator fails on an unknown option and on an invalid schedule (control)", () => {
    const dir = mkdtempSync(join(tmpdir(), "renovate-config-"));
    try {
      const config = readRenovateConfig();
      writeFileSync(join(dir, "typo.json"), JSON.stringify({ ...config, prHourlyLimitt: 2 }));
      expect(validate(join(dir, "typo.json")).status).not.toBe(0);
      writeFileSync(join(dir, "schedule.json"), JSON.stringify({ ...config, schedule: ["0 7 * * 1-4"] }));
      expect(validate(join(dir, "schedule.json")).output).toMatch(/schedule/i);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Every environment's sync windows: upstream chart and Argo CD updates reach all environments at once. */
function environmentWindows(): Array<{ file: string; windows: SyncWindow[] }> {
  const dir = join(repoRoot, "environments");
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `environments/${entry.name}/environment.yaml`)
    .map((file) => ({ file, windows: ((parseYaml(readFileSync(join(repoRoot, file), "utf8")) as { syncWindows?: SyncWindow[] }).syncWindows ?? []) }));
}

/** The schedules the bot works under: the top-level one and each package rule's own. */
function schedules(config: RenovateConfig): Array<{ name: string; schedule?: string[] }> {
  return [
    { name: "schedule", schedule: config.schedule },
    ...config.packageRules.filter((rule) => rule.schedule !== undefined).map((rule) => ({ name: `packageRules "${String(rule.groupName ?? rule.description)}"`, schedule: rule.schedule as string[] })),
  ];
}

const HOUR = 3_600_000;
/** A reference week, Monday 2026-11-30 00:30 UTC onward, hour by hour (the half hour keeps clear of edges). */
const WEEK = Array.from({ length: 7 * 24 }, (_, i) => new Date(Date.UTC(2026, 10, 30, 0, 30) + i * HOUR));

/** Hours of the reference week when Renovate (its own isScheduledNow) would open or update a branch inside a deny window. */
function scheduleConflicts(config: RenovateConfig): string[] {
  const conflicts: string[] = [];
  const environments = environmentWindows();
  vi.useFakeTimers({ toFake: ["Date"] });
  try {
    for (const { name, schedule } of schedules(config)) {
      let open = 0;
      for (const at of WEEK) {
        vi.setSystemTime(at);
        if (!isScheduledNow({ schedule, timezone: config.timezone })) continue;
        open++;
        for (const { file, windows } of environments) {
          const status = freezeStatus(file, windows, at);
          if (status.blocked) conflicts.push(`${name} works at ${at.toISOString()} while ${file} is frozen: ${status.reasons.join("; ")}`);
        }
      }
      if (open === 0) conflicts.push(`${name} ${JSON.stringify(schedule)} never runs`);
    }
  } finally {
    vi.useRealTimers();
  }
  return conflicts;
}

describe("Renovate's schedules respect the freeze windows", () => {
  afterEach(() => vi.useRealTimers());

  it("production has the weekend deny window this check is about", () => {
    const production = environmentWindows().find((e) => e.file === "environments/production/environment.yaml");
    expect(production?.windows.some((w) => w.kind === "deny")).toBe(true);
  });

  it("no schedule of .github/renovate.json opens or updates a pull request inside a deny window", () => {
    expect(scheduleConflicts(readRenovateConfig())).toEqual([]);
  });

  it("a schedule reaching into the weekend, or no schedule at all, is reported", () => {
    const config = readRenovateConfig();
    expect(scheduleConflicts({ ...config, schedule: ["* 7-15 * * 1-6"] }).length).toBeGreaterThan(0);
    expect(scheduleConflicts({ ...config, schedule: undefined }).length).toBeGreaterThan(0);
    expect(scheduleConflicts({ ...config, schedule: ["every weekend"] }).length).toBeGreaterThan(0);
  });
});
