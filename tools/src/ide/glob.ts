/**
 * Whether a repository-relative path matches a `yaml.schemas` glob the way yaml-language-server
 * matches it: the pattern may start at any folder (the server prefixes it with a `**` segment and
 * drops a leading `/`), `*` and `?` stay inside one path segment, `**` spans segments. Only what
 * the repository's own patterns use is supported; anything else (braces, classes, negation) is
 * rejected rather than matched approximately.
 */
export function globMatches(pattern: string, relativePath: string): boolean {
  return globToRegExp(pattern).test(relativePath.split("\\").join("/"));
}

export function globToRegExp(pattern: string): RegExp {
  if (/[{}[\]!]/.test(pattern)) {
    throw new Error(`Unsupported glob "${pattern}": only *, ** and ? are supported in yaml.schemas patterns written by this repository.`);
  }
  const body = pattern.replace(/^\//, "");
  let source = "";
  for (let i = 0; i < body.length; i++) {
    const char = body[i] as string;
    if (char === "*" && body[i + 1] === "*") {
      // `**/` matches zero or more whole segments; a trailing `**` matches the rest of the path.
      if (body[i + 2] === "/") {
        source += "(?:[^/]+/)*";
        i += 2;
      } else {
        source += ".*";
        i += 1;
      }
    } else if (char === "*") {
      source += "[^/]*";
    } else if (char === "?") {
      source += "[^/]";
    } else {
      source += char.replace(/[.+^${}()|\\]/g, "\\$&");
    }
  }
  return new RegExp(`(?:^|/)${source}$`);
}
