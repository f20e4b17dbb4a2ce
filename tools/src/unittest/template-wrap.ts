/**
 * `helm template` re-sorts documents by kind, drops empty ones and refuses non-YAML files, while
 * helm-unittest asserts on each template's raw output in file order. Wrapping a template as
 *
 *   {{ define "unittest-raw:<key>#0" }}<original text>{{ end }}{{ include "unittest-raw:<key>#0" . | toJson | printf "unittestRaw: %s" }}
 *
 * makes Helm print that raw output as one JSON string per template, with `.Template.Name`, `$` and
 * line numbers unchanged. Top-level `define` blocks inside the template stay outside the wrapper
 * (Go templates cannot nest them), splitting the text into several wrapped segments.
 */
export const RAW_OUTPUT_KEY = "unittestRaw";
export const DEFINE_PREFIX = "unittest-raw:";

export class TemplateWrapError extends Error {}

interface Action {
  start: number;
  end: number;
  keyword: string;
  trimLeft: boolean;
  trimRight: boolean;
}

export function wrapTemplate(text: string, templateKey: string): string {
  const actions = scanActions(text, templateKey);
  const blocks = topLevelDefines(actions, templateKey);
  const segments: string[] = [];
  let cursor = 0;
  let output = "";
  let openTrim = false;
  blocks.forEach(({ open, close }) => {
    const name = `${DEFINE_PREFIX}${templateKey}#${segments.length}`;
    segments.push(name);
    output += `{{ define ${JSON.stringify(name)} ${openTrim ? "-" : ""}}}${text.slice(cursor, open.start)}{{${open.trimLeft ? "-" : ""} end }}`;
    output += text.slice(open.start, close.end);
    cursor = close.end;
    openTrim = close.trimRight;
  });
  const lastName = `${DEFINE_PREFIX}${templateKey}#${segments.length}`;
  segments.push(lastName);
  output += `{{ define ${JSON.stringify(lastName)} ${openTrim ? "-" : ""}}}${text.slice(cursor)}{{ end }}`;
  const includes = segments.map((name) => `(include ${JSON.stringify(name)} .)`);
  const joined = includes.length === 1 ? `${includes[0]}` : `list ${includes.join(" ")} | join ""`;
  return `${output}{{ ${joined} | toJson | printf "${RAW_OUTPUT_KEY}: %s" }}\n`;
}

function topLevelDefines(actions: Action[], templateKey: string): Array<{ open: Action; close: Action }> {
  const blocks: Array<{ open: Action; close: Action }> = [];
  let depth = 0;
  let openDefine: Action | undefined;
  for (const action of actions) {
    if (action.keyword === "block") throw new TemplateWrapError(`${templateKey} uses {{ block }}, which this runner cannot isolate; move it into a _helpers.tpl partial and call it with include`);
    if (["if", "range", "with", "define"].includes(action.keyword)) {
      if (action.keyword === "define" && depth === 0) openDefine = action;
      depth++;
    } else if (action.keyword === "end") {
      depth--;
      if (depth === 0 && openDefine) {
        blocks.push({ open: openDefine, close: action });
        openDefine = undefined;
      }
      if (depth < 0) throw new TemplateWrapError(`${templateKey}: unexpected {{ end }}`);
    }
  }
  return blocks;
}

/** Finds every `{{ ... }}` action the way text/template's lexer delimits them (strings and comments included). */
function scanActions(text: string, templateKey: string): Action[] {
  const actions: Action[] = [];
  let position = 0;
  for (;;) {
    const start = text.indexOf("{{", position);
    if (start < 0) return actions;
    let cursor = start + 2;
    const trimLeft = text[cursor] === "-" && /[ \t\r\n]/.test(text[cursor + 1] ?? "");
    if (trimLeft) cursor += 2;
    while (/[ \t\r\n]/.test(text[cursor] ?? "")) cursor++;
    if (text.startsWith("/*", cursor)) {
      const commentEnd = text.indexOf("*/", cursor + 2);
      if (commentEnd < 0) throw new TemplateWrapError(`${templateKey}: unclosed comment`);
      const close = text.indexOf("}}", commentEnd + 2);
      if (close < 0) throw new TemplateWrapError(`${templateKey}: unclosed action`);
      actions.push({ start, end: close + 2, keyword: "", trimLeft, trimRight: /[ \t\r\n]-$/.test(text.slice(commentEnd + 2, close)) });
      position = close + 2;
      continue;
    }
    const keyword = /^[a-z]+/.exec(text.slice(cursor))?.[0] ?? "";
    let end = -1;
    while (cursor < text.length) {
      const character = text[cursor] as string;
      if (character === '"' || character === "'" || character === "`") {
        cursor = skipQuoted(text, cursor, templateKey);
        continue;
      }
      if (text.startsWith("}}", cursor)) {
        end = cursor + 2;
        break;
      }
      cursor++;
    }
    if (end < 0) throw new TemplateWrapError(`${templateKey}: unclosed action starting at offset ${start}`);
    actions.push({ start, end, keyword, trimLeft, trimRight: /[ \t\r\n]-$/.test(text.slice(start, end - 2)) });
    position = end;
  }
}

function skipQuoted(text: string, start: number, templateKey: string): number {
  const quote = text[start] as string;
  let cursor = start + 1;
  while (cursor < text.length) {
    const character = text[cursor] as string;
    if (character === "\\" && quote !== "`") {
      cursor += 2;
      continue;
    }
    if (character === quote) return cursor + 1;
    cursor++;
  }
  throw new TemplateWrapError(`${templateKey}: unterminated quoted string at offset ${start}`);
}
