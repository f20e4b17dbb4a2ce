import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { APPLICATION_HEALTH_LUA } from "./application-health.js";
import { applicationStates, generatedApplications, type Loose, revisionsOf, withNewImageTag } from "./application-test-fixtures.js";

/**
 * The Application health check, executed. Argo CD runs it in gopher-lua (Lua 5.1); here it runs in
 * fengari (Lua 5.3), set up the way Argo CD sets up a health script from argocd-cm
 * (util/lua/lua.go:71-129 at v3.4.4): the object as the global `obj`, decoded as `decodeValue` does
 * (lua.go:601-634: JSON numbers as numbers, arrays as sequences, null as nil), without the string
 * library (argocd-cm scripts run without `useOpenLibs`; Argo CD opens base, table, package and a
 * safe os, of which the script uses base and table), and the returned table read as
 * `ExecuteHealthLua` reads it (lua.go:132-165).
 */

interface Fengari {
  lua: Loose;
  lauxlib: Loose;
  lualib: Loose;
  to_luastring(value: string): Uint8Array;
  to_jsstring(value: Uint8Array): string;
}
const { lua, lauxlib, lualib, to_luastring } = createRequire(import.meta.url)("fengari") as Fengari;

interface HealthStatus {
  status: string;
  message: string;
}

const VALID_STATUSES = ["Unknown", "Progressing", "Suspended", "Healthy", "Degraded", "Missing"];

function pushValue(L: Loose, value: unknown): void {
  lauxlib.luaL_checkstack(L, 3, to_luastring("object nested too deeply"));
  if (value === null || value === undefined) lua.lua_pushnil(L);
  else if (typeof value === "boolean") lua.lua_pushboolean(L, value);
  else if (typeof value === "number") lua.lua_pushnumber(L, value);
  else if (typeof value === "string") lua.lua_pushstring(L, to_luastring(value));
  else if (Array.isArray(value)) {
    lua.lua_createtable(L, value.length, 0);
    let index = 0;
    for (const item of value) {
      if (item === null || item === undefined) continue;
      pushValue(L, item);
      lua.lua_rawseti(L, -2, ++index);
    }
  } else if (typeof value === "object") {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined && item !== null);
    lua.lua_createtable(L, 0, entries.length);
    for (const [key, item] of entries) {
      lua.lua_pushstring(L, to_luastring(key));
      pushValue(L, item);
      lua.lua_rawset(L, -3);
    }
  } else throw new Error(`cannot pass a ${typeof value} to Lua`);
}

function stringField(L: Loose, name: string): string {
  lua.lua_getfield(L, -1, to_luastring(name));
  const value = lua.lua_isnil(L, -1) ? "" : lua.lua_tojsstring(L, -1);
  lua.lua_pop(L, 1);
  return value;
}

/** Runs a health script over one object the way Argo CD does; a Lua error is thrown with its message. */
function runHealthLua(script: string, obj: unknown): HealthStatus {
  const L = lauxlib.luaL_newstate();
  for (const [name, open] of [["_G", lualib.luaopen_base], [lualib.LUA_TABLIBNAME, lualib.luaopen_table]] as const) {
    lauxlib.luaL_requiref(L, to_luastring(name), open, 1);
    lua.lua_pop(L, 1);
  }
  pushValue(L, obj);
  lua.lua_setglobal(L, to_luastring("obj"));
  if (lauxlib.luaL_loadstring(L, to_luastring(script)) !== lua.LUA_OK || lua.lua_pcall(L, 0, 1, 0) !== lua.LUA_OK) {
    throw new Error(`Lua error: ${lua.lua_tojsstring(L, -1)}`);
  }
  if (lua.lua_type(L, -1) !== lua.LUA_TTABLE) throw new Error(`the health script returned a ${lua.lua_typename(L, lua.lua_type(L, -1)) as string}, Argo CD expects a table`);
  const result = { status: stringField(L, "status"), message: stringField(L, "message") };
  // ExecuteHealthLua turns an unknown status into Unknown (lua.go:153-158).
  return VALID_STATUSES.includes(result.status) ? result : { status: "Unknown", message: "Lua returned an invalid health status" };
}

/**
 * What each state must read as. The parent's sync completes a child's task only on Healthy and
 * fails it on Degraded; Progressing, Suspended, Missing and Unknown all keep the wave waiting
 * (gitops-engine/pkg/sync/sync_context.go:538-553).
 */
const EXPECTED: Record<string, { status: string; mentions?: (app: Loose) => string[] }> = {
  "no status yet": { status: "Progressing", mentions: () => ["first time"] },
  "Synced and Healthy at its sources": { status: "Healthy", mentions: (app) => revisionsOf(app) },
  "new sources not compared yet": { status: "Progressing", mentions: () => ["new sources"] },
  "OutOfSync at new revisions": { status: "Progressing", mentions: (app) => ["OutOfSync", ...revisionsOf(app)] },
  "sync requested": { status: "Progressing", mentions: () => ["requested"] },
  "sync Running": { status: "Progressing", mentions: (app) => [app.status.operationState.message] },
  "sync retrying after a failed attempt": { status: "Progressing", mentions: () => ["Retrying attempt #1"] },
  "sync blocked by a sync window": { status: "Progressing", mentions: () => ["blocked by sync window"] },
  "sync Failed": { status: "Degraded", mentions: (app) => [app.status.operationState.message, ...revisionsOf(app)] },
  "sync Error": { status: "Degraded", mentions: (app) => [app.status.operationState.message] },
  "failed sync superseded by a Synced revision": { status: "Healthy", mentions: (app) => revisionsOf(app) },
  "sync finished, not compared since": { status: "Progressing", mentions: () => ["after its sync"] },
  "Synced and Healthy at new revisions": { status: "Healthy", mentions: (app) => revisionsOf(app) },
  ComparisonError: { status: "Degraded", mentions: (app) => [`ComparisonError: ${app.status.conditions[0].message}`] },
  InvalidSpecError: { status: "Degraded", mentions: (app) => [`InvalidSpecError: ${app.status.conditions[0].message}`] },
  "resources Missing": { status: "Progressing", mentions: () => ["OutOfSync"] },
  "Synced, health Missing": { status: "Progressing", mentions: () => ["Missing"] },
  "Synced, health Unknown": { status: "Progressing", mentions: () => ["Unknown"] },
  "Synced, Suspended": { status: "Suspended", mentions: (app) => revisionsOf(app) },
  "Synced, Progressing": { status: "Progressing", mentions: (app) => revisionsOf(app) },
  "Synced, Degraded": { status: "Degraded", mentions: (app) => revisionsOf(app) },
};

const applications = generatedApplications();

describe.each([
  ["a component Application of a chart in this repository (multi-source)", applications.chartComponent],
  ["a component Application of an upstream chart (multi-source)", applications.upstreamComponent],
  ["a layer Application (single source)", applications.layer],
])("the Application health check on %s", (_kind, app) => {
  const states = applicationStates(app);

  it("has an expectation for every state and a state for every expectation", () => {
    expect(Object.keys(states).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.keys(EXPECTED))("%s", (state) => {
    const expected = EXPECTED[state];
    const object = states[state];
    const result = runHealthLua(APPLICATION_HEALTH_LUA, object);
    expect(result.status).toBe(expected?.status);
    for (const text of expected?.mentions?.(object) ?? []) expect(result.message).toContain(text);
  });
});

describe("the Application health check compared with the spec", () => {
  const synced = applicationStates(applications.chartComponent)["Synced and Healthy at its sources"];

  it("waits when only the image tag changed (a Helm parameter, not a revision) and the status predates it", () => {
    expect(runHealthLua(APPLICATION_HEALTH_LUA, withNewImageTag(synced)).status).toBe("Progressing");
  });

  it("waits when the destination changed and the status predates it", () => {
    const moved = structuredClone(synced);
    moved.spec.destination.namespace = "platform-next";
    expect(runHealthLua(APPLICATION_HEALTH_LUA, moved).status).toBe("Progressing");
  });

  it("reads fields Go's omitempty writes out on one side only (empty, false, {}) as equal, as Argo CD does after decoding, and still sees a new revision", () => {
    const padded = structuredClone(synced);
    const [first] = padded.spec.sources;
    Object.assign(first, { chart: "", kustomize: {} });
    first.helm.skipCrds = false;
    first.helm.fileParameters = [];
    expect(runHealthLua(APPLICATION_HEALTH_LUA, padded).status).toBe("Healthy");
    first.targetRevision = "v9.9.9";
    expect(runHealthLua(APPLICATION_HEALTH_LUA, padded).status).toBe("Progressing");
  });
});

describe("the Lua VM of these tests, as Argo CD's", () => {
  it("runs without the string library, as Argo CD runs argocd-cm scripts", () => {
    expect(() => runHealthLua('return { status = string.upper("healthy") }', {})).toThrow(/string/);
    expect(() => runHealthLua('local s = "Healthy"; return { status = s:lower() }', {})).toThrow(/string/);
  });

  it("turns a status Argo CD does not know into Unknown", () => {
    expect(runHealthLua('return { status = "Fine" }', {}).status).toBe("Unknown");
  });
});
