import { ASSERTION_TYPES, MISSPELLED_TYPES, type AssertionTypeSpec } from "./assertion-types.js";
import { formatGoFloat, isGoMap, type GoMap, type GoValue } from "./go-values.js";
import { decodeGoYaml, GoYamlSyntaxError } from "./goyaml-parse.js";
import type { SetEntry } from "./set-values.js";

/** A suite file that helm-unittest would refuse (or that uses something this runner cannot honour). */
export class SuiteDefinitionError extends Error {
  constructor(
    readonly file: string,
    readonly location: string,
    readonly problem: string,
  ) {
    super(`${file}: ${location ? `${location}: ` : ""}${problem}`);
  }
}

export interface DocumentSelector {
  path: string;
  value: GoValue;
  matchMany: boolean;
  skipEmptyTemplates: boolean;
}

export interface ReleaseSettings {
  name?: string;
  namespace?: string;
  revision?: number;
  upgrade?: boolean;
}

export interface CapabilitiesSettings {
  majorVersion?: string;
  minorVersion?: string;
  apiVersions: string[];
}

export interface ChartSettings {
  version?: string;
  appVersion?: string;
}

export interface AssertionDefinition {
  type: string;
  spec: AssertionTypeSpec;
  params: GoMap;
  not: boolean;
  template?: string;
  documentIndex: number;
  documentSelector?: DocumentSelector;
  location: string;
}

/** helm-unittest's PostRendererConfig (pkg/unittest/test_job.go:50-53 at v1.1.0): a command run on the merged output. */
export interface PostRendererSettings {
  cmd: string;
  args: string[];
}

/**
 * helm-unittest's KubernetesFakeClientProvider (pkg/unittest/k8s_fake_client.go:13-22 at v1.1.0):
 * `scheme` maps "<apiVersion>/<kind>" to the resource and its scope, `objects` are what `lookup` finds.
 */
export interface KubernetesProviderSettings {
  scheme: Record<string, { resource: string; namespaced: boolean }>;
  objects: GoMap[];
}

export interface TestJobDefinition {
  name: string;
  location: string;
  values: string[];
  set: SetEntry[];
  template?: string;
  templates: string[];
  documentIndex?: number;
  documentSelector?: DocumentSelector;
  release: ReleaseSettings;
  capabilities: CapabilitiesSettings;
  chart: ChartSettings;
  skipReason?: string;
  postRenderer?: PostRendererSettings;
  kubernetesProvider?: KubernetesProviderSettings;
  asserts: AssertionDefinition[];
}

export interface SuiteDefinition {
  /** Absolute path of the suite file (relative `values` files resolve against its directory). */
  file: string;
  name?: string;
  values: string[];
  set: SetEntry[];
  templates: string[];
  excludeTemplates: string[];
  release: ReleaseSettings;
  capabilities: CapabilitiesSettings;
  chart: ChartSettings;
  skipReason?: string;
  /** `includeCrds: true`: the chart's crds/ files are asserted on like templates (test_job.go:590-601). */
  includeCrds: boolean;
  postRenderer?: PostRendererSettings;
  kubernetesProvider?: KubernetesProviderSettings;
  tests: TestJobDefinition[];
}

/** TestSuite's YAML keys (pkg/unittest/test_suite.go:209-252 at v1.1.0). */
export const SUITE_KEYS = ["suite", "values", "set", "templates", "excludeTemplates", "includeCrds", "release", "chart", "capabilities", "kubernetesProvider", "postRenderer", "tests", "snapshotId", "skip"] as const;
/** TestJob's YAML keys (pkg/unittest/test_job.go:180-208 at v1.1.0). */
export const TEST_KEYS = ["it", "values", "set", "template", "templates", "documentIndex", "documentSelector", "release", "chart", "capabilities", "asserts", "skip", "kubernetesProvider", "postRenderer"] as const;
const ASSERTION_OPTION_KEYS = new Set(["not", "template", "documentIndex", "documentSelector"]);

/**
 * Parses and strictly validates a suite file (several suites may be separated by `---` lines, as
 * helm-unittest allows). `displayFile` names the file in every error.
 */
export function parseSuiteFile(text: string, absoluteFile: string, displayFile: string): SuiteDefinition[] {
  const parts = text.split(/^---$/m).filter((part) => part.trim().length > 0);
  return parts.map((part, index) => {
    let document: GoValue;
    try {
      document = decodeGoYaml(part, displayFile);
    } catch (error) {
      if (error instanceof GoYamlSyntaxError) throw new SuiteDefinitionError(displayFile, "", error.message.replace(`${displayFile}: `, ""));
      throw error;
    }
    return new SuiteReader(displayFile, parts.length > 1 ? `[suite ${index}]` : "").readSuite(document, absoluteFile);
  });
}

class SuiteReader {
  constructor(
    private readonly file: string,
    private readonly prefix: string,
  ) {}

  readSuite(document: GoValue, absoluteFile: string): SuiteDefinition {
    const root = this.map(document, "");
    this.checkKeys(root, SUITE_KEYS, "");
    const testsValue = root.tests;
    if (!Array.isArray(testsValue) || testsValue.length === 0) throw this.error("tests", "no tests found: `tests` must be a non-empty list of test jobs");
    const skip = this.optionalMap(root.skip, "skip");
    if (skip) this.checkKeys(skip, ["reason", "minimumVersion"], "skip");
    return {
      file: absoluteFile,
      name: this.optionalString(root.suite, "suite"),
      values: this.stringList(root.values, "values"),
      set: this.setEntries(root.set, "set"),
      templates: this.stringList(root.templates, "templates"),
      excludeTemplates: this.stringList(root.excludeTemplates, "excludeTemplates"),
      release: this.release(root.release, "release"),
      capabilities: this.capabilities(root.capabilities, "capabilities"),
      chart: this.chart(root.chart, "chart"),
      skipReason: skip ? this.optionalString(skip.reason, "skip.reason") : undefined,
      includeCrds: this.optionalBool(root.includeCrds, "includeCrds") ?? false,
      postRenderer: this.postRenderer(root.postRenderer, "postRenderer"),
      kubernetesProvider: this.kubernetesProvider(root.kubernetesProvider, "kubernetesProvider"),
      tests: testsValue.map((test, index) => this.testJob(test, `tests[${index}]`)),
    };
  }

  private testJob(value: GoValue, location: string): TestJobDefinition {
    const test = this.map(value, location);
    this.checkKeys(test, TEST_KEYS, location);
    const asserts = test.asserts;
    if (!Array.isArray(asserts) || asserts.length === 0) throw this.error(`${location}.asserts`, "no asserts found: every test needs a non-empty `asserts` list");
    const skip = this.optionalMap(test.skip, `${location}.skip`);
    if (skip) this.checkKeys(skip, ["reason"], `${location}.skip`);
    const name = this.optionalString(test.it, `${location}.it`) ?? "";
    return {
      name,
      location,
      values: this.stringList(test.values, `${location}.values`),
      set: this.setEntries(test.set, `${location}.set`),
      template: this.optionalString(test.template, `${location}.template`),
      templates: this.stringList(test.templates, `${location}.templates`),
      documentIndex: this.optionalInt(test.documentIndex, `${location}.documentIndex`),
      documentSelector: this.documentSelector(test.documentSelector, `${location}.documentSelector`),
      release: this.release(test.release, `${location}.release`),
      capabilities: this.capabilities(test.capabilities, `${location}.capabilities`),
      chart: this.chart(test.chart, `${location}.chart`),
      skipReason: skip ? this.optionalString(skip.reason, `${location}.skip.reason`) : undefined,
      postRenderer: this.postRenderer(test.postRenderer, `${location}.postRenderer`),
      kubernetesProvider: this.kubernetesProvider(test.kubernetesProvider, `${location}.kubernetesProvider`),
      asserts: asserts.map((assertion, index) => this.assertion(assertion, `${location}.asserts[${index}]`, name)),
    };
  }

  private assertion(value: GoValue, location: string, testName: string): AssertionDefinition {
    const definition = this.map(value, location);
    const typeKeys = Object.keys(definition).filter((key) => !ASSERTION_OPTION_KEYS.has(key));
    const where = `${location} (test "${testName}")`;
    if (typeKeys.length === 0) throw this.error(where, `no assertion type defined; use one of: ${Object.keys(ASSERTION_TYPES).join(", ")}`);
    if (typeKeys.length > 1) throw this.error(where, `assertion types ${typeKeys.map((k) => `\`${k}\``).join(" and ")} are declared in one assertion; split them into separate list items`);
    const type = typeKeys[0] as string;
    const spec = ASSERTION_TYPES[type];
    if (!spec) {
      const hint = MISSPELLED_TYPES[type];
      throw this.error(where, `assertion type \`${type}\` is invalid${hint ? ` (did you mean ${hint}?)` : ""}; use one of: ${Object.keys(ASSERTION_TYPES).join(", ")}`);
    }
    const rawParams = definition[type] ?? null;
    const params = rawParams === null ? {} : this.map(rawParams, `${location}.${type}`);
    this.checkKeys(params, spec.parameters, `${location}.${type}`);
    this.checkParameterTypes(params, `${location}.${type}`);
    const documentIndex = this.optionalInt(definition.documentIndex, `${location}.documentIndex`);
    return {
      type,
      spec,
      params,
      not: this.optionalBool(definition.not, `${location}.not`) ?? false,
      template: this.optionalString(definition.template, `${location}.template`),
      documentIndex: documentIndex ?? -1,
      documentSelector: this.documentSelector(definition.documentSelector, `${location}.documentSelector`),
      location,
    };
  }

  private checkParameterTypes(params: GoMap, location: string): void {
    for (const [key, value] of Object.entries(params)) {
      const at = `${location}.${key}`;
      switch (key) {
        case "path":
        case "pattern":
        case "of":
        case "errorMessage":
        case "errorPattern":
        case "type":
        case "kind":
        case "apiVersion":
        case "name":
        case "namespace":
          this.string(value, at);
          break;
        case "decodeBase64":
        case "any":
        case "filterAware":
          this.optionalBool(value, at);
          break;
        case "count":
          this.optionalInt(value, at);
          break;
        case "paths":
          this.stringList(value, at);
          break;
        case "matchRegex":
        case "notMatchRegex": {
          const option = this.map(value, at);
          this.checkKeys(option, ["pattern"], at);
          this.string(option.pattern ?? null, `${at}.pattern`);
          break;
        }
        case "value":
          if (location.endsWith("Raw")) this.string(value, at);
          break;
        default:
          break;
      }
    }
  }

  private documentSelector(value: GoValue | undefined, location: string): DocumentSelector | undefined {
    const selector = this.optionalMap(value, location);
    if (!selector) return undefined;
    this.checkKeys(selector, ["path", "value", "matchMany", "skipEmptyTemplates"], location);
    return {
      path: this.string(selector.path ?? null, `${location}.path`),
      value: selector.value ?? null,
      matchMany: this.optionalBool(selector.matchMany, `${location}.matchMany`) ?? false,
      skipEmptyTemplates: this.optionalBool(selector.skipEmptyTemplates, `${location}.skipEmptyTemplates`) ?? false,
    };
  }

  private release(value: GoValue | undefined, location: string): ReleaseSettings {
    const release = this.optionalMap(value, location);
    if (!release) return {};
    this.checkKeys(release, ["name", "namespace", "revision", "upgrade"], location);
    return {
      name: this.optionalString(release.name, `${location}.name`) || undefined,
      namespace: this.optionalString(release.namespace, `${location}.namespace`) || undefined,
      revision: this.optionalInt(release.revision, `${location}.revision`),
      upgrade: this.optionalBool(release.upgrade, `${location}.upgrade`),
    };
  }

  private capabilities(value: GoValue | undefined, location: string): CapabilitiesSettings {
    const capabilities = this.optionalMap(value, location);
    if (!capabilities) return { apiVersions: [] };
    this.checkKeys(capabilities, ["majorVersion", "minorVersion", "apiVersions"], location);
    return {
      majorVersion: this.versionPart(capabilities.majorVersion, `${location}.majorVersion`),
      minorVersion: this.versionPart(capabilities.minorVersion, `${location}.minorVersion`),
      apiVersions: this.stringList(capabilities.apiVersions, `${location}.apiVersions`),
    };
  }

  private chart(value: GoValue | undefined, location: string): ChartSettings {
    const chart = this.optionalMap(value, location);
    if (!chart) return {};
    this.checkKeys(chart, ["version", "appVersion"], location);
    return { version: this.scalarText(chart.version, `${location}.version`), appVersion: this.scalarText(chart.appVersion, `${location}.appVersion`) };
  }

  private versionPart(value: GoValue | undefined, location: string): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value === "bigint") return value.toString();
    if (typeof value === "string" && /^\d+\+?$/.test(value)) return value;
    throw this.error(location, `must be a whole number such as 1 or "33", got ${describe(value)}`);
  }

  private scalarText(value: GoValue | undefined, location: string): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value === "string") return value || undefined;
    if (typeof value === "bigint") return value.toString();
    if (typeof value === "number") return formatGoFloat(value);
    throw this.error(location, `must be a string, got ${describe(value)}`);
  }

  private setEntries(value: GoValue | undefined, location: string): SetEntry[] {
    const set = this.optionalMap(value, location);
    if (!set) return [];
    return Object.entries(set).map(([path, entryValue]) => ({ path, value: entryValue }));
  }

  private postRenderer(value: GoValue | undefined, location: string): PostRendererSettings | undefined {
    const config = this.optionalMap(value, location);
    if (!config) return undefined;
    this.checkKeys(config, ["cmd", "args"], location);
    const cmd = this.optionalString(config.cmd, `${location}.cmd`) ?? "";
    // The plugin runs no post-renderer when cmd is empty (test_job.go:491-497).
    return cmd === "" ? undefined : { cmd, args: this.stringList(config.args, `${location}.args`) };
  }

  private kubernetesProvider(value: GoValue | undefined, location: string): KubernetesProviderSettings | undefined {
    const provider = this.optionalMap(value, location);
    if (!provider) return undefined;
    this.checkKeys(provider, ["scheme", "objects"], location);
    const scheme: KubernetesProviderSettings["scheme"] = {};
    for (const [key, entry] of Object.entries(this.optionalMap(provider.scheme, `${location}.scheme`) ?? {})) {
      const at = `${location}.scheme.${key}`;
      const props = this.map(entry, at);
      this.checkKeys(props, ["gvr", "namespaced", "should_err"], at);
      if (props.should_err !== undefined && props.should_err !== null) throw this.error(`${at}.should_err`, "is not supported by this runner (the plugin cannot decode a Go error from YAML either); remove it");
      const gvr = this.map(props.gvr ?? null, `${at}.gvr`);
      this.checkKeys(gvr, ["group", "version", "resource"], `${at}.gvr`);
      scheme[key] = { resource: this.string(gvr.resource ?? null, `${at}.gvr.resource`), namespaced: this.optionalBool(props.namespaced, `${at}.namespaced`) ?? false };
    }
    const objects = provider.objects === undefined || provider.objects === null ? [] : provider.objects;
    if (!Array.isArray(objects)) throw this.error(`${location}.objects`, `must be a list of Kubernetes objects, got ${describe(objects)}`);
    // The plugin fakes lookup only when objects are given (test_job.go:402-406).
    if (objects.length === 0) return undefined;
    return { scheme, objects: objects.map((object, index) => this.map(object, `${location}.objects[${index}]`)) };
  }

  private checkKeys(map: GoMap, allowed: readonly string[], location: string): void {
    for (const key of Object.keys(map)) {
      if (!allowed.includes(key)) {
        const at = location ? `${location}.${key}` : key;
        throw this.error(at, `unknown key "${key}"; allowed here: ${allowed.join(", ")}`);
      }
    }
  }

  private map(value: GoValue | undefined, location: string): GoMap {
    if (!isGoMap(value)) throw this.error(location, `must be a mapping, got ${describe(value)}`);
    return value;
  }

  private optionalMap(value: GoValue | undefined, location: string): GoMap | undefined {
    return value === undefined || value === null ? undefined : this.map(value, location);
  }

  private string(value: GoValue, location: string): string {
    if (typeof value !== "string") throw this.error(location, `must be a string, got ${describe(value)}`);
    return value;
  }

  private optionalString(value: GoValue | undefined, location: string): string | undefined {
    return value === undefined || value === null ? undefined : this.string(value, location);
  }

  private optionalBool(value: GoValue | undefined, location: string): boolean | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "boolean") throw this.error(location, `must be true or false, got ${describe(value)}`);
    return value;
  }

  private optionalInt(value: GoValue | undefined, location: string): number | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "bigint") throw this.error(location, `must be a whole number, got ${describe(value)}`);
    return Number(value);
  }

  private stringList(value: GoValue | undefined, location: string): string[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) throw this.error(location, `must be a list of strings, got ${describe(value)}`);
    return value.map((item, index) => this.string(item, `${location}[${index}]`));
  }

  private error(location: string, problem: string): SuiteDefinitionError {
    return new SuiteDefinitionError(this.file, [this.prefix, location].filter(Boolean).join(" "), problem);
  }
}

function describe(value: GoValue | undefined): string {
  if (value === undefined || value === null) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (isGoMap(value)) return "a mapping";
  if (typeof value === "bigint") return `the number ${value}`;
  return `${typeof value} ${JSON.stringify(value)}`;
}
