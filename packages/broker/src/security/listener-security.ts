/**
 * Everything a listener needs to admit clients: its protocol, its advertised address, its TLS
 * endpoint and SASL mechanisms, read once at start with the listener's own settings. A listener
 * asked for something Sluice cannot serve refuses the start, naming it: a broker that does not
 * start is noticed at once, one left open is not.
 */
import type { BrokerConfig } from '../config/broker-config.ts';
import { ConfigError } from '../config/definitions.ts';
import type { ServedListener, SecurityProtocol } from '../listeners.ts';
import type { BrokerLog } from '../log.ts';
import { ListenerSettings } from './listener-settings.ts';
import { PlainMechanism } from './sasl-plain.ts';
import { ScramMechanism } from './sasl-scram.ts';
import { OAuthBearerMechanism, oauthBearerSettings } from './sasl-oauthbearer.ts';
import { SCRAM_MECHANISMS, type ScramCredentialStore, type ScramMechanismName } from './scram-credentials.ts';
import type { SaslMechanismServer } from './sasl-mechanism.ts';
import { TlsEndpoint } from './tls.ts';

export interface ListenerSecurity {
  readonly name: string;
  readonly protocol: SecurityProtocol;
  /** The address clients of this listener are given in Metadata, FindCoordinator and DescribeCluster (set once it is bound). */
  readonly advertised: { host: string; port: number };
  readonly tls: TlsEndpoint | undefined;
  /** The enabled mechanisms by name; undefined on a listener without SASL. */
  readonly sasl: ReadonlyMap<string, SaslMechanismServer> | undefined;
  /** connection.failed.authentication.delay.ms */
  readonly failedAuthenticationDelayMs: number;
  /** connections.authentication.timeout.ms */
  readonly authenticationTimeoutMs: number;
  /** connections.max.reauth.ms (0: SASL sessions never expire). */
  readonly maxReauthMs: number;
  /** sasl.server.max.receive.size: the largest frame of a SASL connection before it has authenticated. */
  readonly saslMaxReceiveBytes: number;
  /** listener.name.<listener>.max.connections: this listener's own limit, within the broker's max.connections. */
  readonly maxConnections: number;
}

/** A plaintext listener that advertises nothing: a connection made outside a broker (tests). */
export const PLAINTEXT_LISTENER: ListenerSecurity = {
  name: 'PLAINTEXT',
  protocol: 'PLAINTEXT',
  advertised: { host: '127.0.0.1', port: 0 },
  tls: undefined,
  sasl: undefined,
  failedAuthenticationDelayMs: 0,
  authenticationTimeoutMs: 30_000,
  maxReauthMs: 0,
  saslMaxReceiveBytes: 524_288,
  maxConnections: Infinity,
};

export async function listenerSecurity(config: BrokerConfig, listener: ServedListener, log: BrokerLog, scram: ScramCredentialStore): Promise<ListenerSecurity> {
  const settings = new ListenerSettings(config, listener.name);
  const usesTls = listener.protocol === 'SSL' || listener.protocol === 'SASL_SSL';
  const usesSasl = listener.protocol === 'SASL_PLAINTEXT' || listener.protocol === 'SASL_SSL';
  const sasl = usesSasl ? await saslMechanisms(settings, scram, log) : undefined;
  return {
    name: listener.name,
    protocol: listener.protocol,
    advertised: { host: listener.host, port: listener.port },
    tls: usesTls ? new TlsEndpoint(settings, log) : undefined,
    sasl,
    failedAuthenticationDelayMs: config.int('connection.failed.authentication.delay.ms'),
    authenticationTimeoutMs: config.int('connections.authentication.timeout.ms'),
    maxReauthMs: Number(settings.get('connections.max.reauth.ms') ?? 0),
    saslMaxReceiveBytes: Number(settings.get('sasl.server.max.receive.size') ?? 524_288),
    // Only the listener's own value: the broker-wide max.connections applies besides, to all listeners.
    maxConnections: Number(settings.own('max.connections') ?? Infinity),
  };
}

async function saslMechanisms(settings: ListenerSettings, scram: ScramCredentialStore, log: BrokerLog): Promise<Map<string, SaslMechanismServer>> {
  const names = settings.list('sasl.enabled.mechanisms').map((m) => m.toUpperCase());
  const setting = settings.nameOf('sasl.enabled.mechanisms');
  if (names.length === 0) throw new ConfigError(`The SASL listener ${settings.listenerName} has no mechanism: set ${setting}, e.g. PLAIN`);
  const out = new Map<string, SaslMechanismServer>();
  for (const name of names) {
    if (name === 'PLAIN') out.set(name, new PlainMechanism(settings.jaasConfig(name), settings.listenerName));
    else if (name in SCRAM_MECHANISMS) out.set(name, new ScramMechanism(name as ScramMechanismName, scram));
    else if (name === 'OAUTHBEARER') out.set(name, new OAuthBearerMechanism(await oauthBearerSettings(settings, log)));
    else throw new ConfigError(`Refusing to start: the listener ${settings.listenerName} enables the SASL mechanism ${name} (${setting}), which Sluice does not serve; enable PLAIN, SCRAM-SHA-256, SCRAM-SHA-512 or OAUTHBEARER instead`);
  }
  return out;
}

const LOOPBACK = /^(?:127\.|::1$|localhost$)/i;

/** Kafka's advice, as a warning: a listener reachable from other machines lets anyone in without authentication. */
export function warnAboutOpenListeners(listeners: readonly ListenerSecurity[], addresses: readonly { host: string; port: number }[], log: BrokerLog): void {
  listeners.forEach((l, i) => {
    const open = l.sasl === undefined && (l.tls === undefined || l.tls.clientAuth !== 'required');
    if (open && !LOOPBACK.test(addresses[i].host)) {
      log.warn(`the listener ${l.name}://${addresses[i].host}:${addresses[i].port} is reachable beyond this machine and does not authenticate its clients (${l.protocol}): anyone who reaches it can read, write and delete every topic. Use SASL_SSL (or SSL with ssl.client.auth=required) for it, or listen on 127.0.0.1`);
    }
  });
}
