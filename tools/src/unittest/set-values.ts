import { isGoMap, setGoKey, hasGoKey, type GoMap, type GoValue } from "./go-values.js";

/** A `set:` entry: helm-unittest's path (`image.tag`, `list[1].name`, `annotations.[a.b/c]`) and its value. */
export interface SetEntry {
  path: string;
  value: GoValue;
}

export class SetPathError extends Error {}

type Cursor = string | number;

/**
 * helm-unittest's BuildValueOfSetPath: the nested structure a `set` path describes. `[n]` creates a
 * list of n+1 entries (the others null), `.[a.b]` is a key containing dots.
 */
export function buildValueOfSetPath(value: GoValue, path: string): GoMap {
  if (path === "") throw new SetPathError("set path is empty");
  const cursors = parseSetPath(path);
  const built: GoMap = {};
  let current: GoMap | GoValue[] = built;
  cursors.forEach((cursor, depth) => {
    const nextCursor = cursors[depth + 1];
    const next: GoValue = depth === cursors.length - 1 ? value : typeof nextCursor === "number" ? new Array<GoValue>(nextCursor + 1).fill(null) : {};
    if (typeof cursor === "string") {
      if (!isGoMap(current)) throw new SetPathError(`set path "${path}": key "${cursor}" follows an index`);
      setGoKey(current, cursor, next);
    } else {
      if (!Array.isArray(current)) throw new SetPathError(`set path "${path}": index [${cursor}] follows a key`);
      current[cursor] = next;
    }
    if (typeof next === "object" && next !== null) current = next;
  });
  return built;
}

/** The lexer helm-unittest inherited from Helm's strvals, including its error texts. */
function parseSetPath(path: string): Cursor[] {
  const cursors: Cursor[] = [];
  const illegal = new Set([",", "{", "}", "="]);
  const stop = new Set([".", "[", "]", ",", "{", "}", "="]);
  let position = 0;
  let state: "key" | "index" | "denotation" | "escaping" = "key";
  let escapedKey = "";
  for (;;) {
    let token = "";
    let last: string | undefined;
    while (position < path.length) {
      const character = path[position++] as string;
      if (stop.has(character)) {
        last = character;
        break;
      }
      token += character;
    }
    if (last !== undefined && illegal.has(last)) throw new SetPathError(`set path "${path}": invalid token found ${last}`);
    if (last === undefined) {
      if (token.length !== 0 && state === "key") cursors.push(token);
      else if (!(token.length === 0 && state === "denotation")) throw new SetPathError(`set path "${path}": unexpected end of path`);
      return cursors;
    }
    switch (state) {
      case "index": {
        if (last !== "]") throw new SetPathError(`set path "${path}": missing index value`);
        if (!/^[+-]?\d+$/.test(token) || Number.parseInt(token, 10) < 0) throw new SetPathError(`set path "${path}": "${token}" is not a list index`);
        cursors.push(Number.parseInt(token, 10));
        state = "denotation";
        break;
      }
      case "denotation":
        if (last === ".") state = "key";
        else if (last === "[") state = "index";
        else throw new SetPathError(`set path "${path}": invalid denotation token ${last}`);
        break;
      case "key":
        if (last === ".") {
          cursors.push(token);
          state = "key";
        } else if (last === "[") {
          if (token.length === 0) {
            escapedKey = "";
            state = "escaping";
          } else {
            cursors.push(token);
            state = "index";
          }
        } else throw new SetPathError(`set path "${path}": invalid key ${last}`);
        break;
      case "escaping":
        if (last === ".") escapedKey += `${token}.`;
        else if (last === "]") {
          cursors.push(escapedKey + token);
          state = "denotation";
        } else throw new SetPathError(`set path "${path}": invalid escaping token ${last}`);
        break;
    }
  }
}

/**
 * Helm's chartutil.MergeTables(dst, src): keys missing from `dst` are copied from `src`, nested maps
 * merge, anything else in `dst` wins. helm-unittest calls it as MergeTables(newer, accumulated).
 */
export function mergeTables(dst: GoMap, src: GoMap): GoMap {
  for (const [key, sourceValue] of Object.entries(src)) {
    if (!hasGoKey(dst, key)) {
      setGoKey(dst, key, sourceValue);
      continue;
    }
    const destinationValue = dst[key] as GoValue;
    if (isGoMap(sourceValue) && isGoMap(destinationValue)) mergeTables(destinationValue, sourceValue);
  }
  return dst;
}
