import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * npm packages whose model classes make up the schema registry of the core kinds: kubernetes-models 4.5.1, generated
 * from Kubernetes v1.33.0 (kubernetes-models-ts first-party/kubernetes-models/CHANGELOG.md:53-57), the version whose
 * API server crd-schema.ts follows. Its 5.x releases (Kubernetes v1.36.0) declare engines node >=22 (CHANGELOG.md:27-37),
 * outside the documented Node 20. Custom resources are validated against the CRDs of the pinned upstream charts
 * (upstream-crds.ts), not against model packages.
 */
export const MODEL_PACKAGES: readonly { name: string; optional?: boolean }[] = [{ name: "kubernetes-models" }];

/** A model class module for one apiVersion/kind, found by walking a package's folders. */
export interface KindModule {
  apiVersion: string;
  kind: string;
  packageName: string;
  /** Absolute path of the compiled class module (`.../apps/v1/Deployment.js`). */
  modulePath: string;
  /** Absolute path of its declarations (`.../apps/v1/Deployment.d.ts`), which export `I<Kind>`. */
  declarationPath: string;
  /** The exported interface describing the object's fields. */
  interfaceName: string;
}

const VERSION_FOLDER = /^v\d+(?:(?:alpha|beta)\d+)?$/;
// Only classes generated for top-level resources carry a static kind; spec/status helper classes do not.
const KIND_CLASS_MARKER = /\bstatic kind: /;

/** Finds an installed package the way Node does: node_modules folders from this file upwards. */
export function findPackageDir(name: string, from = dirname(fileURLToPath(import.meta.url))): string | undefined {
  let dir = from;
  for (;;) {
    const candidate = join(dir, "node_modules", ...name.split("/"));
    if (existsSync(join(candidate, "package.json"))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function packageVersion(packageDir: string): string {
  const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { version?: unknown };
  return typeof manifest.version === "string" ? manifest.version : "unknown";
}

/**
 * Packages lay models out as `<group>/<version>/<Kind>.js` (`v1/<Kind>.js` for the core group), which
 * mirrors the apiVersion; the registry verifies each class's static apiVersion/kind when it loads it.
 */
export function discoverKindModules(packageDir: string, packageName: string): KindModule[] {
  const found: KindModule[] = [];
  for (const versionDir of versionFolders(packageDir)) {
    const apiVersion = relative(packageDir, versionDir).split(sep).join("/");
    for (const file of readdirSync(versionDir).sort()) {
      if (!file.endsWith(".d.ts") || file === "index.d.ts") continue;
      const declarationPath = join(versionDir, file);
      if (!KIND_CLASS_MARKER.test(readFileSync(declarationPath, "utf8"))) continue;
      const kind = file.slice(0, -".d.ts".length);
      found.push({
        apiVersion,
        kind,
        packageName,
        modulePath: join(versionDir, `${kind}.js`),
        declarationPath,
        interfaceName: `I${kind}`,
      });
    }
  }
  return found;
}

function versionFolders(packageDir: string): string[] {
  const folders: string[] = [];
  for (const entry of readdirSync(packageDir).sort()) {
    const path = join(packageDir, entry);
    if (entry.startsWith("_") || entry.startsWith(".") || entry === "node_modules" || !statSync(path).isDirectory()) {
      continue;
    }
    if (VERSION_FOLDER.test(entry)) {
      folders.push(path);
      continue;
    }
    // Anything else is an API group folder (apps, batch, monitoring.coreos.com, ...) holding version folders.
    for (const version of readdirSync(path).sort()) {
      const versionPath = join(path, version);
      if (VERSION_FOLDER.test(version) && existsSync(join(versionPath, "index.js"))) folders.push(versionPath);
    }
  }
  return folders;
}

export interface InstalledModelPackage {
  name: string;
  version: string;
  dir: string;
}

/** The model packages that are installed; a missing required one is an error naming the npm command. */
export function installedModelPackages(): InstalledModelPackage[] {
  const installed: InstalledModelPackage[] = [];
  for (const { name, optional } of MODEL_PACKAGES) {
    const dir = findPackageDir(name);
    if (!dir) {
      if (optional) continue;
      throw new Error(`Kubernetes model package ${name} is not installed; run \`npm ci\` at the repository root.`);
    }
    installed.push({ name, version: packageVersion(dir), dir });
  }
  return installed;
}

let allKindModules: KindModule[] | undefined;

/** Every model kind of every installed model package (cached; a cheap folder walk, nothing is imported). */
export function allKindModulesOfInstalledPackages(): KindModule[] {
  allKindModules ??= installedModelPackages().flatMap((pkg) => discoverKindModules(pkg.dir, pkg.name));
  return allKindModules;
}
