import { lookup as dnsLookup } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Addresses a webhook may never reach unless the operator allows them (SSRF): unspecified, loopback,
 * private (RFC 1918), CGNAT, link-local (cloud metadata lives at 169.254.169.254), multicast, and their
 * IPv6 counterparts, IPv4-mapped IPv6 forms included.
 */
function privateAddresses(): BlockList {
  const list = new BlockList();
  for (const [network, prefix] of [
    ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24],
    ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
  ] as const) {
    list.addSubnet(network, prefix, 'ipv4');
    list.addSubnet(`::ffff:${network}`, 96 + prefix, 'ipv6');
  }
  list.addAddress('::', 'ipv6');
  for (const [network, prefix] of [['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96], ['2002::', 16]] as const) list.addSubnet(network, prefix, 'ipv6');
  return list;
}

function loopbackAddresses(): BlockList {
  const list = new BlockList();
  list.addSubnet('127.0.0.0', 8, 'ipv4');
  list.addSubnet('::ffff:127.0.0.0', 104, 'ipv6');
  list.addAddress('::1', 'ipv6');
  return list;
}

const PRIVATE = privateAddresses();
const LOOPBACK = loopbackAddresses();

/** Which kinds of address the operator lets webhooks reach (WEBHOOK_ALLOW_HTTP, WEBHOOK_ALLOW_LOOPBACK, WEBHOOK_ALLOW_PRIVATE). */
export interface UrlPolicy {
  allowHttp: boolean;
  allowLoopback: boolean;
  allowPrivate: boolean;
}

/** Why `address` (an IP literal, v4 or v6) may not be reached under `policy`, or null when it may. */
export function addressProblem(address: string, policy: UrlPolicy): string | null {
  const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  if (LOOPBACK.check(address, family)) return policy.allowLoopback ? null : `a loopback address (${address})`;
  if (PRIVATE.check(address, family)) return policy.allowPrivate ? null : `a private, link-local or reserved address (${address})`;
  return null;
}

/** The host of `url` without IPv6 brackets. */
function bareHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/**
 * Why `text` is not an acceptable webhook URL at creation, or null: it must parse, be `https:` (or
 * `http:` when allowed), carry no credentials, and when its host is an IP literal that address must be
 * allowed. Host names are checked again at every delivery, after resolution ({@link guardedLookup}).
 */
export function urlProblem(text: string, policy: UrlPolicy): { code: 'VALIDATION' | 'UNSAFE_WEBHOOK_URL'; message: string } | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { code: 'VALIDATION', message: 'url is not an absolute URL.' };
  }
  if (text.length > 2000) return { code: 'VALIDATION', message: 'url must be at most 2000 characters.' };
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && policy.allowHttp)) {
    return { code: 'VALIDATION', message: policy.allowHttp ? 'url must be http: or https:.' : 'url must be https: (this server does not allow http: webhooks).' };
  }
  if (url.username || url.password) return { code: 'VALIDATION', message: 'url must not carry a user name or password.' };
  const host = bareHost(url);
  if (isIP(host)) {
    const problem = addressProblem(host, policy);
    if (problem) return { code: 'UNSAFE_WEBHOOK_URL', message: `url may not point at ${problem}.` };
  } else if (host === 'localhost' || host.endsWith('.localhost')) {
    if (!policy.allowLoopback) return { code: 'UNSAFE_WEBHOOK_URL', message: 'url may not point at localhost.' };
  }
  return null;
}

/** Thrown (through the socket's lookup) when every resolved address of a host is refused; no connection was opened. */
export class UnsafeAddressError extends Error {
  readonly code = 'UNSAFE_WEBHOOK_ADDRESS';
}

/** Resolves a host name to all of its addresses (dns.lookup's `all` form); replaceable in tests. */
export type Resolver = (host: string) => Promise<{ address: string; family: number }[]>;

export const systemResolver: Resolver = (host) =>
  new Promise((resolve, reject) => dnsLookup(host, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));

/**
 * A `lookup` for http(s).request: resolves the host, refuses it when ANY resolved address is not
 * allowed, and hands the socket the address it checked, so a DNS answer that changes between the check
 * and the connection (rebinding) cannot reach anything else. The refusal comes before any connection.
 */
export function guardedLookup(policy: UrlPolicy, resolve: Resolver): LookupFunction {
  return (hostname, options, callback) => {
    const host = hostname.replace(/^\[(.*)\]$/, '$1');
    const found = isIP(host) ? Promise.resolve([{ address: host, family: isIP(host) }]) : resolve(host);
    found.then(
      (addresses) => {
        const problem = addresses.length === 0 ? `no address for ${host}` : addresses.map((a) => addressProblem(a.address, policy)).find((p) => p);
        if (problem) return callback(new UnsafeAddressError(`${host} resolves to ${problem}`), '', 4);
        if (options.all) return (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, addresses);
        callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 4),
    );
  };
}
