/**
 * Server-side request forgery guard for outgoing webhooks. A workspace chooses the URL, ecrm makes the
 * request from inside the deployment: a URL must never reach the deployment's own network, the cloud's
 * metadata service or a loopback service. So, when deployed:
 * - `https` only;
 * - the host is resolved and EVERY address it resolves to must be public: no private (10/8,
 *   172.16/12, 192.168/16), loopback (127/8, ::1), link-local (169.254/16 with the metadata service
 *   169.254.169.254, fe80::/10), unique-local (fc00::/7), "this network" (0/8), CGNAT (100.64/10),
 *   benchmarking, multicast or reserved range, nor an IPv4-mapped/compatible, NAT64 or 6to4 IPv6 form
 *   of one;
 * - the request is then pinned to the address that was checked (sender.ts), so a DNS answer that
 *   changes between the check and the connection (rebinding) cannot slip through.
 * Checked when an endpoint is saved and again before every attempt. IPv4 written in decimal, octal or
 * hex (`http://2130706433/`, `0177.0.0.1`) is normalised by the URL parser before the check.
 *
 * The local stack (and tests that say so) allows http and loopback/private addresses, so a receiver
 * on the same machine can be used; the default is the strict, deployed behaviour.
 */
import { BlockList, isIP } from 'node:net';

export interface AddressPolicy {
  /** Allow `http:` and private, loopback and link-local addresses (the local stack only). */
  readonly allowLocal: boolean;
}

export const STRICT_POLICY: AddressPolicy = { allowLocal: false };

export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

/** Resolves a host name to all its addresses (dns.lookup with `all: true` in production). */
export type Resolve = (host: string) => Promise<readonly ResolvedAddress[]>;

export class RefusedAddressError extends Error {}

const forbidden = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  forbidden.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  forbidden.addSubnet(net, prefix, 'ipv6');

/** The IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4), if any. */
const embeddedIpv4 = (ipv6: string): string | undefined => {
  const groups = expandIpv6(ipv6);
  if (!groups) return undefined;
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  const zeros = (from: number, to: number) => groups.slice(from, to).every((g) => g === 0);
  // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible), ::ffff:0:a.b.c.d (translated)
  if (zeros(0, 5) && (groups[5] === 0xffff || groups[5] === 0)) return v4(groups[6] ?? 0, groups[7] ?? 0);
  if (zeros(0, 4) && groups[4] === 0xffff && groups[5] === 0) return v4(groups[6] ?? 0, groups[7] ?? 0);
  // 64:ff9b::a.b.c.d (NAT64)
  if (groups[0] === 0x64 && groups[1] === 0xff9b && zeros(2, 6)) return v4(groups[6] ?? 0, groups[7] ?? 0);
  // 2002:AABB:CCDD::/48 (6to4)
  if (groups[0] === 0x2002) return v4(groups[1] ?? 0, groups[2] ?? 0);
  return undefined;
};

/** The eight 16-bit groups of an IPv6 address (with an embedded dotted IPv4 tail), or undefined. */
const expandIpv6 = (address: string): number[] | undefined => {
  let text = address.toLowerCase().split('%')[0] ?? '';
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const parts = dotted[1].split('.').map(Number);
    const [a = 0, b = 0, c = 0, d = 0] = parts;
    text = `${text.slice(0, -dotted[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (s: string) => (s === '' ? [] : s.split(':').map((g) => Number.parseInt(g, 16)));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const fill = 8 - left.length - right.length;
  if (tail === undefined ? left.length !== 8 : fill < 0) return undefined;
  const groups = [...left, ...Array<number>(tail === undefined ? 0 : fill).fill(0), ...right];
  return groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : undefined;
};

/** True when an IP address is one an outgoing webhook must never reach (deployed). */
export const isForbiddenAddress = (address: string): boolean => {
  const family = isIP(address);
  if (family === 4) return forbidden.check(address, 'ipv4');
  if (family !== 6) return true;
  const v4 = embeddedIpv4(address);
  if (v4 !== undefined && isIP(v4) === 4) return forbidden.check(v4, 'ipv4');
  return forbidden.check(address, 'ipv6');
};

/** A URL's host as an address or a name: brackets of an IPv6 literal removed. */
export const hostOf = (url: URL): string => url.hostname.replace(/^\[(.*)\]$/, '$1');

/**
 * Why `raw` may not be called under `policy`, or undefined when its shape is fine (scheme, no
 * credentials, a host). The addresses are checked by {@link checkedAddress}.
 */
export const urlProblem = (raw: string, policy: AddressPolicy): string | undefined => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not a URL';
  }
  if (url.protocol !== 'https:' && !(policy.allowLocal && url.protocol === 'http:'))
    return policy.allowLocal ? 'an http(s) URL' : 'must be https';
  if (url.username || url.password) return 'no user name or password in the URL';
  if (!url.hostname) return 'a URL with a host';
  return undefined;
};

/**
 * The address to connect to for `raw`: its host resolved, every address checked under `policy`.
 * Throws RefusedAddressError naming why it may not be called.
 */
export const checkedAddress = async (
  raw: string,
  policy: AddressPolicy,
  resolve: Resolve,
): Promise<ResolvedAddress & { readonly url: URL }> => {
  const problem = urlProblem(raw, policy);
  if (problem) throw new RefusedAddressError(problem);
  const url = new URL(raw);
  const host = hostOf(url);
  const literal = isIP(host);
  let addresses: readonly ResolvedAddress[];
  if (literal === 4 || literal === 6) addresses = [{ address: host, family: literal }];
  else {
    try {
      addresses = await resolve(host);
    } catch (cause) {
      throw new RefusedAddressError(`${host} does not resolve`, { cause });
    }
  }
  const first = addresses[0];
  if (!first) throw new RefusedAddressError(`${host} does not resolve`);
  if (!policy.allowLocal) {
    const bad = addresses.find((a) => isForbiddenAddress(a.address));
    if (bad)
      throw new RefusedAddressError(
        `${host} resolves to ${bad.address}, a private, loopback, link-local or reserved address`,
      );
  }
  return { ...first, url };
};
