/**
 * Server-side request forgery guard: Entente fetches only http(s) URLs whose
 * host resolves to public unicast addresses, unless configuration allows a
 * private address. The check runs on the address actually connected to (a
 * lookup hook in the connection), so a name that resolves differently on the
 * second lookup (DNS rebinding) cannot slip past it, and it runs on every
 * redirect hop because every hop is a new connection through the same hook.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

export class RefusedAddressError extends Error {
  override name = 'RefusedAddressError';
}

export type AllowPrivate = true | string[];

/** Public unicast, or allowed by configuration. */
export function addressAllowed(address: string, allow: AllowPrivate): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  // ::ffff:10.0.0.1 is 10.0.0.1.
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  if (parsed.range() === 'unicast') return true;
  if (allow === true) return true;
  return allow.some((entry) => {
    try {
      const [net, bits] = entry.includes('/') ? ipaddr.parseCIDR(entry) : [ipaddr.parse(entry), entry.includes(':') ? 128 : 32];
      return net.kind() === parsed.kind() && parsed.match(net, bits);
    } catch {
      return false;
    }
  });
}

/** Rejects what is wrong with a URL before any connection: scheme, credentials, an IP literal in a refused range. */
export function checkUrl(raw: string, allow: AllowPrivate): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new RefusedAddressError(`not a URL: ${raw}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new RefusedAddressError(`only http and https are fetched, not ${url.protocol}`);
  if (url.username || url.password) throw new RefusedAddressError('URLs with a user name or password are not fetched');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // An address literal is connected to without a lookup: check it here.
  if (isIP(host) && !addressAllowed(host, allow)) throw refused(host);
  return url;
}

function refused(address: string): RefusedAddressError {
  return new RefusedAddressError(
    `refused to connect to ${address}: a private, loopback or link-local address (allow it with FETCH_ALLOW_PRIVATE)`,
  );
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
export type Resolver = (hostname: string, options: LookupOptions & { all: true }, callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

/**
 * A `lookup` for net/tls.connect that resolves, then refuses the whole name if
 * any of its addresses is refused (the socket might pick any of them).
 */
export function guardedLookup(allow: AllowPrivate, resolver: Resolver = dnsLookup as unknown as Resolver) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    resolver(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '');
      const bad = addresses.find((a) => !addressAllowed(a.address, allow));
      if (bad) return callback(Object.assign(refused(bad.address), { code: 'EREFUSEDADDRESS' }), '');
      if (addresses.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '');
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}
