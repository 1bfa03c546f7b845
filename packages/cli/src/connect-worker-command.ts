/**
 * `sluice connect standalone worker.properties [connector.properties ...]` and
 * `sluice connect distributed worker.properties`: a Kafka Connect worker as Kafka's
 * connect-standalone.sh and connect-distributed.sh run one, from the same .properties files, with
 * the REST API on `listeners` (default http://:8083).
 */
import { readFileSync } from 'node:fs';
import { type Io, UsageError, parseCommandLine } from './args.ts';
import { ExitStatus } from './exit-status.ts';
import { logStrayErrors } from './connect-stray-errors.ts';

export const CONNECT_USAGE = `Usage: sluice connect standalone WORKER.PROPERTIES [CONNECTOR.PROPERTIES ...]
       sluice connect distributed WORKER.PROPERTIES

Runs a Kafka Connect worker in this process (Kafka's connect-standalone), with the worker's
settings and connector configs in Java .properties files, as Kafka's are. Source offsets are kept
in offset.storage.file.filename. The Kafka Connect REST API listens on 'listeners'
(default http://:8083): create, change and inspect connectors there.

Built-in connectors: FileStreamSource, FileStreamSink (Kafka's file, topic/topics, batch.size) and
dev.sluice.connect.DataGeneratorSourceConnector (kind, topic, rate, seed, max.records).

  sluice connect standalone worker.properties file-source.properties file-sink.properties

Distributed mode (Kafka's connect-distributed): workers with the same group.id form a cluster and
share connectors and tasks; configs, source offsets and statuses are kept in the topics named by
config.storage.topic, offset.storage.topic and status.storage.topic (created if missing). Create
connectors through the REST API of any worker.

  sluice connect distributed worker.properties

A promise a plugin leaves rejected with nothing waiting on it is logged (ERROR, with its stack) and
the worker goes on, as Kafka Connect logs a plugin thread that dies; an exception thrown outside
any call (in a plugin's timer, say) is logged (FATAL) and ends the process with status 1.

Stops cleanly on SIGINT or SIGTERM. Exit status: 0 stopped, 1 failed to start, 2 usage error.
`;

function readProperties(path: string, parse: (text: string) => Record<string, string>): Record<string, string> {
  try {
    return parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${(e as Error).message}`);
  }
}

export async function connectCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandLine({ args: argv, options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
  if (values.help) {
    io.out(CONNECT_USAGE);
    return ExitStatus.OK;
  }
  const [mode, workerFile, ...connectorFiles] = positionals;
  if (mode !== 'standalone' && mode !== 'distributed') throw new UsageError(mode === undefined ? 'sluice connect needs a mode: standalone or distributed' : `unknown mode '${mode}': use standalone or distributed`);
  if (workerFile === undefined) throw new UsageError(`sluice connect ${mode} needs the worker properties file`);
  if (mode === 'distributed' && connectorFiles.length > 0) throw new UsageError('sluice connect distributed takes only the worker properties file; create connectors through the REST API');
  const { parseProperties } = await import('@sluice/broker');
  const worker = readProperties(workerFile, parseProperties);
  const connectors = connectorFiles.map((f) => readProperties(f, parseProperties));
  let signalled: (signal: string) => void = () => {};
  const stopSignal = new Promise<string>((resolve) => (signalled = resolve));
  const onSigint = () => signalled('SIGINT');
  const onSigterm = () => signalled('SIGTERM');
  process.once('SIGINT', onSigint);
  process.once('SIGTERM', onSigterm);
  const log = (line: string) => io.err(`${line}\n`);
  // From before the first plugin loads: a connector may leave a rejection behind while starting.
  // A rejection is blamed on a plugin only when its stack runs through a plugin.path folder.
  let pluginCode: readonly string[] = [];
  const stopLoggingStrayErrors = logStrayErrors(log, () => pluginCode);
  try {
    const { startConnectStandalone, startConnectDistributed, pluginLocations } = await import('@sluice/connect');
    pluginCode = pluginLocations(String(worker['plugin.path'] ?? '').split(',').map((e) => e.trim()).filter((e) => e !== ''));
    let running;
    try {
      running = mode === 'distributed' ? await startConnectDistributed({ worker, log }) : await startConnectStandalone({ worker, connectors, log });
    } catch (e) {
      // A bad setting, a busy port or a refused connector config: the message says which.
      const message = (e as Error)?.message ?? String(e);
      io.err(`sluice connect: ${message}\n`);
      return ExitStatus.FAILED;
    }
    io.out(mode === 'distributed' ? `Kafka Connect worker (distributed, group ${worker['group.id']}); REST API at ${running.url}. Ready.\n` : `Kafka Connect worker (standalone) with ${connectors.length} connector(s); REST API at ${running.url}. Ready.\n`);
    const signal = await stopSignal;
    io.out(`${signal}: stopping connectors and tasks (committing their offsets)…\n`);
    await running.stop();
    io.out('Stopped cleanly.\n');
    return ExitStatus.OK;
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigterm);
    stopLoggingStrayErrors();
  }
}
