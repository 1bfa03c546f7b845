// Starts a real Apache Kafka 4.3.1 broker (single node, KRaft, combined broker+controller) as a
// child JVM, for tests that need the reference implementation: compat tests of the Sluice client,
// streams and connect, and the golden-byte captures of the protocol codec.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultLog, ensureKafkaJars, KAFKA_VERSION, requireJava, type Log } from './kafka-jars.ts';
import { freePort } from './processes.ts';
import { answersKafkaRequests } from './readiness.ts';
import { runToEnd } from './run.ts';

export { KAFKA_VERSION, ensureKafkaJars, kafkaHome } from './kafka-jars.ts';

export interface ApacheKafkaOptions {
  /** Broker (PLAINTEXT) port; 0 or absent picks a free one. */
  port?: number;
  /** Data folder. Absent: a fresh one inside the instance's temporary folder, removed on stop.
   * Given: used as is (formatted if it is not yet) and kept on stop. */
  logDir?: string;
  /** Advertise this port instead of the broker's own for the client listener: for a proxy in
   * front of the broker (start the proxy first). The broker's own traffic to itself then goes
   * through a separate INTERNAL listener, and `directBootstrap` reaches the broker without the proxy. */
  advertisedPort?: number;
  /** More client listeners beside PLAINTEXT (which readiness checks and the broker itself use),
   * each on a free port, e.g. `{ SECURE: 'SASL_SSL' }`. Their own settings go in `config` under
   * `listener.name.<lowercase name>.*`; `listeners` in the result gives their addresses. */
  extraListeners?: Record<string, 'SSL' | 'SASL_SSL' | 'SASL_PLAINTEXT' | 'PLAINTEXT'>;
  /** More arguments for `kafka-storage format`, e.g. `['--add-scram', 'SCRAM-SHA-256=[name=alice,password=secret]']`. */
  formatArgs?: string[];
  /** Broker properties, applied last: they override the defaults (e.g. `advertised.listeners`). */
  config?: Record<string, string>;
  /** Maximum heap, default 512m. */
  heap?: string;
  /** How long to wait for the broker to answer, default 120 s (not counting the jar download). */
  startTimeoutMs?: number;
  /** Progress messages; default: stderr. */
  log?: Log;
  /** Copy the broker's own log output to stderr (also on with SLUICE_KAFKA_VERBOSE=1). */
  verbose?: boolean;
}

export interface ApacheKafka {
  host: string;
  port: number;
  /** `host:port`, for a client's bootstrap servers. */
  bootstrap: string;
  /** The broker's data folder (`log.dirs`): `<topic>-<partition>/<baseOffset>.log` segments. */
  logDir: string;
  controllerPort: number;
  /** A bootstrap address whose Metadata advertises the broker itself: the same as `bootstrap`
   * unless `advertisedPort` is set, then the INTERNAL listener, which bypasses the proxy. */
  directBootstrap: string;
  clusterId: string;
  /** `host:port` of each of `extraListeners`, by name. */
  listeners: Record<string, string>;
  /** The broker JVM's process id (for memory readings). */
  pid: number;
  /** Milliseconds from starting the JVM (the log dir already formatted) to the first answered request. */
  startupMs: number;
  /** The broker's log output so far (most recent part). */
  output(): string;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const live = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Kafka's Uuid text form: 16 random bytes, base64url without padding. */
function randomClusterId(): string {
  for (;;) {
    const b = randomBytes(16);
    b[6] = (b[6]! & 0x0f) | 0x40; // keep away from the reserved zero/one ids
    const id = b.toString('base64url');
    if (!id.startsWith('-')) return id; // Kafka rejects ids starting with '-' on the command line
  }
}

const LOG4J2 = `status = error
appender.out.type = Console
appender.out.name = OUT
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.out.ref = OUT
logger.kafka.name = kafka
logger.kafka.level = INFO
logger.apache.name = org.apache.kafka
logger.apache.level = WARN
logger.state.name = state.change.logger
logger.state.level = WARN
`;

function renderProperties(props: Record<string, string>): string {
  return Object.entries(props)
    .map(([k, v]) => `${k}=${v.replace(/\\/g, '\\\\')}`)
    .join('\n') + '\n';
}

async function runJava(args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  const { exitCode, output } = await runToEnd('java', args, { cwd, timeoutMs: 600_000 });
  return { code: exitCode, output };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A port picked free was taken by another process before Kafka bound it. */
class PortTakenError extends Error {}

/** How many times a start whose port was taken meanwhile is tried again, on other ports. */
const START_ATTEMPTS = 3;

/** Starts a single-node Apache Kafka 4.3.1 and resolves once it answers Kafka requests. */
export async function startApacheKafka(opts: ApacheKafkaOptions = {}): Promise<ApacheKafka> {
  // The ports are picked free here but bound only by the JVM, seconds later (after formatting the
  // log dir, on a loaded machine tens of seconds): meanwhile another process, a client's outgoing
  // connection included, may take one. Such a start is tried again on other ports.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(opts);
    } catch (e) {
      if (!(e instanceof PortTakenError) || attempt >= START_ATTEMPTS) throw e;
      (opts.log ?? defaultLog)(`a port picked for Apache Kafka was taken before it bound it; starting again on other ports`);
    }
  }
}

async function startOnce(opts: ApacheKafkaOptions): Promise<ApacheKafka> {
  const log = opts.log ?? defaultLog;
  const verbose = opts.verbose ?? process.env.SLUICE_KAFKA_VERBOSE === '1';
  requireJava();
  const libs = await ensureKafkaJars(log);
  const classpath = join(libs, '*');

  const port = opts.port && opts.port > 0 ? opts.port : await freePort();
  const taken = new Set([port, opts.advertisedPort ?? 0]);
  const another = async () => {
    let p = await freePort();
    while (taken.has(p)) p = await freePort();
    taken.add(p);
    return p;
  };
  const controllerPort = await another();
  const internalPort = opts.advertisedPort ? await another() : 0;
  const extra: Record<string, { protocol: string; port: number }> = {};
  for (const [name, protocol] of Object.entries(opts.extraListeners ?? {})) extra[name] = { protocol, port: await another() };

  const work = mkdtempSync(join(tmpdir(), 'sluice-apache-kafka-'));
  const logDir = opts.logDir ?? join(work, 'data');
  mkdirSync(logDir, { recursive: true });
  // Client listeners (with an INTERNAL one when a proxy is advertised), then the extra ones.
  const listeners = internalPort
    ? [
        { name: 'PLAINTEXT', protocol: 'PLAINTEXT', port, advertised: opts.advertisedPort! },
        { name: 'INTERNAL', protocol: 'PLAINTEXT', port: internalPort, advertised: internalPort },
      ]
    : [{ name: 'PLAINTEXT', protocol: 'PLAINTEXT', port, advertised: port }];
  for (const [name, { protocol, port: p }] of Object.entries(extra)) listeners.push({ name, protocol, port: p, advertised: p });
  const props: Record<string, string> = {
    'process.roles': 'broker,controller',
    'node.id': '1',
    'controller.quorum.voters': `1@${HOST}:${controllerPort}`,
    listeners: [...listeners.map((l) => `${l.name}://${HOST}:${l.port}`), `CONTROLLER://${HOST}:${controllerPort}`].join(','),
    'advertised.listeners': listeners.map((l) => `${l.name}://${HOST}:${l.advertised}`).join(','),
    'listener.security.protocol.map': [...listeners.map((l) => `${l.name}:${l.protocol}`), 'CONTROLLER:PLAINTEXT'].join(','),
    'inter.broker.listener.name': internalPort ? 'INTERNAL' : 'PLAINTEXT',
    'controller.listener.names': 'CONTROLLER',
    'log.dirs': logDir,
    'auto.create.topics.enable': 'true',
    'num.partitions': '1',
    'offsets.topic.replication.factor': '1',
    'transaction.state.log.replication.factor': '1',
    'transaction.state.log.min.isr': '1',
    'share.coordinator.state.topic.replication.factor': '1',
    'share.coordinator.state.topic.min.isr': '1',
    'group.initial.rebalance.delay.ms': '0',
    ...opts.config,
  };
  const propsFile = join(work, 'server.properties');
  writeFileSync(propsFile, renderProperties(props));
  const log4jFile = join(work, 'log4j2.properties');
  writeFileSync(log4jFile, LOG4J2);
  const jvm = [
    `-Xmx${opts.heap ?? '512m'}`,
    '-Xms64m',
    '-XX:+UseG1GC',
    '-Djava.awt.headless=true',
    `-Dlog4j2.configurationFile=${log4jFile}`,
    `-Dkafka.logs.dir=${join(work, 'logs')}`,
    '-cp',
    classpath,
  ];

  const removeWork = () => rmSync(work, { recursive: true, force: true });
  // A log dir formatted before keeps its cluster id (formatting again with another one fails).
  const metaPath = join(logDir, 'meta.properties');
  const formattedAs = existsSync(metaPath) ? /^cluster\.id=(\S+)$/m.exec(readFileSync(metaPath, 'utf8'))?.[1] : undefined;
  const clusterId = formattedAs ?? randomClusterId();
  const fmt = await runJava(
    [...jvm, 'kafka.tools.StorageTool', 'format', '--ignore-formatted', '-t', clusterId, '-c', propsFile, ...(opts.formatArgs ?? [])],
    work,
  );
  if (fmt.code !== 0) {
    removeWork();
    throw new Error(`formatting the Kafka log dir failed (exit ${fmt.code}):\n${fmt.output.slice(-4000)}`);
  }

  log(`starting Apache Kafka ${KAFKA_VERSION} on ${HOST}:${port} (controller ${controllerPort}), data in ${logDir}`);
  const started = Date.now();
  const child = spawn('java', [...jvm, 'kafka.Kafka', propsFile], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // A test that crashes must not leave a JVM behind.
    process.on('exit', () => {
      for (const c of live) c.kill('SIGKILL');
    });
  }
  let output = '';
  let sawStarted = false;
  const onOutput = (chunk: Buffer) => {
    const text = chunk.toString();
    output = (output + text).slice(-200_000);
    if (!sawStarted && text.includes('Kafka Server started')) sawStarted = true;
    if (verbose) process.stderr.write(text);
  };
  child.stdout!.on('data', onOutput);
  child.stderr!.on('data', onOutput);
  let exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exitPromise = new Promise<void>((resolve) => {
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      live.delete(child);
      resolve();
    });
  });

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (!exited) {
        child.kill('SIGTERM');
        let timer: NodeJS.Timeout | undefined;
        const timedOut = await Promise.race([
          exitPromise.then(() => false),
          new Promise<boolean>((r) => (timer = setTimeout(() => r(true), 30_000))),
        ]);
        clearTimeout(timer);
        if (timedOut && !exited) {
          log('broker did not stop within 30 s of SIGTERM; killing it');
          child.kill('SIGKILL');
          await exitPromise;
        }
      }
      removeWork();
    })();
    return stopping;
  };

  const deadline = started + (opts.startTimeoutMs ?? 120_000);
  for (;;) {
    if (exited) {
      removeWork();
      const e = exited as { code: number | null; signal: NodeJS.Signals | null };
      const message = `Apache Kafka exited during startup (code ${e.code}, signal ${e.signal}):\n${output.slice(-6000)}`;
      // Kafka's SocketServer: "Socket server failed to bind to HOST:PORT: Address already in use."
      throw /failed to bind to .*Address already in use/.test(output) ? new PortTakenError(message) : new Error(message);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Apache Kafka did not answer on ${HOST}:${port} within ${opts.startTimeoutMs ?? 120_000} ms:\n${output.slice(-6000)}`);
    }
    if (await answersKafkaRequests(port, HOST)) break;
    await sleep(sawStarted ? 100 : 250);
  }
  const startupMs = Date.now() - started;
  log(`Apache Kafka ready on ${HOST}:${port} in ${(startupMs / 1000).toFixed(1)} s`);

  return {
    host: HOST,
    port,
    bootstrap: `${HOST}:${port}`,
    logDir,
    controllerPort,
    directBootstrap: `${HOST}:${internalPort || port}`,
    listeners: Object.fromEntries(Object.entries(extra).map(([name, l]) => [name, `${HOST}:${l.port}`])),
    clusterId,
    pid: child.pid!,
    startupMs,
    output: () => output,
    stop,
  };
}
