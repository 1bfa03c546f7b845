/**
 * The REST API on the worker's `listeners`, and the URL other workers are given for it (Kafka's
 * RestServer.advertisedUrl): the protocol of `rest.advertised.listener`, else http when a listener
 * is http, else https; the host of `rest.advertised.host.name`, else the listener's (127.0.0.1 for
 * every interface); the port of `rest.advertised.port`, else the one the listener got.
 */
import { ConfigError } from '@sluice/config';
import type { ConnectRestServer } from './rest-server.ts';
import { restServerTls } from './rest-tls.ts';
import type { WorkerConfig } from './worker-config.ts';

export interface RestEndpoint {
  /** The port the advertised listener got (or the first one's). */
  port: number;
  /** The URL other workers forward to (`https://host:port` for an https listener). */
  url: string;
  /** Kafka's worker id: the advertised host and port. */
  workerId: string;
}

export async function startRestListeners(rest: ConnectRestServer, config: WorkerConfig): Promise<RestEndpoint> {
  const listeners = config.restListeners();
  const advertisedProtocol = (config.string('rest.advertised.listener') ?? (listeners.some((l) => l.protocol === 'http') ? 'http' : 'https')).toLowerCase();
  const bound = await rest.listenAll(listeners, () => restServerTls(config));
  const advertised = bound.find((l) => l.protocol === advertisedProtocol);
  if (advertised === undefined) {
    await rest.close();
    throw new ConfigError(`rest.advertised.listener=${advertisedProtocol} but listeners (${config.list('listeners').join(',')}) has no ${advertisedProtocol} listener; add one or change rest.advertised.listener`);
  }
  const wildcard = advertised.host === '0.0.0.0' || advertised.host === '::';
  const host = config.string('rest.advertised.host.name') ?? (wildcard ? '127.0.0.1' : advertised.host);
  const port = config.string('rest.advertised.port') ?? String(advertised.port);
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return { port: advertised.port, url: `${advertisedProtocol}://${urlHost}:${port}`, workerId: `${host}:${port}` };
}
