import { CronSyntaxError, nextActivation, parseCron } from "../promote/cron.js";
import { GoDurationError, parseGoDuration } from "../promote/go-duration.js";
import type { EnvironmentSpec } from "./environment-model.js";
import { IANA_TIME_ZONES } from "./iana-time-zones.js";
import { problem, type Problem, type SourceLocation } from "./problems.js";

/**
 * Sync windows as Argo CD v3.4.4 reads them (GEN024). The generator copies every window onto every
 * AppProject of the environment; Argo CD evaluates them on each sync (SyncWindows.CanSync,
 * pkg/apis/application/v1alpha1/types.go:3065-3098):
 * - a schedule robfig/cron refuses, or a duration Go's time.ParseDuration refuses, makes CanSync fail
 *   ("invalid sync windows"), which the controller treats as "no sync" (controller/sync.go:564-576,
 *   appcontroller.go:1865): every application of the environment stops syncing. The API server would
 *   refuse such a project (ValidateProject → SyncWindow.Validate, types.go:3217-3245), but the generated
 *   AppProjects are applied from Git, not through it;
 * - a timeZone Go's time.LoadLocation cannot load is replaced by UTC with only a log warning
 *   (types.go:2926-2933, 3222-3224): the window silently opens at the wrong hour;
 * - a schedule that never fires (30 February) makes Next return Go's zero time, which is before now, so
 *   the window is always active (types.go:2872-2873); a duration of zero or less is never active.
 * Parsing is cron.ts and go-duration.ts, the same code the promotion's freeze check runs.
 */
export function checkSyncWindows(environment: EnvironmentSpec, file: string, locate: (path: (string | number)[], target?: "key" | "value") => SourceLocation): Problem[] {
  const problems: Problem[] = [];
  environment.syncWindows.forEach((window, index) => {
    const at = (key: string) => ({ location: locate(["syncWindows", index, key]), path: `syncWindows[${index}].${key}` });
    const what = `syncWindows[${index}] (${window.kind})`;
    try {
      const schedule = parseCron(window.schedule);
      // A fixed start keeps the output deterministic; any schedule that can fire does so within five years of it.
      if (nextActivation(schedule, new Date(Date.UTC(2000, 0, 1))) === null) {
        const effect = window.kind === "deny" ? "this deny window would block automated syncs for good" : "this allow window would allow syncs at all times";
        problems.push(
          problem("GEN024", file, `${what} schedule "${window.schedule}" never fires (no date has that day in those months); Argo CD counts a window without a next firing as always active, so ${effect}.`, {
            ...at("schedule"),
            fix: "Choose a day of month that exists in the months listed (or restrict the day of week instead).",
          }),
        );
      }
    } catch (error) {
      if (!(error instanceof CronSyntaxError)) throw error;
      problems.push(problem("GEN024", file, `${what} schedule "${window.schedule}" is refused by Argo CD's cron parser (robfig/cron): ${error.message}. Argo CD then blocks every sync of the environment's applications ("invalid sync windows").`, { ...at("schedule"), fix: scheduleFix(error.message) }));
    }
    try {
      const duration = parseGoDuration(window.duration);
      if (duration <= 0n) {
        problems.push(problem("GEN024", file, `${what} duration "${window.duration}" is not positive: the window is never active.`, { ...at("duration"), fix: "Give the window a length, e.g. 48h or 90m, or remove the window." }));
      }
    } catch (error) {
      if (!(error instanceof GoDurationError)) throw error;
      problems.push(problem("GEN024", file, `${what} duration "${window.duration}" is refused by Argo CD (Go's time.ParseDuration: ${error.message}); Argo CD then blocks every sync of the environment's applications.`, { ...at("duration"), fix: "Write a Go duration of at most 2562047h, e.g. 48h or 90m." }));
    }
    if (!loadableTimeZone(window.timeZone)) {
      const sameLetters = [...IANA_TIME_ZONES].find((zone) => zone.toLowerCase() === window.timeZone.toLowerCase());
      problems.push(
        problem("GEN024", file, `${what} timeZone "${window.timeZone}" is not a time zone Argo CD can load (Go's time.LoadLocation opens tz database names as file names, case-sensitively); Argo CD would log a warning and run the window in UTC.`, {
          ...at("timeZone"),
          fix: sameLetters ? `Write "${sameLetters}".` : "Use a name of the IANA tz database, such as Europe/Berlin, America/New_York or UTC.",
        }),
      );
    }
  });
  return problems;
}

/** A name Go's time.LoadLocation loads from Ubuntu's tzdata (and Node's ICU knows, for the freeze check). */
export function loadableTimeZone(name: string): boolean {
  // LoadLocation("") and LoadLocation("UTC") return UTC without reading a file.
  if (name === "" || name === "UTC") return true;
  if (!IANA_TIME_ZONES.has(name)) return false;
  // ICU's canonical zones are accepted by Intl.DateTimeFormat (ECMA-402: AvailableCanonicalTimeZones
  // is part of AvailableNamedTimeZoneIdentifiers); listing them costs about 2 ms, the first
  // DateTimeFormat 15-25 ms (its locale data), so only the other names (aliases ICU does not list,
  // such as Asia/Kolkata and Etc/UTC on Node 20) construct one. sync-window-check.test.ts checks
  // that both ways agree on every name.
  if (canonicalTimeZones().has(name)) return true;
  return constructsFormatter(name);
}

let canonical: ReadonlySet<string> | undefined;
const canonicalTimeZones = (): ReadonlySet<string> => (canonical ??= new Set(Intl.supportedValuesOf("timeZone")));

/** Whether Node's ICU builds a date formatter for the zone (what the promotion's freeze check does). */
export function constructsFormatter(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const DESCRIPTORS: Readonly<Record<string, string>> = { "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *", "@weekly": "0 0 * * 0", "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@hourly": "0 * * * *" };

function scheduleFix(reason: string): string {
  if (/above maximum \(6\)/.test(reason)) return "Write Sunday as 0 or sun: Argo CD's day of week runs 0-6 (sun-sat); 7 is refused.";
  const descriptor = /does not accept descriptors: (\S+)/.exec(reason)?.[1];
  if (descriptor !== undefined) {
    const fields = DESCRIPTORS[descriptor];
    return fields ? `Write "${fields}" instead: Argo CD's parser takes five fields, not ${descriptor}.` : "Write five cron fields: Argo CD's parser takes no @ descriptors.";
  }
  return "Write five fields (minute 0-59, hour 0-23, day of month 1-31, month 1-12 or jan-dec, day of week 0-6 or sun-sat), each `*`, `?`, a number or name, a range a-b, a list, or a step `/n`; no L, W, # or H.";
}
