import { describe, expect, it } from "vitest";
import { goDeepEqual, type GoValue } from "./go-values.js";
import { goKeyLess, KeyedMap, marshalGoYaml } from "./goyaml-emit.js";
import { decodeGoYaml, decodeGoYamlStream, GoYamlSyntaxError } from "./goyaml-parse.js";

// A snapshot file from helm-unittest's own test data (test/data/v3/basic/tests/__snapshot__/deployment_test.yaml.snap).
const PLUGIN_SNAPSHOT_FILE = `should pass all kinds of assertion:
  1: |
    replicas: 2
    template:
      metadata:
        labels:
          app: basic
          release: RELEASE-NAME
      spec:
        containers:
          - image: apache:latest
            imagePullPolicy: Always
            livenessProbe:
              httpGet:
                path: /
                port: 8080
            name: basic
            ports:
              - containerPort: 8080
            readinessProbe:
              httpGet:
                path: /
                port: 8080
            resources: {}
        securityContext:
          runAsUser: 1000
`;

describe("marshalGoYaml (yaml.v3 Encoder, indent 2)", () => {
  it("reproduces a snapshot file written by helm-unittest byte for byte", () => {
    const spec = decodeGoYaml(
      "template:\n  spec:\n    securityContext: {runAsUser: 1000}\n    containers:\n      - {name: basic, image: apache:latest, imagePullPolicy: Always, ports: [{containerPort: 8080}], livenessProbe: {httpGet: {path: /, port: 8080}}, readinessProbe: {httpGet: {path: /, port: 8080}}, resources: {}}\n  metadata: {labels: {release: RELEASE-NAME, app: basic}}\nreplicas: 2\n",
      "spec",
    );
    const file = marshalGoYaml(new KeyedMap([["should pass all kinds of assertion", new KeyedMap([[1n, marshalGoYaml(spec)]])]]));
    expect(file).toBe(PLUGIN_SNAPSHOT_FILE);
  });

  it.each<[string, string]>([
    ["plain", "k: plain\n"],
    ["", 'k: ""\n'],
    ["true", 'k: "true"\n'],
    ["yes", 'k: "yes"\n'],
    ["0755", 'k: "0755"\n'],
    ["1e3", 'k: "1e3"\n'],
    ["2024-01-31", 'k: "2024-01-31"\n'],
    ["2024-13-01", "k: 2024-13-01\n"],
    ["a: b", "k: 'a: b'\n"],
    ["it's: x", "k: 'it''s: x'\n"],
    ["- item", "k: '- item'\n"],
    [" leading", "k: ' leading'\n"],
    ["tab\there", 'k: "tab\\there"\n'],
    ["smile 😀", 'k: "smile \\U0001F600"\n'],
    ["two\nlines", "k: |-\n  two\n  lines\n"],
    ["ends\n", "k: |\n  ends\n"],
    ["keeps\n\n", "k: |+\n  keeps\n\n"],
    ["\nstarts", "k: |2-\n\n  starts\n"],
    ["trailing \nspace", 'k: "trailing \\nspace"\n'],
  ])("writes the string %j the way yaml.v3 does", (text, expected) => {
    expect(marshalGoYaml({ k: text })).toBe(expected);
  });

  it("keeps ints and floats apart and formats floats like strconv 'g'", () => {
    expect(marshalGoYaml([3n, 3, 1.5, 1e6, 123456, 1e-5, 0.0001, Number.NaN, -Infinity])).toBe("- 3\n- 3\n- 1.5\n- 1e+06\n- 123456\n- 1e-05\n- 0.0001\n- .nan\n- -.inf\n");
  });

  it("folds long plain strings after column 80 and never folds keys", () => {
    const words = Array.from({ length: 20 }, () => "word").join(" ");
    expect(marshalGoYaml({ text: words })).toBe(`text: ${Array.from({ length: 16 }, () => "word").join(" ")}\n  word word word word\n`);
  });

  it("orders keys like yaml.v3: digit runs numerically, punctuation before letters, ints before strings", () => {
    expect(marshalGoYaml({ item10: 1n, item2: 1n, b: 1n, _x: 1n, A: 1n })).toBe("_x: 1\nA: 1\nb: 1\nitem2: 1\nitem10: 1\n");
    expect(goKeyLess(2n, "1")).toBe(true);
    expect(goKeyLess("a", "a.b")).toBe(true);
  });

  it("writes empty collections and nested sequences", () => {
    expect(marshalGoYaml({ list: [], map: {}, nested: [[1n], [{ a: null }]] })).toBe("list: []\nmap: {}\nnested:\n  - - 1\n  - - a: null\n");
    expect(marshalGoYaml("root\ntext")).toBe("|-\n  root\n  text\n");
  });
});

describe("decodeGoYaml (yaml.v3 into interface{})", () => {
  it("resolves plain scalars with yaml.v3's rules", () => {
    const decoded = decodeGoYaml("octal: 0755\nunderscored: 1_000\nfloat: 1.0\nword: yes\ndate: 2024-01-31\nquoted: '12'\ntagged: !!str 12\nempty:\nhex: 0x1F\n", "test.yaml");
    expect(decoded).toEqual({ octal: 493n, underscored: 1000n, float: 1, word: "yes", date: "2024-01-31", quoted: "12", tagged: "12", empty: null, hex: 31n });
  });

  it("applies anchors and merge keys with explicit keys winning", () => {
    expect(decodeGoYaml("base: &b {a: 1, b: 2}\nchild:\n  <<: *b\n  b: 3\n", "merge.yaml")).toEqual({ base: { a: 1n, b: 2n }, child: { a: 1n, b: 3n } });
  });

  it("skips empty and comment-only documents", () => {
    expect(decodeGoYamlStream("a: 1\n---\n# only a comment\n---\n", "s.yaml")).toEqual([{ a: 1n }, undefined, undefined]);
  });

  it("reports syntax errors with the source name", () => {
    expect(() => decodeGoYaml("a: [1, 2\n", "broken.yaml")).toThrow(GoYamlSyntaxError);
    expect(() => decodeGoYaml("a: 1\na: 2\n", "duplicate.yaml")).toThrow(/duplicate\.yaml/);
  });

  it("compares like reflect.DeepEqual: an int never equals a float", () => {
    const asInt: GoValue = decodeGoYaml("v: 1", "a");
    const asFloat: GoValue = decodeGoYaml("v: 1.0", "b");
    expect(goDeepEqual(asInt, decodeGoYaml("v: 1", "c"))).toBe(true);
    expect(goDeepEqual(asInt, asFloat)).toBe(false);
  });
});
