import { relative } from "node:path";
import { BUNDLED_CLIS, bundleCli } from "../build/bundle-cli.js";
import { repoRoot } from "../paths.js";

/** `nx run generate:bundle`: bundles the CLIs that run as plain JavaScript into tools/dist/. */
async function main(): Promise<number> {
  for (const cli of BUNDLED_CLIS) {
    try {
      console.log(`bundle-cli: ${relative(repoRoot, await bundleCli(cli))}`);
    } catch (error) {
      console.error(`bundle-cli: could not bundle tools/src/cli/${cli}.ts: ${(error as Error).message}\n    fix: run \`npm run typecheck\` and fix the errors it reports.`);
      return 1;
    }
  }
  return 0;
}

process.exitCode = await main();
