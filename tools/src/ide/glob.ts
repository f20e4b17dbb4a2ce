import picomatch from "picomatch";

/**
 * Whether a repository-relative path matches `yaml.schemas` globs the way yaml-language-server
 * 1.25.0 (the version package.json pins) matches them, with the library it uses: its
 * FilePatternAssociation (npm package lib/esm/languageservice/services/yamlSchemaService.js:76-127;
 * upstream src/languageservice/services/yamlSchemaService.ts, FilePatternAssociation) drops a
 * leading `!` (that pattern then excludes) and a leading `/`, prefixes `**\/`, and compiles the
 * patterns with `picomatch(patterns, { noglobstar: false })`. A file matches when a positive pattern
 * matches and no negative one does. So `*` and `?` stay inside one segment, `**` spans segments,
 * braces, classes and extglobs work, and — picomatch's `dot: false` — no wildcard matches a name
 * starting with a dot.
 *
 * The server tests the file's URI (`file:///…/clone/path`); thanks to the `**\/` prefix that is the
 * same as testing the repository-relative path, except that a clone inside a dot folder (e.g.
 * `~/.cache/…`) matches nothing in the server, because `**` does not enter dot folders.
 */
export function globsMatch(patterns: readonly string[], relativePath: string): boolean {
  const positive: string[] = [];
  const negative: string[] = [];
  for (const pattern of patterns) {
    const isNegation = pattern.startsWith("!");
    let body = isNegation ? pattern.slice(1) : pattern;
    if (body.startsWith("/")) body = body.slice(1);
    if (body.length > 0) (isNegation ? negative : positive).push(`**/${body}`);
  }
  const path = relativePath.split("\\").join("/");
  try {
    return picomatch(positive, { noglobstar: false })(path) && !picomatch(negative, { noglobstar: false })(path);
  } catch {
    // The server's catch: a pattern picomatch refuses makes the whole association match nothing.
    return false;
  }
}

/** One pattern on its own (a negated one alone never matches, as in the server). */
export function globMatches(pattern: string, relativePath: string): boolean {
  return globsMatch([pattern], relativePath);
}
