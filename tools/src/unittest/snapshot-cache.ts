import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { isGoMap, type GoValue } from "./go-values.js";
import { KeyedMap, marshalGoYaml } from "./goyaml-emit.js";
import { decodeGoYaml } from "./goyaml-parse.js";

export interface SnapshotComparison {
  passed: boolean;
  index: number;
  cached: string;
  fresh: string;
  /** No snapshot was stored yet (created, or a failure in CI). */
  missing: boolean;
}

export interface SnapshotCounts {
  total: number;
  created: number;
  failed: number;
  vanished: number;
}

/**
 * helm-unittest's snapshot cache for one suite file: `tests/__snapshot__/<suite>.snap`, a YAML map
 * of test name -> 1-based assertion counter -> the YAML of the snapshotted value. Same semantics:
 * new snapshots are created and pass, changed ones fail unless updating, and the file is rewritten
 * only when something was created, updated or vanished. In CI a missing snapshot fails instead and
 * nothing is written, so no test can pass by creating its own expectation.
 */
export class SnapshotCache {
  private readonly cached = new Map<string, Map<number, string>>();
  private readonly current = new Map<string, Map<number, string>>();
  private inserted = 0;
  private changed = 0;
  private compared = 0;
  private missingInCi = 0;

  constructor(
    readonly file: string,
    readonly displayFile: string,
    private readonly options: { updating: boolean; ci: boolean },
  ) {
    if (!existsSync(file)) return;
    const document = decodeGoYaml(readFileSync(file, "utf8"), displayFile);
    if (document === null) return;
    if (!isGoMap(document)) throw new Error(`${displayFile}: a snapshot file must map test names to numbered snapshots; delete it and run with --update-snapshots to regenerate it.`);
    for (const [test, entries] of Object.entries(document)) {
      if (!isGoMap(entries)) throw new Error(`${displayFile}: "${test}" must map snapshot numbers to snapshots; delete the file and run with --update-snapshots to regenerate it.`);
      const byIndex = new Map<number, string>();
      for (const [index, snapshot] of Object.entries(entries)) {
        if (!/^\d+$/.test(index) || typeof snapshot !== "string")
          throw new Error(`${displayFile}: "${test}" entry ${index} is not a numbered snapshot string; regenerate the file with --update-snapshots.`);
        byIndex.set(Number(index), snapshot);
      }
      this.cached.set(test, byIndex);
    }
  }

  compare(test: string, index: number, content: GoValue): SnapshotComparison {
    this.compared++;
    const fresh = marshalGoYaml(content);
    const cached = this.cached.get(test)?.get(index);
    const missing = cached === undefined;
    if (missing && this.options.ci) {
      this.missingInCi++;
      return { passed: false, index, cached: "", fresh, missing };
    }
    if (missing) this.inserted++;
    const matches = missing || cached === fresh;
    if (!matches) this.changed++;
    this.remember(test, index, this.options.updating || missing ? fresh : (cached as string));
    return { passed: this.options.updating || matches, index, cached: cached ?? "", fresh, missing };
  }

  /** A test that never reached its assertions keeps its stored snapshots instead of letting them vanish. */
  keepTest(test: string): void {
    for (const [index, snapshot] of this.cached.get(test) ?? []) if (!this.current.get(test)?.has(index)) this.remember(test, index, snapshot);
  }

  counts(): SnapshotCounts {
    return { total: this.compared, created: this.options.ci ? 0 : this.inserted, failed: this.options.updating ? 0 : this.changed + this.missingInCi, vanished: this.vanished() };
  }

  /** Writes the file when helm-unittest would; returns whether it did. */
  store(): boolean {
    if (this.options.ci) return false;
    if (!(this.options.updating || this.inserted > 0 || this.vanished() > 0)) return false;
    if (this.inserted === 0 && this.changed === 0 && this.vanished() === 0) return false;
    const tests = [...this.current].map(([test, byIndex]) => [test, new KeyedMap([...byIndex].map(([index, snapshot]) => [BigInt(index), snapshot] as const))] as const);
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(this.file, marshalGoYaml(new KeyedMap(tests)));
    return true;
  }

  private vanished(): number {
    let count = 0;
    for (const [test, byIndex] of this.cached) for (const index of byIndex.keys()) if (!this.current.get(test)?.has(index)) count++;
    return count;
  }

  private remember(test: string, index: number, snapshot: string): void {
    const byIndex = this.current.get(test) ?? new Map<number, string>();
    byIndex.set(index, snapshot);
    this.current.set(test, byIndex);
  }
}
