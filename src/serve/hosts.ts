import { hostname, networkInterfaces } from 'node:os';

/**
 * Which Host names the server answers to: a page on another site that points its own name at 127.0.0.1 (DNS
 * rebinding) would otherwise read the whole graph. Loopback names always; the bound address and, when it is a
 * wildcard (0.0.0.0, ::), this machine's name and addresses, which is how others on the network reach it.
 */
const LOOPBACK = ['localhost', '127.0.0.1', '::1'];
const WILDCARDS = new Set(['0.0.0.0', '::', '']);

export function allowedHosts(bound: string): Set<string> {
  const names = new Set(LOOPBACK);
  names.add(normaliseHost(bound));
  if (WILDCARDS.has(bound)) {
    names.add(hostname().toLowerCase());
    for (const addresses of Object.values(networkInterfaces())) for (const { address } of addresses ?? []) names.add(normaliseHost(address));
  }
  return names;
}

/** The name of a Host header without its port or IPv6 brackets, lower case; undefined when it is not one. */
export function hostOf(header: string | undefined): string | undefined {
  if (header === undefined || header === '') return undefined;
  const match = /^(?:\[([0-9a-f:.]+)\]|([a-z0-9._-]+))(?::\d{1,5})?$/i.exec(header.trim());
  return match ? normaliseHost(match[1] ?? match[2]) : undefined;
}

function normaliseHost(name: string): string {
  return name.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
}
