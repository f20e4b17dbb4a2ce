/**
 * The identity Argo CD v3.4.4 syncs an Application as, when sync impersonation is enabled
 * (`application.sync.impersonation.enabled: "true"` in argocd-cm): deriveServiceAccountToImpersonate,
 * controller/sync.go:578-611. The first `destinationServiceAccounts` entry of the Application's
 * project whose `server` and `namespace` match the destination wins; its `defaultServiceAccount` is
 * `<namespace>:<name>`, or a bare name taken in the Application's destination namespace. No match,
 * an empty name or one with a character of "!*[]{}\/" (sync.go:47-49) fails the sync, and the
 * Application's deletion (appcontroller.go:1235-1238).
 *
 * Server and namespace are gobwas/glob patterns (util/glob/glob.go:20-26). The generator writes
 * exact values only; like isDestinationPermitted, a pattern with glob syntax other than a lone "*"
 * is reported rather than guessed at.
 */
export interface DestinationServiceAccount {
  server: string;
  namespace?: string;
  defaultServiceAccount: string;
}

const DISALLOWED = /[!*[\]{}\\/]/;

function globMatches(pattern: string, value: string): boolean {
  if (pattern === "*") return true;
  if (/[*?[\]{}!\\]/.test(pattern)) throw new Error(`destinationServiceAccounts pattern ${JSON.stringify(pattern)} uses glob syntax this check does not evaluate; write exact destinations.`);
  return pattern === value;
}

/** `system:serviceaccount:<namespace>:<name>`, or an error saying why Argo CD would fail the sync. */
export function serviceAccountToImpersonate(entries: readonly DestinationServiceAccount[], destination: { server: string; namespace: string }): { user: string } | { error: string } {
  for (const entry of entries) {
    if (!(globMatches(entry.server, destination.server) && globMatches(entry.namespace ?? "", destination.namespace))) continue;
    const account = entry.defaultServiceAccount;
    if (account.trim() === "" || DISALLOWED.test(account)) return { error: `default service account contains invalid chars '${account}'` };
    return { user: account.includes(":") ? `system:serviceaccount:${account}` : `system:serviceaccount:${destination.namespace}:${account}` };
  }
  return { error: `no matching service account found for destination server ${destination.server} and namespace ${destination.namespace}` };
}
