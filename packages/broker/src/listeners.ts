/**
 * Kafka listener strings (`NAME://host:port,…`) and the listeners Sluice serves.
 *
 * A listener's security protocol comes from listener.security.protocol.map, as in Kafka; several
 * listeners may be served at once (PLAINTEXT beside SASL_SSL, say), each on its own port.
 * Listeners named in controller.listener.names are left out (Sluice is its own controller), so
 * Kafka's own server.properties works as it is.
 */
import type { BrokerConfig } from './config/broker-config.ts';
import { ConfigError } from './config/definitions.ts';

export const SECURITY_PROTOCOLS = ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'] as const;
export type SecurityProtocol = (typeof SECURITY_PROTOCOLS)[number];

export interface Listener {
  name: string;
  host: string;
  port: number;
}

export interface ServedListener extends Listener {
  protocol: SecurityProtocol;
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

export interface ServedListeners {
  listeners: ServedListener[];
  /** Controller listeners given in `listeners` and not opened. */
  skipped: Listener[];
}

/** The listeners to serve, or a ConfigError naming what cannot be served. */
export function servedListeners(config: BrokerConfig): ServedListeners {
  const all = parseListeners(config.string('listeners')!, 'listeners');
  const controllers = new Set((config.string('controller.listener.names') ?? '').split(',').map((n) => n.trim().toUpperCase()).filter((n) => n !== ''));
  const protocols = protocolMap(config.string('listener.security.protocol.map')!);
  const skipped = all.filter((l) => controllers.has(l.name));
  const served: ServedListener[] = [];
  for (const l of all.filter((l) => !controllers.has(l.name))) {
    const protocol = protocols.get(l.name);
    if (protocol === undefined) throw new ConfigError(`Invalid listeners: no security protocol for the listener ${l.name}; add ${l.name}:PLAINTEXT (or SSL, SASL_PLAINTEXT, SASL_SSL) to listener.security.protocol.map`);
    if (!(SECURITY_PROTOCOLS as readonly string[]).includes(protocol)) {
      throw new ConfigError(`Invalid listener.security.protocol.map: ${l.name}:${protocol} is not a security protocol; use one of ${SECURITY_PROTOCOLS.join(', ')}`);
    }
    if (served.some((s) => s.name === l.name)) throw new ConfigError(`Invalid listeners: the listener name ${l.name} is given twice; each listener needs a name of its own`);
    const samePort = served.find((s) => s.port !== 0 && s.port === l.port);
    if (samePort !== undefined) throw new ConfigError(`Invalid listeners: ${samePort.name} and ${l.name} both use port ${l.port}; give each listener a port of its own`);
    served.push({ ...l, protocol: protocol as SecurityProtocol });
  }
  if (served.length === 0) throw new ConfigError('Invalid listeners: every listener is a controller listener (controller.listener.names); add a PLAINTEXT listener, e.g. PLAINTEXT://127.0.0.1:9092');
  checkListenerSettingNames(config, new Set([...all.map((l) => l.name), ...controllers, ...protocols.keys()]));
  return { listeners: served, skipped };
}

/**
 * Refuses a per-listener setting (listener.name.<listener>.…) whose listener is named nowhere: not
 * in listeners, controller.listener.names or listener.security.protocol.map. It is a typo, and
 * the setting (ssl.client.auth=required, say) would be dropped while the listener it was meant
 * for runs without it. Kafka ignores such a setting; a restriction must not be dropped unseen.
 */
function checkListenerSettingNames(config: BrokerConfig, known: ReadonlySet<string>): void {
  // Kafka reads only the lower-case prefix: listener.name.SASL_SSL.… is never read, so it is a stray too.
  const listenerOf = (name: string) => name.slice('listener.name.'.length).split('.')[0]!;
  const strays = config.listenerSettingNames().filter((name) => listenerOf(name) !== listenerOf(name).toLowerCase() || !known.has(listenerOf(name).toUpperCase()));
  if (strays.length === 0) return;
  const names = [...known].sort().join(', ');
  throw new ConfigError(`Refusing to start: ${strays.join(', ')} ${strays.length === 1 ? 'names a listener' : 'name listeners'} that no listener has (listeners, controller.listener.names and listener.security.protocol.map name ${names}); give the setting the prefix listener.name.<listener name in lower case>. of the listener it is for`);
}

/**
 * The advertised address of a served listener: the entry with its name, else, when one listener
 * is served, the only entry; undefined when advertised.listeners has no entry for it (the bound
 * address is advertised then, as Kafka does for a listener missing from advertised.listeners).
 */
export function advertisedListener(text: string, served: Listener, onlyListener: boolean): Listener | undefined {
  const all = parseListeners(text, 'advertised.listeners');
  return all.find((l) => l.name === served.name) ?? (onlyListener && all.length === 1 ? all[0] : undefined);
}

/** Checks that every advertised listener names a served one (a typo would advertise nothing). */
export function checkAdvertisedNames(text: string, served: readonly Listener[]): void {
  const all = parseListeners(text, 'advertised.listeners');
  if (served.length === 1 && all.length === 1) return;
  for (const a of all) {
    if (!served.some((s) => s.name === a.name)) {
      throw new ConfigError(`Invalid advertised.listeners: ${a.name} is not one of the listeners (${served.map((s) => s.name).join(', ')}); advertise each listener under its own name`);
    }
  }
}
