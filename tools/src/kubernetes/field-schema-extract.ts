import { createRequire } from "node:module";
import { join } from "node:path";
import type * as TypeScript from "typescript";
import { rootKey, type FieldGraph, type FieldNode } from "./field-schema.js";
import type { KindModule } from "./model-packages.js";

/**
 * The compiler, loaded on first use: it is a quarter of a second of start-up, and every process that
 * validates objects imports this module while only the first one after an install (see
 * field-schema-cache.ts) ever extracts a graph.
 */
let ts: typeof TypeScript;
let LEAF_FLAGS: number;
let OPEN_FLAGS: number;
let COMPILER_OPTIONS: TypeScript.CompilerOptions;

function loadCompiler(): void {
  if (ts) return;
  ts = createRequire(import.meta.url)("typescript") as typeof TypeScript;
  LEAF_FLAGS =
    ts.TypeFlags.StringLike |
    ts.TypeFlags.NumberLike |
    ts.TypeFlags.BigIntLike |
    ts.TypeFlags.BooleanLike |
    ts.TypeFlags.EnumLike |
    ts.TypeFlags.ESSymbolLike |
    ts.TypeFlags.Void |
    ts.TypeFlags.Undefined |
    ts.TypeFlags.Null |
    ts.TypeFlags.Never;
  OPEN_FLAGS = ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.NonPrimitive;
  COMPILER_OPTIONS = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    // Array, Record, Exclude, ... are all the declarations need.
    lib: ["lib.es5.d.ts"],
  };
}

/**
 * Reads the model declarations of `kinds` with the TypeScript compiler and turns each `I<Kind>` interface
 * into a FieldGraph. One program is created for all of them: the declarations share most of their types.
 * `baseDir` must be a folder of an ESM package (the repository root) for the synthetic entry file.
 */
export function extractFieldGraph(kinds: readonly KindModule[], baseDir: string): FieldGraph {
  loadCompiler();
  const entryPath = join(baseDir, "__kubernetes_field_schema_entry__.ts");
  const entryText = kinds
    .map((k, i) => `export type Kind${i} = import(${JSON.stringify(k.modulePath)}).${k.interfaceName};`)
    .join("\n");
  const host = ts.createCompilerHost(COMPILER_OPTIONS, true);
  const readSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.getSourceFile = (fileName, languageVersion, ...rest) =>
    fileName === entryPath
      ? ts.createSourceFile(fileName, entryText, languageVersion, true)
      : readSourceFile(fileName, languageVersion, ...rest);
  host.fileExists = (fileName) => fileName === entryPath || fileExists(fileName);

  const program = ts.createProgram([entryPath], COMPILER_OPTIONS, host);
  const checker = program.getTypeChecker();
  const entry = program.getSourceFile(entryPath);
  if (!entry) throw new Error("internal: the TypeScript program lost its synthetic entry file");
  const unresolved = program
    .getSemanticDiagnostics(entry)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  if (unresolved.length > 0) {
    throw new Error(
      `Cannot read Kubernetes model declarations: ${unresolved.slice(0, 3).join("; ")}. ` +
        "Check that the model packages are installed (`npm ci`) and still export I<Kind> interfaces.",
    );
  }

  const builder = new FieldGraphBuilder(checker);
  const roots: Record<string, number> = {};
  entry.statements.forEach((statement, index) => {
    const kind = kinds[index];
    if (!kind || !ts.isTypeAliasDeclaration(statement)) return;
    roots[rootKey(kind.apiVersion, kind.kind)] = builder.nodeFor([checker.getTypeFromTypeNode(statement.type)]);
  });
  return { nodes: builder.nodes, roots };
}

class FieldGraphBuilder {
  readonly nodes: FieldNode[] = [];
  private readonly nodeIds = new Map<string, number>();
  private readonly typeIds = new Map<TypeScript.Type, number>();

  constructor(private readonly checker: TypeScript.TypeChecker) {}

  /** The node for a value that may have any of `types`; unions are flattened, undefined and null ignored. */
  nodeFor(types: readonly TypeScript.Type[]): number {
    const constituents = this.flatten(types);
    const key = constituents
      .map((t) => this.typeId(t))
      .sort((a, b) => a - b)
      .join(",");
    const existing = this.nodeIds.get(key);
    if (existing !== undefined) return existing;
    const id = this.nodes.length;
    const node: FieldNode = {};
    // Registered before filling so recursive types (JSONSchemaProps, ...) refer back to it.
    this.nodes.push(node);
    this.nodeIds.set(key, id);
    this.fill(node, constituents);
    return id;
  }

  private fill(node: FieldNode, constituents: readonly TypeScript.Type[]): void {
    const propertyTypes = new Map<string, TypeScript.Type[]>();
    const additionalTypes: TypeScript.Type[] = [];
    const itemTypes: TypeScript.Type[] = [];
    const typeNames: string[] = [];
    let acceptsObject = false;
    for (const type of constituents) {
      if (type.flags & OPEN_FLAGS) {
        node.open = true;
        return;
      }
      if (type.flags & LEAF_FLAGS) continue;
      if (this.checker.isArrayType(type) || this.checker.isTupleType(type)) {
        itemTypes.push(...this.checker.getTypeArguments(type as TypeScript.TypeReference));
        continue;
      }
      if (!(type.flags & ts.TypeFlags.Object)) continue;
      if (this.isEmptyObject(type)) {
        // `{}`: how the generators render RawExtension and x-kubernetes-preserve-unknown-fields objects.
        node.open = true;
        return;
      }
      acceptsObject = true;
      const name = this.typeName(type);
      if (name && !typeNames.includes(name)) typeNames.push(name);
      for (const property of this.checker.getPropertiesOfType(type)) {
        const list = propertyTypes.get(property.name) ?? [];
        list.push(this.checker.getTypeOfSymbol(property));
        propertyTypes.set(property.name, list);
      }
      for (const info of this.checker.getIndexInfosOfType(type)) additionalTypes.push(info.type);
    }
    if (typeNames.length > 0) node.name = typeNames.join(" or ");
    if (acceptsObject) {
      const fieldNames = [...propertyTypes.keys()].sort();
      node.properties = Object.fromEntries(fieldNames.map((field) => [field, this.nodeFor(propertyTypes.get(field)!)]));
      if (additionalTypes.length > 0) node.additional = this.nodeFor(additionalTypes);
    }
    if (itemTypes.length > 0) node.items = this.nodeFor(itemTypes);
  }

  /**
   * Unions and intersections are taken apart: either way a field is allowed when any member declares it.
   * Asking the checker for the properties of an intersection instead makes it build intersections of every
   * nested property type, which takes seconds for Istio's oneOf-shaped types (DestinationRule).
   */
  private flatten(types: readonly TypeScript.Type[]): TypeScript.Type[] {
    const out: TypeScript.Type[] = [];
    const add = (type: TypeScript.Type, inIntersection: boolean): void => {
      if (type.isUnion()) type.types.forEach((member) => add(member, inIntersection));
      else if (type.isIntersection()) type.types.forEach((member) => add(member, true));
      else if (type.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)) return;
      // `A & {}` is just A; only a `{}` standing alone means "any object".
      else if (inIntersection && this.isEmptyObject(type)) return;
      else if (!out.includes(type)) out.push(type);
    };
    types.forEach((type) => add(type, false));
    return out;
  }

  private isEmptyObject(type: TypeScript.Type): boolean {
    return (
      (type.flags & ts.TypeFlags.Object) !== 0 &&
      !this.checker.isArrayType(type) &&
      this.checker.getPropertiesOfType(type).length === 0 &&
      this.checker.getIndexInfosOfType(type).length === 0
    );
  }

  private typeId(type: TypeScript.Type): number {
    let id = this.typeIds.get(type);
    if (id === undefined) {
      id = this.typeIds.size;
      this.typeIds.set(type, id);
    }
    return id;
  }

  private typeName(type: TypeScript.Type): string | undefined {
    const symbol = type.aliasSymbol ?? type.getSymbol();
    const name = symbol?.getName();
    if (!name || name.startsWith("__")) return undefined;
    // kubernetes-models 4 names nested types after their OpenAPI definition (IIoK8sApiAppsV1DeploymentSpec,
    // IIoK8sApimachineryPkgApisMetaV1ObjectMeta): the part after the API version is the Kubernetes type name.
    const definition = /^IIoK8s[A-Za-z0-9]*?V\d+(?:alpha\d+|beta\d+)?(?=[A-Z])/.exec(name);
    if (definition) return name.slice(definition[0].length);
    return name.replace(/^I(?=[A-Z])/, "");
  }
}
