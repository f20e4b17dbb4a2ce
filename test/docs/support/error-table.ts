/** A row of the troubleshooting table: an error code, what it is, its cause and its fix. */
export interface ErrorRow {
  code: string;
  line: number;
  cells: string[];
}

const CODE = /^(GEN|PRM)\d{3}$/;

/** Table rows of a Markdown document whose first cell is an error code (`GEN001` or `` `GEN001` ``). */
export function errorRows(markdown: string): ErrorRow[] {
  const rows: ErrorRow[] = [];
  markdown.split("\n").forEach((text, index) => {
    const line = text.trim();
    if (!line.startsWith("|")) return;
    // Cells split on pipes that are not escaped (`\|` is a literal pipe inside a cell).
    const cells = line
      .replace(/^\|/, "")
      .replace(/\|$/, "")
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim());
    const code = (cells[0] ?? "").replace(/`/g, "");
    if (CODE.test(code)) rows.push({ code, line: index + 1, cells });
  });
  return rows;
}

/**
 * What is wrong with the troubleshooting table against the error catalogues: a catalogue code with
 * no row, a row for a code no catalogue has (any more), a code with two rows, or a row whose cause
 * or fix is empty. The table's columns are code, problem, cause, fix.
 */
export function checkErrorTable(file: string, markdown: string, codes: readonly string[]): string[] {
  const rows = errorRows(markdown);
  const problems: string[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const earlier = seen.get(row.code);
    if (earlier !== undefined) problems.push(`${file}:${row.line}: ${row.code} has a second row (the first is on line ${earlier}).`);
    seen.set(row.code, row.line);
    if (!codes.includes(row.code)) problems.push(`${file}:${row.line}: ${row.code} is in the table but in no error catalogue: remove the row (or restore the code).`);
    const [, title, cause, fix] = row.cells;
    if (!title || !cause || !fix) problems.push(`${file}:${row.line}: the row of ${row.code} needs four cells: code, problem, cause, fix.`);
  }
  for (const code of codes) {
    if (!seen.has(code)) problems.push(`${file}: ${code} has no row in the troubleshooting table: add one with its cause and fix (the catalogue entry is in tools/src/${code.startsWith("GEN") ? "gitops/problems.ts" : "promote/errors.ts"}).`);
  }
  return problems;
}
