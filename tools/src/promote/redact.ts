/** What replaces a secret in any text the promotion prints. */
export const REDACTED = "[REDACTED]";

/** Environment variables whose values are credentials and must never be printed. */
export const SECRET_VARIABLES = ["GITHUB_TOKEN", "GH_TOKEN", "GITHUB_APP_PRIVATE_KEY", "ARGOCD_TOKEN"] as const;

export type Redactor = (text: string) => string;

/**
 * Replaces every occurrence of each secret (and of each line of a multi-line secret such as a PEM
 * key, and of the base64 form a Basic auth header would carry) with [REDACTED]. Secrets shorter
 * than 6 characters are ignored: redacting them would mangle ordinary words.
 */
export function createRedactor(secrets: readonly (string | undefined)[]): Redactor {
  const needles = new Set<string>();
  for (const secret of secrets) {
    if (!secret) continue;
    for (const candidate of [secret, ...secret.split(/\r?\n/).map((line) => line.trim()), Buffer.from(secret).toString("base64")]) {
      if (candidate.length >= 6) needles.add(candidate);
    }
  }
  // Longest first, so a secret containing another is replaced whole.
  const ordered = [...needles].sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const needle of ordered) out = out.split(needle).join(REDACTED);
    return out;
  };
}

export function secretsFromEnvironment(env: NodeJS.ProcessEnv): string[] {
  return SECRET_VARIABLES.map((name) => env[name]).filter((value): value is string => typeof value === "string" && value !== "");
}
