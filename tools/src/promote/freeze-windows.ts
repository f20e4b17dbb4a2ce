import { nextActivation, parseCron, zoneOffsetSeconds } from "./cron.js";
import { PromotionError } from "./errors.js";
import { parseGoDuration } from "./go-duration.js";

/** A sync window as environment.yaml writes it (schema defaults may be missing). */
export interface SyncWindow {
  kind: "allow" | "deny";
  schedule: string;
  duration: string;
  timeZone?: string;
  description?: string;
}

export interface FreezeStatus {
  blocked: boolean;
  /** Why the promotion is blocked (empty when it is not). */
  reasons: string[];
  /** Windows active at the instant, described. */
  active: string[];
}

/**
 * Whether the target's sync windows freeze it at `now`, with Argo CD's semantics: a window is active
 * when its schedule fired less than `duration` ago; an active deny window blocks, and when allow
 * windows exist, being outside all of them blocks too.
 */
export function freezeStatus(file: string, windows: readonly SyncWindow[], now: Date): FreezeStatus {
  const active: string[] = [];
  const reasons: string[] = [];
  let allowWindows = 0;
  let activeAllow = 0;
  windows.forEach((window, index) => {
    const label = describeWindow(window, index);
    let open: boolean;
    try {
      open = isActive(window, now);
    } catch (error) {
      throw new PromotionError("PRM004", `${file}: syncWindows[${index}]: ${(error as Error).message}`, "Fix the window's schedule (five cron fields as Argo CD reads them: day of week 0-6), duration (such as 48h) or timeZone (an IANA name such as Europe/Berlin).");
    }
    if (window.kind === "allow") allowWindows++;
    if (!open) return;
    active.push(label);
    if (window.kind === "deny") reasons.push(`deny window ${label} is active`);
    else activeAllow++;
  });
  if (allowWindows > 0 && activeAllow === 0) reasons.push(`outside every allow window (${allowWindows} defined)`);
  return { blocked: reasons.length > 0, reasons, active };
}

/**
 * Argo CD v3.4.4's SyncWindow.active (pkg/apis/application/v1alpha1/types.go:3157-3177), step by step:
 * the schedule and duration are parsed as Argo CD parses them (robfig/cron, Go's time.ParseDuration);
 * the zone's offset *at this instant* is added to the UTC time (scheduleOffsetByTimeZone,
 * types.go:2926-2933, so a window keeps one offset across a DST change inside it); the window is
 * active when the schedule's next firing after (now + offset - duration) is before (now + offset).
 * A schedule that never fires makes Next return Go's zero time, which is before any now: Argo CD
 * then treats the window as always active, and so does this.
 *
 * One difference on purpose: Argo CD falls back to UTC, with a log warning, for a zone it cannot
 * load (types.go:2927-2931); here an unknown zone is an error (PRM004), as it is in the generator.
 */
export function isActive(window: SyncWindow, now: Date): boolean {
  const schedule = parseCron(window.schedule);
  const duration = parseGoDuration(window.duration);
  const offset = BigInt(zoneOffsetSeconds(now, window.timeZone || "UTC"));
  const current = BigInt(now.getTime()) * NS_PER_MS + offset * NS_PER_SECOND;
  const from = current - duration;
  // Next looks at whole seconds only (spec.go:82): start from the second that holds `from`.
  const fromSecond = from >= 0n ? from / NS_PER_SECOND : -((-from + NS_PER_SECOND - 1n) / NS_PER_SECOND);
  const next = nextActivation(schedule, new Date(Number(fromSecond * 1000n)));
  if (next === null) return true;
  return BigInt(next.getTime()) * NS_PER_MS < current;
}

const NS_PER_MS = 1_000_000n;
const NS_PER_SECOND = 1_000_000_000n;

function describeWindow(window: SyncWindow, index: number): string {
  const about = window.description ? ` "${window.description}"` : "";
  return `#${index + 1} (${window.kind} "${window.schedule}" for ${window.duration}, ${window.timeZone || "UTC"})${about}`;
}
