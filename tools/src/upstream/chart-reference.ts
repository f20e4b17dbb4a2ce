/**
 * How Helm's CLI names a pinned upstream chart: `<chart> --repo <url>` for an https chart
 * repository, `oci://<registry/path>/<chart>` for an OCI registry (which Argo CD's Application
 * spells `repoURL: <registry/path>` + `chart: <chart>`, without scheme).
 */
export interface UpstreamChartPin {
  repoURL: string;
  chart: string;
  version: string;
}

export function isHttpChartRepository(repoURL: string): boolean {
  return /^https?:\/\//.test(repoURL);
}

/** The chart reference and the flags that select it, as `helm pull|install|template` take them. */
export function helmChartArgs(pin: UpstreamChartPin): string[] {
  if (isHttpChartRepository(pin.repoURL)) return [pin.chart, "--repo", pin.repoURL, "--version", pin.version];
  return [`oci://${pin.repoURL.replace(/^oci:\/\//, "")}/${pin.chart}`, "--version", pin.version];
}
