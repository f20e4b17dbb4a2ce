/**
 * Go's time.ParseDuration, which Argo CD v3.4.4 applies to a sync window's `duration`
 * (pkg/apis/application/v1alpha1/types.go:2865, 3167, 3235): a possibly signed sequence of decimal
 * numbers, each with an optional fraction and a unit (ns, us, µs, μs, ms, s, m, h), e.g. "300ms",
 * "-1.5h", "2h45m"; a bare "0" is zero; at most 2^63-1 nanoseconds (about 2562047h). Behaviour, error
 * texts and overflow rules follow golang/go src/time/format.go (ParseDuration, leadingInt,
 * leadingFraction), including its uint64 arithmetic.
 */
export class GoDurationError extends Error {
  override readonly name = "GoDurationError";
}

const UNITS: Readonly<Record<string, bigint>> = {
  ns: 1n,
  us: 1_000n,
  "\u00b5s": 1_000n, // U+00B5 micro sign
  "\u03bcs": 1_000n, // U+03BC Greek mu
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

const LIMIT = 1n << 63n;
const u64 = (v: bigint) => BigInt.asUintN(64, v);
const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";

/** Nanoseconds; throws GoDurationError with Go's message. */
export function parseGoDuration(text: string): bigint {
  const invalid = () => new GoDurationError(`time: invalid duration ${JSON.stringify(text)}`);
  let s = text;
  let negative = false;
  if (s.startsWith("-") || s.startsWith("+")) {
    negative = s.startsWith("-");
    s = s.slice(1);
  }
  if (s === "0") return 0n;
  if (s === "") throw invalid();
  let total = 0n;
  while (s !== "") {
    if (!(s[0] === "." || isDigit(s[0]))) throw invalid();
    // Integer part, with leadingInt's overflow checks.
    let i = 0;
    let whole = 0n;
    for (; isDigit(s[i]); i++) {
      if (whole > LIMIT / 10n) throw invalid();
      whole = whole * 10n + BigInt(Number(s[i]));
      if (whole > LIMIT) throw invalid();
    }
    const before = i > 0;
    s = s.slice(i);
    // Fraction, with leadingFraction's "stop accumulating on overflow".
    let fraction = 0n;
    let scale = 1;
    let after = false;
    if (s[0] === ".") {
      s = s.slice(1);
      let j = 0;
      let overflow = false;
      for (; isDigit(s[j]); j++) {
        if (overflow) continue;
        if (fraction > (LIMIT - 1n) / 10n) {
          overflow = true;
          continue;
        }
        const next = fraction * 10n + BigInt(Number(s[j]));
        if (next > LIMIT) {
          overflow = true;
          continue;
        }
        fraction = next;
        scale *= 10;
      }
      after = j > 0;
      s = s.slice(j);
    }
    if (!before && !after) throw invalid();
    let k = 0;
    while (k < s.length && !(s[k] === "." || isDigit(s[k]))) k++;
    if (k === 0) throw new GoDurationError(`time: missing unit in duration ${JSON.stringify(text)}`);
    const unitName = s.slice(0, k);
    s = s.slice(k);
    const unit = UNITS[unitName];
    if (unit === undefined) throw new GoDurationError(`time: unknown unit ${JSON.stringify(unitName)} in duration ${JSON.stringify(text)}`);
    if (whole > LIMIT / unit) throw invalid();
    let value = whole * unit;
    if (fraction > 0n) {
      // float64 arithmetic, as Go does, then truncation to uint64.
      value += BigInt(Math.trunc(Number(fraction) * (Number(unit) / scale)));
      if (value > LIMIT) throw invalid();
    }
    total = u64(total + value);
    if (total > LIMIT) throw invalid();
  }
  if (negative) return -total;
  if (total > LIMIT - 1n) throw invalid();
  return total;
}
