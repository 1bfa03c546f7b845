/**
 * sluice broker [--port 9092] [--host 127.0.0.1] [--data-dir ./sluice-data] [--config FILE] [--set k=v]…
 * Runs a broker in the foreground until SIGINT or SIGTERM, then stops gracefully (exit codes in BROKER_USAGE).
 */
import { readFileSync } from 'node:fs';
import { flushCompileCache } from 'node:module';
import { type Io, UsageError, parseCommandLine, parsePort, parseSettings } from './args.ts';
import { ExitStatus } from './exit-status.ts';

export const BROKER_USAGE = `Usage: sluice broker [options]

Runs a Kafka-compatible broker in the foreground. Stop it with Ctrl-C (SIGINT) or SIGTERM.

Options:
  --port N           port to listen on (default 9092; 0 picks a free port)
  --host HOST        address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
  --data-dir DIR     where topics are stored (default ./sluice-data)
  --config FILE      a server.properties-style file of broker settings (Kafka's names)
  --set KEY=VALUE    one broker setting, e.g. --set num.partitions=6 (repeatable; wins over --config)

Exit status: 0 stopped cleanly; 1 could not start (the port or the data folder is in use);
2 a bad option or setting (including security settings Sluice does not support); 3 stopped, but some
partitions could not be closed cleanly (a full disk): the next start scans them to recover.
`;

export async function brokerCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommandLine({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      config: { type: 'string' },
      set: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.out(BROKER_USAGE);
    return 0;
  }
  // Loaded only to run one: --help need not load the broker.
  const { parseProperties } = await import('@sluice/broker');
  let fileSettings: Record<string, string> = {};
  if (values.config !== undefined) {
    try {
      fileSettings = parseProperties(readFileSync(values.config, 'utf8'));
    } catch (e) {
      throw new UsageError(`cannot read --config ${values.config}: ${(e as Error).message}`);
    }
  }
  const settings = { ...fileSettings, ...parseSettings(values.set) };
  // Listen for SIGINT and SIGTERM before starting: the broker answers requests a moment before
  // startBroker() returns, and a signal in between (or while the partitions load) would otherwise
  // end the process by Node's default, without closing the logs. A signal during start-up lets the
  // start finish, then stops.
  let signalled: (signal: string) => void = () => {};
  const stopSignal = new Promise<string>((resolve) => (signalled = resolve));
  const onSigint = () => signalled('SIGINT');
  const onSigterm = () => signalled('SIGTERM');
  process.once('SIGINT', onSigint);
  process.once('SIGTERM', onSigterm);
  try {
    return await runUntilSignalled(values, settings, stopSignal, io);
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigterm);
  }
}

async function runUntilSignalled(
  values: { port?: string; host?: string; 'data-dir'?: string },
  settings: Record<string, string>,
  stopSignal: Promise<string>,
  io: Io,
): Promise<number> {
  const { DataDirLockedError, ListenError, startBroker } = await import('@sluice/broker');
  let broker;
  try {
    broker = await startBroker({
      host: values.host,
      port: values.port === undefined ? undefined : parsePort(values.port, 9092),
      dataDir: values['data-dir'] ?? settings['log.dirs'] ?? settings['log.dir'] ?? './sluice-data',
      config: settings,
      logToConsole: true,
    });
  } catch (e) {
    // Their messages say what is in the way and what to do; a stack trace would add nothing.
    if (e instanceof DataDirLockedError || e instanceof ListenError) {
      io.err(`sluice broker: ${e.message}\n`);
      return ExitStatus.FAILED;
    }
    throw e;
  }
  // Timed from the process's start (performance.timeOrigin), not from startBroker's: what a user
  // waits for includes Node and loading the modules, which the broker's own "started in" leaves out.
  const sinceProcessStart = Math.round(performance.now());
  io.out(`Sluice broker listening on ${broker.host}:${broker.port} (bootstrap ${broker.bootstrap}), data in ${broker.dataDir}, cluster id ${broker.clusterId}, ${sinceProcessStart} ms after the process started. Ready.\n`);
  // Every module a broker runs is loaded by now: their compiled code goes to the compile cache
  // (bin/sluice.js) now rather than at exit, so the next start has it even when this process is
  // killed instead of stopped (the first time, some 60 ms of writing; after that nothing new).
  flushCompileCache();
  const signal = await stopSignal;
  io.out(`${signal}: stopping (finishing requests in flight, syncing the log)…\n`);
  try {
    await broker.close();
  } catch (e) {
    // Everything that could be closed was; the broker's log names what could not (a full disk).
    io.err(`sluice broker: stopped, but not cleanly: ${(e as Error)?.message ?? e}\n`);
    return ExitStatus.STOPPED_UNCLEANLY;
  }
  io.out('Stopped cleanly.\n');
  return 0;
}
