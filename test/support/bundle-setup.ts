import { BUNDLED_CLIS, bundleCli } from "../../tools/src/build/bundle-cli.js";

/** vitest globalSetup: the tests run the generator as `nx run generate:gitops` does, bundled, so bundle it from the current source first. */
export default async function setup(): Promise<void> {
  for (const cli of BUNDLED_CLIS) await bundleCli(cli);
}
