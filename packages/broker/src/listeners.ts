/**
 * Kafka listener strings (`NAME://host:port,…`) and the one listener Sluice serves.
 *
 * A listener's security protocol comes from listener.security.protocol.map, as in Kafka. Only a
 * PLAINTEXT listener can be served; any other, and any second listener, refuses the start
 * rather than being dropped: dropping a SASL_SSL listener while serving PLAINTEXT would leave the
 * broker open, and dropping a second PLAINTEXT one would leave clients that use it wondering.
 * Listeners named in controller.listener.names are left out (Sluice is its own controller), so
 * Kafka's own server.properties works as it is.
 */
import type { BrokerConfig } from './config/broker-config.js';
import { ConfigError } from './config/definitions.js';

export interface Listener {
  name: string;
  host: string;
  port: number;
}

/** Every entry of a listener list, checked for syntax and port range. */
export function parseListeners(text: string, setting: string): Listener[] {
  const entries = text.split(',').map((e) => e.trim()).filter((e) => e !== '');
  if (entries.length === 0) throw new ConfigError(`Invalid ${setting} ${JSON.stringify(text)}: expected NAME://host:port, e.g. PLAINTEXT://127.0.0.1:9092`);
  return entries.map((entry) => {
    const m = /^([A-Za-z_][A-Za-z0-9_]*):\/\/(\[[^\]]*\]|[^:]*):(\d+)$/.exec(entry);
    if (!m) throw new ConfigError(`Invalid ${setting} entry ${JSON.stringify(entry)}: expected NAME://host:port, e.g. PLAINTEXT://127.0.0.1:9092`);
    const [, name, rawHost, port] = m;
    const portNumber = Number(port);
    if (portNumber > 65535) throw new ConfigError(`Invalid ${setting}: port ${port} is above 65535`);
    return { name: name.toUpperCase(), host: rawHost.startsWith('[') ? rawHost.slice(1, -1) : rawHost, port: portNumber };
  });
}

function protocolMap(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const pair of text.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*):([A-Za-z_]+)$/.exec(pair);
    if (!m) throw new ConfigError(`Invalid listener.security.protocol.map entry ${JSON.stringify(pair)}: expected LISTENER_NAME:PROTOCOL`);
    map.set(m[1].toUpperCase(), m[2].toUpperCase());
  }
  return map;
}

export interface ServedListener {
  listener: Listener;
  /** Controller listeners given in `listeners` and not opened. */
  skipped: Listener[];
}

/** The listener to serve, or a ConfigError naming what cannot be served. */
export function servedListener(config: BrokerConfig): ServedListener {
  const all = parseListeners(config.string('listeners')!, 'listeners');
  const controllers = new Set((config.string('controller.listener.names') ?? '').split(',').map((n) => n.trim().toUpperCase()).filter((n) => n !== ''));
  const protocols = protocolMap(config.string('listener.security.protocol.map')!);
  const skipped = all.filter((l) => controllers.has(l.name));
  const served = all.filter((l) => !controllers.has(l.name));
  for (const l of served) {
    const protocol = protocols.get(l.name);
    if (protocol === undefined) throw new ConfigError(`Invalid listeners: no security protocol for the listener ${l.name}; add ${l.name}:PLAINTEXT to listener.security.protocol.map`);
    if (protocol !== 'PLAINTEXT') {
      throw new ConfigError(
        `Refusing to start: the listener ${l.name}://${l.host}:${l.port} uses ${protocol}, which Sluice does not support yet (no TLS or SASL), and serving it without would leave it open. Remove it from listeners and use a PLAINTEXT listener, e.g. PLAINTEXT://${l.host}:${l.port}`,
      );
    }
  }
  if (served.length === 0) throw new ConfigError('Invalid listeners: every listener is a controller listener (controller.listener.names); add a PLAINTEXT listener, e.g. PLAINTEXT://127.0.0.1:9092');
  if (served.length > 1) {
    throw new ConfigError(`Refusing to start: listeners has ${served.length} listeners (${served.map((l) => `${l.name}://${l.host}:${l.port}`).join(', ')}), and Sluice serves one listener yet. Keep one.`);
  }
  return { listener: served[0], skipped };
}

/** The advertised address of the served listener: the entry with its name, else the only entry. */
export function advertisedListener(text: string, served: Listener): Listener {
  const all = parseListeners(text, 'advertised.listeners');
  const match = all.find((l) => l.name === served.name) ?? (all.length === 1 ? all[0] : undefined);
  if (match === undefined) throw new ConfigError(`Invalid advertised.listeners: no entry for the listener ${served.name}`);
  return match;
}
