/**
 * What a NetworkPolicy means where the render checks need it: its policy types as the API server
 * defaults them, and which IPv4 ranges an ipBlock peer still reaches after its `except`.
 */

/** The fields of a NetworkPolicy spec these helpers read. */
export interface PolicyTypesSpec {
  policyTypes?: string[];
  egress?: unknown[];
}

/** Policy types as the API server defaults them: Ingress always, Egress when the policy has egress rules. */
export function policyTypes(spec: PolicyTypesSpec): string[] {
  return spec.policyTypes ?? ["Ingress", ...(spec.egress ? ["Egress"] : [])];
}

type Range = [number, number];

/** An IPv4 CIDR as its [first, last] addresses (integers). */
export function ipv4Range(cidr: string): Range {
  const [address, bits] = cidr.split("/") as [string, string];
  const start = address.split(".").reduce((n, octet) => n * 256 + Number(octet), 0);
  const size = 2 ** (32 - Number(bits));
  const first = start - (start % size);
  return [first, first + size - 1];
}

/** The parts of `range` not covered by any of `holes`. */
function subtract(range: Range, holes: readonly Range[]): Range[] {
  let rest: Range[] = [range];
  for (const [a, b] of holes) {
    rest = rest.flatMap(([x, y]): Range[] => (b < x || a > y ? [[x, y]] : [...(a > x ? [[x, a - 1] as Range] : []), ...(b < y ? [[b + 1, y] as Range] : [])]));
  }
  return rest;
}

/**
 * The CIDRs of `targets` an IPv4 ipBlock still reaches after its `except` (IPv6 excepts cannot
 * carve an IPv4 block; an IPv6 block reaches none of them).
 */
export function ipv4RangesReached(block: { cidr: string; except?: string[] }, targets: readonly string[]): string[] {
  if (block.cidr.includes(":")) return [];
  const [from, to] = ipv4Range(block.cidr);
  const holes = (block.except ?? []).filter((c) => !c.includes(":")).map(ipv4Range);
  return targets.filter((cidr) => {
    const [first, last] = ipv4Range(cidr);
    const overlap: Range = [Math.max(first, from), Math.min(last, to)];
    return overlap[0] <= overlap[1] && subtract(overlap, holes).length > 0;
  });
}
