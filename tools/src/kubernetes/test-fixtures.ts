import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseManifests, type KubeObject } from "./manifests.js";
import { repoRoot } from "../paths.js";

/** Test support: the objects of test/fixtures/kubernetes/<file>, each passing every check. */
export function readFixture(file = "valid-release.yaml"): string {
  return readFileSync(join(repoRoot, "test", "fixtures", "kubernetes", file), "utf8");
}

/** A fresh, freely mutable copy of the fixture object of that kind (and name, when several share a kind). */
export function fixtureObject(kind: string, name?: string): KubeObject {
  const objects = parseManifests(readFixture(), "valid-release.yaml");
  const found = objects.find((o) => o.kind === kind && (name === undefined || o.metadata?.name === name));
  if (!found) throw new Error(`test/fixtures/kubernetes/valid-release.yaml has no ${kind}${name ? ` named ${name}` : ""}`);
  return structuredClone(found);
}

/** Tests reach deep into fixture objects to break one field at a time; typing every path buys nothing there. */
export type Loose = any;
