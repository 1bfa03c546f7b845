/**
 * A standalone Connect worker in one call (Kafka's ConnectStandalone): the worker's settings and
 * connector configs in, a running worker with its REST API out. Offsets are kept in
 * `offset.storage.file.filename` (in memory when it is not set, as for a test).
 */
import { ConfigError } from '@sluice/config';
import type { ConnectorConfig } from '@sluice/connect-api';
import { loadPlugins } from './connect-plugins.ts';
import { workerLogging } from './loggers.ts';
import { FileOffsetBackingStore, MemoryOffsetBackingStore } from './offset-store.ts';
import { RestClient } from './rest-client.ts';
import { startRestListeners } from './rest-listeners.ts';
import { ConnectRestServer } from './rest-server.ts';
import { restClientTls } from './rest-tls.ts';
import { StandaloneHerder } from './standalone-herder.ts';
import { Worker } from './worker.ts';
import { WorkerConfig } from './worker-config.ts';

export interface ConnectStandaloneOptions {
  /** The worker's settings, as in worker.properties. */
  worker: Readonly<Record<string, string>>;
  /** Connectors to create at start, as in connector .properties files. */
  connectors?: readonly ConnectorConfig[];
  /** Where log lines go; default stderr. */
  log?: (line: string) => void;
}

export interface ConnectStandalone {
  readonly herder: StandaloneHerder;
  readonly rest: ConnectRestServer;
  /** The REST API's port (the one listened on, when `listeners` asked for port 0). */
  readonly port: number;
  /** `http://host:port` (or `https://`) of the REST API's advertised listener. */
  readonly url: string;
  stop(): Promise<void>;
}

export async function startConnectStandalone(options: ConnectStandaloneOptions): Promise<ConnectStandalone> {
  const config = new WorkerConfig(options.worker);
  const plugins = await loadPlugins(config.list('plugin.path'));
  const file = config.string('offset.storage.file.filename');
  const store = file === null ? new MemoryOffsetBackingStore() : new FileOffsetBackingStore(file);
  // The worker id names the REST endpoint, so it is known only once the server listens.
  let workerId = '';
  const logging = workerLogging(options.log);
  const worker = new Worker(config, plugins, store, { workerId: 'starting', log: logging.log });
  const herder = new StandaloneHerder(worker);
  const rest = new ConnectRestServer(herder, logging.loggers, new RestClient(() => restClientTls(config)));
  const { port, url, workerId: advertisedId } = await startRestListeners(rest, config);
  workerId = advertisedId;
  (worker as { workerId: string }).workerId = workerId;
  try {
    for (const c of options.connectors ?? []) {
      const name = c.name;
      if (name === undefined || name === '') throw new ConfigError(`A connector config has no 'name': ${JSON.stringify(c)}`);
      await herder.putConnectorConfig(name, c, false);
    }
  } catch (e) {
    await herder.stop();
    await rest.close();
    throw e;
  }
  return {
    herder,
    rest,
    port,
    url,
    stop: async () => {
      await rest.close();
      await herder.stop();
    },
  };
}
