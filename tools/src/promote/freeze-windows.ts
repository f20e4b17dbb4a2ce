import { cronMatches, parseCron, wallClock } from "./cron.js";
import { PromotionError } from "./errors.js";

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

const MINUTE = 60_000;

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
      throw new PromotionError("PRM004", `${file}: syncWindows[${index}]: ${(error as Error).message}`, "Fix the window's schedule (five cron fields), duration (such as 48h) or timeZone (an IANA name such as Europe/Berlin).");
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

export function isActive(window: SyncWindow, now: Date): boolean {
  const schedule = parseCron(window.schedule);
  const minutes = parseDuration(window.duration);
  const timeZone = window.timeZone || "UTC";
  const start = Math.floor(now.getTime() / MINUTE) * MINUTE;
  // Walk back minute by minute over the window's length: a firing in that span means "now" is inside.
  for (let i = 0; i < minutes; i++) {
    if (cronMatches(schedule, wallClock(new Date(start - i * MINUTE), timeZone))) return true;
  }
  return false;
}

function parseDuration(text: string): number {
  const match = /^(\d+)(m|h)$/.exec(text);
  if (!match) throw new Error(`duration "${text}" is not a number of minutes or hours such as 90m or 48h`);
  return Number(match[1]) * (match[2] === "h" ? 60 : 1);
}

function describeWindow(window: SyncWindow, index: number): string {
  const about = window.description ? ` "${window.description}"` : "";
  return `#${index + 1} (${window.kind} "${window.schedule}" for ${window.duration}, ${window.timeZone || "UTC"})${about}`;
}
