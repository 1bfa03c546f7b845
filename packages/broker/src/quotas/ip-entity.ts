/**
 * Which names an `ip` quota entity may have, as Kafka 4.3 decides it: its controller takes a name
 * that Java's InetAddress.getByName takes (ClientQuotaControlManager.isValidIpEntity), so an
 * address literal as Java reads one, or a host name that resolves. Java reads IPv4 literals of
 * one to four decimal parts ("127.1" is 127.0.0.1) and refuses, without a lookup, the other forms
 * a C resolver would read (hexadecimal or octal parts) as ambiguous; a name in brackets must be
 * an IPv6 literal; an IPv6 zone that is not a number must name an interface of this machine.
 */
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { HostResolver } from './host-resolver.ts';

/** Whether Kafka takes `name` as an ip entity's name (the default entity, null, always); `hosts` looks host names up. */
export async function isValidIpEntityName(name: string | null, hosts: HostResolver): Promise<boolean> {
  if (name === null) return true;
  if (name === '') return false;
  let host = name;
  const bracketed = host.startsWith('[');
  if (bracketed) {
    if (host.length <= 2 || !host.endsWith(']')) return false;
    host = host.slice(1, -1);
  }
  // Java tries a literal only for a name that starts like one (a hex digit or ':').
  if (/^[0-9a-fA-F:]/.test(host)) {
    if (isJavaIpv4Literal(host)) return !bracketed;
    if (isBsdIpv4(host)) return false;
    if (isIpv6Literal(host)) return true;
    if (host.includes(':')) return false;
  }
  if (bracketed) return false;
  return (await hosts.resolve(host)) !== undefined;
}

/** Java's textToNumericFormatV4: one to four decimal parts, the last filling the bytes left. */
export function isJavaIpv4Literal(s: string): boolean {
  if (s.length === 0 || s.length > 15 || !/^[0-9]+(\.[0-9]+){0,3}$/.test(s)) return false;
  const parts = s.split('.').map(Number);
  const last = parts.pop()!;
  if (parts.some((p) => p > 255)) return false;
  return last < 2 ** (8 * (4 - parts.length));
}

/** What inet_aton would read: up to four parts, each decimal, octal (0…) or hexadecimal (0x…). */
function isBsdIpv4(s: string): boolean {
  if (!/^[0-9]/.test(s) || s.endsWith('.')) return false;
  const parts = s.split('.');
  if (parts.length > 4) return false;
  const values: number[] = [];
  for (const p of parts) {
    let v: number;
    if (/^0[xX][0-9a-fA-F]*$/.test(p)) v = p.length === 2 ? 0 : parseInt(p.slice(2), 16);
    else if (/^0[0-7]*$/.test(p)) v = parseInt(p, 8);
    else if (/^[1-9][0-9]*$/.test(p)) v = Number(p);
    else return false;
    values.push(v);
  }
  const last = values.pop()!;
  return values.every((v) => v <= 255) && last < 2 ** (8 * (4 - values.length));
}

/** An IPv6 literal; a zone after '%' is a number or the name of one of this machine's interfaces. */
function isIpv6Literal(s: string): boolean {
  const zoneAt = s.indexOf('%');
  const address = zoneAt === -1 ? s : s.slice(0, zoneAt);
  if (isIP(address) !== 6) return false;
  if (zoneAt === -1) return true;
  const zone = s.slice(zoneAt + 1);
  return /^[0-9]+$/.test(zone) || Object.hasOwn(networkInterfaces(), zone);
}

/**
 * The address an ip entity's name stands for when it is a literal, written as a connection's
 * address is (IPv4 dotted, IPv6 compressed, an IPv4-mapped IPv6 address as IPv4, as Java's
 * InetAddress makes it); undefined for a host name, which only a lookup can tell.
 */
export function literalAddress(name: string): string | undefined {
  const host = name.startsWith('[') && name.endsWith(']') ? name.slice(1, -1) : name;
  if (isJavaIpv4Literal(host)) {
    const parts = host.split('.').map(Number);
    let last = parts.pop()!;
    const bytes = [...parts];
    const tail: number[] = [];
    for (let i = 0; i < 4 - parts.length; i++) {
      tail.unshift(last % 256);
      last = Math.floor(last / 256);
    }
    return [...bytes, ...tail].join('.');
  }
  const zoneAt = host.indexOf('%');
  const address = zoneAt === -1 ? host : host.slice(0, zoneAt);
  if (isIP(address) !== 6) return undefined;
  // WHATWG URL writes an IPv6 host in RFC 5952's compressed form, as Node reports peers.
  const compressed = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(compressed);
  if (mapped) {
    const [hi, lo] = [parseInt(mapped[1]!, 16), parseInt(mapped[2]!, 16)];
    return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
  }
  return compressed;
}

/**
 * The address Kafka's broker applies an ip entity's quota to: the literal, or the host name's
 * address (undefined when it does not resolve).
 */
export async function entityAddress(name: string, hosts: HostResolver): Promise<string | undefined> {
  const literal = literalAddress(name);
  if (literal !== undefined) return literal;
  const address = await hosts.resolve(name);
  return address === undefined ? undefined : (literalAddress(address) ?? address);
}
