/**
 * helm-unittest's template addressing: `deployment.yaml` means `templates/deployment.yaml`, keys are
 * prefixed with the chart name, and suite `templates` may use `*` / `**` wildcards (matched
 * unanchored, exactly like the plugin's filterV3Templates).
 */
export function templateFileName(fileName: string): string {
  if (fileName.startsWith("templates") || fileName.startsWith("charts") || fileName.startsWith("crds") || fileName.startsWith("**")) return fileName;
  return `templates/${fileName}`.replace(/\/+/g, "/");
}

/** The rendered-file key an assertion or suite entry refers to, e.g. `mychart/templates/deployment.yaml`. */
export function templateKey(chartName: string, fileName: string): string {
  return `${chartName}/${templateFileName(fileName)}`.replace(/\/+/g, "/");
}

/** getTemplateFileNamePattern: `.` and other metacharacters literal, `**` = one or more path characters, `*` = any. */
export function templatePattern(chartName: string, fileName: string): RegExp {
  let pattern = templateKey(chartName, fileName);
  pattern = pattern.replaceAll(".", "\\.").replaceAll("+", "\\+").replaceAll("[", "\\[").replaceAll("]", "\\]");
  pattern = pattern.replaceAll("**", "[0-9a-zA-Z_\\-/\\.]+").replaceAll("*", "[0-9a-zA-Z_\\-_/\\.]*");
  for (const character of ["?", "(", ")", "|", "{", "}", "^", "$"]) pattern = pattern.replaceAll(character, `\\${character}`);
  return new RegExp(pattern);
}

export function isPartialTemplate(path: string): boolean {
  const base = path.slice(path.lastIndexOf("/") + 1);
  return base.startsWith("_");
}

/** Which non-partial templates a suite renders: matching `templates` (all when empty) minus `excludeTemplates`. */
export function isTemplateSelected(key: string, chartName: string, templates: readonly string[], excludeTemplates: readonly string[]): boolean {
  const include = templates.length > 0 ? templates : ["**"];
  if (!include.some((template) => templatePattern(chartName, template).test(key))) return false;
  return !excludeTemplates.some((template) => templatePattern(chartName, template).test(key));
}
