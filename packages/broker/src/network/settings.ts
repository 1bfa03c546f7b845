/** The listener's settings, read from the broker configuration with Kafka's names and rules. */
import type { BrokerConfig } from '../config/broker-config.ts';
import { ConfigError } from '../config/definitions.ts';
import type { ListenOptions } from './server.ts';

export function listenOptions(config: BrokerConfig, host: string, port: number): ListenOptions {
  const maxFrameBytes = config.int('socket.request.max.bytes');
  const queued = config.int('queued.max.request.bytes');
  // Kafka's rule: a request as large as allowed must fit in the memory for requests in flight.
  if (queued > 0 && queued < maxFrameBytes) {
    throw new ConfigError(`queued.max.request.bytes (${queued}) must be at least socket.request.max.bytes (${maxFrameBytes}), or -1 for no limit`);
  }
  // Parsed again only when the text changes (it may, while the broker runs): the same map otherwise.
  let overridesText = config.string('max.connections.per.ip.overrides') ?? '';
  let overrides = parseOverrides(overridesText);
  return {
    host,
    port,
    maxFrameBytes,
    queuedMaxRequestBytes: queued > 0 ? queued : Infinity,
    connectionsMaxIdleMs: config.int('connections.max.idle.ms'),
    limits: {
      // Getters: they can be changed while the broker runs, and apply to the next connection.
      get maxConnections() {
        return config.int('max.connections');
      },
      get maxConnectionsPerIp() {
        return config.int('max.connections.per.ip');
      },
      get perIpOverrides() {
        const text = config.string('max.connections.per.ip.overrides') ?? '';
        if (text !== overridesText) [overridesText, overrides] = [text, parseOverrides(text)];
        return overrides;
      },
      get perIpOverridesSetWhileRunning() {
        return config.sourceOf('max.connections.per.ip.overrides').startsWith('DYNAMIC_');
      },
    },
  };
}

/** host:count,address:count, split at each entry's last colon (an IPv6 address has several), as Kafka does. */
export function parseOverrides(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const entry of text.split(',').map((e) => e.trim())) {
    if (entry === '') continue;
    const colon = entry.lastIndexOf(':');
    const host = entry.slice(0, colon).trim();
    const count = entry.slice(colon + 1).trim();
    if (colon <= 0 || host === '' || !/^\d+$/.test(count) || Number(count) > 2147483647) {
      throw new ConfigError(`Invalid max.connections.per.ip.overrides entry ${JSON.stringify(entry)}: expected host:count, e.g. 127.0.0.1:200`);
    }
    out.set(host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host, Number(count));
  }
  return out;
}
