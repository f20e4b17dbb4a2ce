import { describe, expect, it } from "vitest";
import { parseArguments } from "./arguments.js";

describe("parseArguments", () => {
  it("reads a promotion with every option", () => {
    expect(parseArguments(["--from", "staging", "--to=production", "--components", "b,a, b", "--dry-run", "--repo", "acme/gitops", "--base", "release/1", "--override-freeze", "INC-1 hotfix"])).toEqual({
      from: "staging",
      to: "production",
      components: ["a", "b"],
      dryRun: true,
      rollback: false,
      doctor: false,
      trainSteps: false,
      repo: { owner: "acme", name: "gitops" },
      base: "release/1",
      overrideFreeze: "INC-1 hotfix",
    });
  });

  it("defaults the base to main and needs no --from for a rollback or the doctor", () => {
    expect(parseArguments(["--rollback", "--to", "production"])).toMatchObject({ rollback: true, to: "production", base: "main" });
    expect(parseArguments(["--doctor"])).toMatchObject({ doctor: true });
    expect(parseArguments(["--help", "--bogus"])).toEqual({ help: true });
    expect(parseArguments(["-h"])).toEqual({ help: true });
    expect(parseArguments(["--bogus", "--help"])).toEqual({ error: 'unknown argument "--bogus".' });
  });

  it("takes a value after = (anything) or as the next word (not one starting with --)", () => {
    expect(parseArguments(["--from=staging", "--to", "production", "--override-freeze=--not a flag", "--root=/tmp/x"])).toMatchObject({
      from: "staging",
      overrideFreeze: "--not a flag",
      root: "/tmp/x",
    });
    expect(parseArguments(["--from", "staging", "--to", "production", "--override-freeze", "-1 day"])).toMatchObject({ overrideFreeze: "-1 day" });
  });

  it("reads a step of the train: clusters as given (environment.yaml's order counts), a gate override with its reason", () => {
    expect(parseArguments(["--from", "staging", "--to", "production", "--clusters", "us, eu,us", "--override-gate", "eu degraded, INC-77"])).toMatchObject({ clusters: ["us", "eu"], overrideGate: "eu degraded, INC-77" });
    expect(parseArguments(["--rollback", "--to", "production", "--clusters", "us"])).toMatchObject({ rollback: true, clusters: ["us"] });
  });

  it.each([
    [["--from", "staging", "--to", "production", "--clusters", ","], /--clusters "," must be comma-separated cluster names/],
    [["--from", "staging", "--to", "production", "--clusters", "eu,US"], /"US" is not one/],
    [["--from", "staging", "--to", "production", "--clusters"], /--clusters needs a comma-separated list of cluster names/],
    [["--from", "staging", "--to", "production", "--override-gate", " "], /--override-gate needs a non-empty reason/],
    [["--rollback", "--to", "production", "--override-gate", "why"], /a rollback is not gated/],
    [["--to", "production"], /--from is required/],
    [["--from", "staging"], /--to is required/],
    [["--from", "staging", "--to", "staging"], /both "staging"/],
    [["--rollback", "--from", "staging", "--to", "production"], /takes no --from/],
    [["--from", "Staging", "--to", "production"], /not an environment name/],
    [["--from", "staging", "--to", "production", "--components", ",,"], /--components/],
    [["--from", "staging", "--to", "production", "--components", "a,B"], /"B" is not one/],
    [["--from", "staging", "--to", "production", "--repo", "nope"], /not owner\/name/],
    [["--from", "staging", "--to", "production", "--override-freeze"], /needs a reason/],
    [["--from", "staging", "--to", "production", "--override-freeze", "  "], /non-empty reason/],
    [["--from", "--to", "production"], /--from needs an environment name/],
    [["--from", "staging", "--to", "production", "--force"], /unknown argument "--force"/],
    [["--from", "staging", "--to", "production", "--force=yes"], /unknown argument "--force=yes"/],
    [["--from", "staging", "--to", "production", "-from"], /unknown argument "-from"/],
    [["--from", "staging", "--to", "production", "staging"], /unknown argument "staging"/],
    [["--from", "staging", "--", "--to", "production"], /unknown argument "--"/],
    [["--from", "staging", "--to", "production", "--dry-run=yes"], /--dry-run takes no value/],
    [["--from", "staging", "--to="], /--to "" is not an environment name/],
    [["--from", "staging", "--to"], /--to needs an environment name/],
    [["--from", "staging", "--to", "production", "--repo"], /--repo needs owner\/name/],
    [["--from", "staging", "--to", "production", "--base", "--dry-run"], /--base needs a branch name/],
  ])("rejects %j", (argv, message) => {
    const result = parseArguments(argv);
    expect(result).toHaveProperty("error");
    expect((result as { error: string }).error).toMatch(message);
  });
});
