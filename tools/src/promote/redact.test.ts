import { describe, expect, it } from "vitest";
import { createRedactor, REDACTED, secretsFromEnvironment } from "./redact.js";

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
