import { cpSync, lstatSync, readdirSync, utimesSync } from "node:fs";
import { join } from "node:path";

/**
 * Copies a chart for `helm package`, following symlinks (charts/<name>/charts/common -> ../../common)
 * and giving every file the same modification time. Helm writes each file's mtime into the .tgz,
 * so without this the package bytes (and the digest in index.yaml and the OCI registry) would
 * change with every checkout even when the chart did not.
 */
export function stageChart(chartDir: string, stagedDir: string, mtime: Date): void {
  cpSync(chartDir, stagedDir, { recursive: true, dereference: true, preserveTimestamps: false });
  setTimesRecursively(stagedDir, mtime);
}

function setTimesRecursively(path: string, mtime: Date): void {
  if (lstatSync(path).isDirectory()) {
    for (const entry of readdirSync(path)) setTimesRecursively(join(path, entry), mtime);
  }
  utimesSync(path, mtime, mtime);
}

/** SOURCE_DATE_EPOCH (reproducible-builds convention) when set, else a fixed instant. */
export function packageTimestamp(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === "") return new Date("2000-01-01T00:00:00Z");
  if (!/^\d+$/.test(epoch)) throw new Error(`SOURCE_DATE_EPOCH=${epoch} is not a whole number of seconds since 1970. Fix or unset it.`);
  return new Date(Number(epoch) * 1000);
}
