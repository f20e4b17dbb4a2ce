import { describe, expect, it } from "vitest";
import { GoDurationError, parseGoDuration } from "./go-duration.js";

// Cases from Go's own tests of time.ParseDuration (golang/go src/time/time_test.go: parseDurationTests and
// parseDurationErrorTests), the function Argo CD v3.4.4 reads a sync window's duration with.
const S = 1_000_000_000n;
const MS = 1_000_000n;
const US = 1_000n;
const M = 60n * S;
const H = 60n * M;

const VALID: [string, bigint][] = [
  ["0", 0n], ["5s", 5n * S], ["30s", 30n * S], ["1478s", 1478n * S],
  ["-5s", -5n * S], ["+5s", 5n * S], ["-0", 0n], ["+0", 0n],
  ["5.0s", 5n * S], ["5.6s", 5n * S + 600n * MS], ["5.s", 5n * S], [".5s", 500n * MS], ["1.0s", S], ["1.00s", S],
  ["1.004s", S + 4n * MS], ["1.0040s", S + 4n * MS], ["100.00100s", 100n * S + MS],
  ["10ns", 10n], ["11us", 11n * US], ["12\u00b5s", 12n * US], ["12\u03bcs", 12n * US], ["13ms", 13n * MS], ["14s", 14n * S], ["15m", 15n * M], ["16h", 16n * H],
  ["3h30m", 3n * H + 30n * M], ["10.5s4m", 4n * M + 10n * S + 500n * MS], ["-2m3.4s", -(2n * M + 3n * S + 400n * MS)],
  ["1h2m3s4ms5us6ns", H + 2n * M + 3n * S + 4n * MS + 5n * US + 6n], ["39h9m14.425s", 39n * H + 9n * M + 14n * S + 425n * MS],
  ["52763797000ns", 52763797000n], ["0.3333333333333333333h", 20n * M], ["9007199254740993ns", (1n << 53n) + 1n],
  ["9223372036854775807ns", (1n << 63n) - 1n], ["9223372036854775.807us", (1n << 63n) - 1n], ["9223372036s854ms775us807ns", (1n << 63n) - 1n],
  ["-9223372036854775808ns", -(1n << 63n)], ["-9223372036854775.808us", -(1n << 63n)], ["-9223372036s854ms775us808ns", -(1n << 63n)],
  ["-2562047h47m16.854775808s", -(1n << 63n)], ["0.100000000000000000000h", 6n * M], ["0.830103483285477580700h", 49n * M + 48n * S + 372539827n],
];

const INVALID = ["", "3", "-", "s", ".", "-.", ".s", "+.s", "1d", "\ufffd", "\ufffd hello \ufffd world", "9223372036854775810ns", "9223372036854775808ns", "-9223372036854775809ns", "9223372036854776us", "3000000h", "9223372036854775.808us", "9223372036854ms775us808ns"];

describe("Go's time.ParseDuration", () => {
  for (const [text, want] of VALID) {
    it(`"${text}" is ${want}ns`, () => expect(parseGoDuration(text)).toBe(want));
  }
  for (const text of INVALID) {
    it(`"${text}" is refused`, () => {
      expect(() => parseGoDuration(text)).toThrowError(GoDurationError);
      expect(() => parseGoDuration(text)).toThrowError(JSON.stringify(text));
    });
  }
  it("says what is wrong as Go does", () => {
    expect(() => parseGoDuration("1d")).toThrowError('time: unknown unit "d" in duration "1d"');
    expect(() => parseGoDuration("3")).toThrowError('time: missing unit in duration "3"');
    expect(() => parseGoDuration("3000000h")).toThrowError('time: invalid duration "3000000h"');
  });
});
