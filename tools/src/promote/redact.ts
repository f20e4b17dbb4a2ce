/** What replaces a secret in any text the promotion prints or publishes. */
export const REDACTED = "[REDACTED]";

/** Environment variables whose values are credentials and must never be printed. */
export const SECRET_VARIABLES = ["GITHUB_TOKEN", "GH_TOKEN", "GITHUB_APP_PRIVATE_KEY", "ARGOCD_TOKEN"] as const;

/** Any other variable whose name says it holds a credential (ACTIONS_RUNTIME_TOKEN, NPM_TOKEN, *_PASSWORD, ...). */
const SECRET_LOOKING_NAME = /TOKEN|SECRET|PASSW(OR)?D|PRIVATE_KEY|API_KEY|CREDENTIAL/i;

export type Redactor = (text: string) => string;

/**
 * The forms a secret can take in printed or published text: as given, with `\n` escapes decoded
 * (a PEM key stored on one line, as GITHUB_APP_PRIVATE_KEY usually is) and with real newlines
 * escaped (the reverse), each whole, line by line and base64-encoded (a Basic auth header).
 */
function formsOf(secret: string): string[] {
  const variants = new Set([secret, secret.replace(/\\r\\n|\\n/g, "\n"), secret.replace(/\r?\n/g, "\\n")]);
  const forms: string[] = [];
  for (const variant of variants) {
    forms.push(variant, Buffer.from(variant).toString("base64"));
    for (const line of variant.split(/\r?\n|\\r\\n|\\n/)) forms.push(line.trim());
  }
  return forms;
}

/**
 * Replaces every occurrence of each secret in every form (see formsOf) with [REDACTED]. Secrets
 * shorter than 6 characters are ignored: redacting them would mangle ordinary words. The one
 * redactor of a run covers stdout, stderr, the pull request title, body and every comment.
 */
export function createRedactor(secrets: readonly (string | undefined)[]): Redactor {
  const needles = new Set<string>();
  for (const secret of secrets) {
    if (!secret) continue;
    for (const candidate of formsOf(secret)) if (candidate.length >= 6) needles.add(candidate);
  }
  // Longest first, so a secret containing another is replaced whole.
  const ordered = [...needles].sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const needle of ordered) out = out.split(needle).join(REDACTED);
    return out;
  };
}

function isSecretName(name: string): boolean {
  return (SECRET_VARIABLES as readonly string[]).includes(name) || SECRET_LOOKING_NAME.test(name);
}

/** The credential values of an environment: the known variables first, then any secret-looking one (sorted by name). */
export function secretsFromEnvironment(env: NodeJS.ProcessEnv): string[] {
  const others = Object.keys(env)
    .filter((name) => !(SECRET_VARIABLES as readonly string[]).includes(name) && isSecretName(name))
    .sort();
  return [...SECRET_VARIABLES, ...others].map((name) => env[name]).filter((value): value is string => typeof value === "string" && value !== "");
}

/** The minimal environment of the promotion's child processes (git, helm): tools/src/process/child-env.ts. */
export { childEnvironment } from "../process/child-env.js";
