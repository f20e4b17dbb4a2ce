import { describe, expect, it } from "vitest";
import { nxEnvironment } from "./nx-process.js";

describe("nxEnvironment", () => {
  it("drops the caller's NX_ variables and turns the daemon, Nx Cloud, the TUI and colours off", () => {
    const saved = process.env.NX_ISOLATE_PLUGINS;
    process.env.NX_ISOLATE_PLUGINS = "true";
    try {
      const env = nxEnvironment();
      expect(env.NX_ISOLATE_PLUGINS).toBeUndefined();
      expect(env).toMatchObject({ NX_DAEMON: "false", NX_NO_CLOUD: "true", NX_TUI: "false", NO_COLOR: "1", FORCE_COLOR: "0" });
    } finally {
      if (saved === undefined) delete process.env.NX_ISOLATE_PLUGINS;
      else process.env.NX_ISOLATE_PLUGINS = saved;
    }
  });
});
