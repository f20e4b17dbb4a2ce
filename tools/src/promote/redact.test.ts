import { describe, expect, it } from "vitest";
import { childEnvironment, createRedactor, REDACTED, secretsFromEnvironment } from "./redact.js";

describe("createRedactor", () => {
  it("replaces every occurrence of a secret, its base64 form and each line of a multi-line key", () => {
    const token = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";
    const key = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAsecretline1\nZZZsecretline2ZZZ\n-----END RSA PRIVATE KEY-----";
    const redact = createRedactor([token, key, undefined, "abc"]);
    const text = `token ${token} twice ${token}; basic ${Buffer.from(token).toString("base64")}; key line ZZZsecretline2ZZZ; short abc stays`;
    const out = redact(text);
    expect(out).not.toContain(token);
    expect(out).not.toContain("secretline2");
    expect(out).not.toContain(Buffer.from(token).toString("base64"));
    expect(out.split(REDACTED)).toHaveLength(5);
    expect(out).toContain("short abc stays");
  });

  it("collects the credential variables of the environment", () => {
    expect(secretsFromEnvironment({ GITHUB_TOKEN: "t1", ARGOCD_TOKEN: "t2", HOME: "/root", GH_TOKEN: "" })).toEqual(["t1", "t2"]);
  });
});

describe("createRedactor with a private key stored on one line", () => {
  const lines = ["-----BEGIN RSA PRIVATE KEY-----", "MIIEowIBAAKCAQEAkeyLineOne", "KeyLineTwoQWERTYUIOP", "-----END RSA PRIVATE KEY-----"];
  it("redacts the key in its escaped form and in its real-newline form, whole and line by line", () => {
    const escaped = lines.join("\\n");
    const redact = createRedactor(secretsFromEnvironment({ GITHUB_APP_PRIVATE_KEY: escaped }));
    for (const text of [escaped, lines.join("\n"), `key: "${lines[1]}\\n${lines[2]}"`, `  ${lines[2]}`]) {
      const out = redact(text);
      expect(out).not.toContain("keyLineOne");
      expect(out).not.toContain("KeyLineTwo");
      expect(out).toContain(REDACTED);
    }
  });

  it("redacts the escaped form of a key given with real newlines", () => {
    // Whole, not line by line: no `\n` fragment of the key is left between redactions.
    expect(createRedactor([lines.join("\n")])(`env: ${lines.join("\\n")}`)).toBe(`env: ${REDACTED}`);
  });
});

describe("secretsFromEnvironment and childEnvironment", () => {
  it("also collects any variable whose name looks like a credential", () => {
    expect(secretsFromEnvironment({ NPM_TOKEN: "npm_abcdef", DB_PASSWORD: "hunter22", GITHUB_APP_ID: "123456", GH_HOST: "github.com" })).toEqual(["hunter22", "npm_abcdef"]);
  });

  it("passes only PATH, HOME, locale and Helm/XDG directories to a child process", () => {
    const env = { PATH: "/usr/bin", HOME: "/home/u", LANG: "C.UTF-8", XDG_CACHE_HOME: "/c", GITHUB_TOKEN: "ghp_x", ARGOCD_TOKEN: "argo", GH_TOKEN: "gh", GITHUB_APP_PRIVATE_KEY: "k", NODE_OPTIONS: "--x" };
    expect(childEnvironment(env, { GIT_TERMINAL_PROMPT: "0" })).toEqual({ PATH: "/usr/bin", HOME: "/home/u", LANG: "C.UTF-8", XDG_CACHE_HOME: "/c", GIT_TERMINAL_PROMPT: "0" });
  });
});
