/**
 * Kafka Connect 4.3.1's own workers (org.apache.kafka.connect.cli.ConnectStandalone and
 * ConnectDistributed, connect-runtime and connect-file from Maven Central through
 * tests/compat/connect/pom.xml, its class path cached in ~/.cache/sluice), for comparing our
 * worker with it (REST answers, the FileStream pipeline's speed in bench/connect) and for mixed
 * groups of its distributed worker and ours.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { eventually } from './eventually.ts';
import { repoRoot } from './processes.ts';
import { run } from './run.ts';

/** Connect 4.3.1's class path, resolved by Maven once per change of the pom. */
export async function connectClasspath(): Promise<string> {
  const pom = join(repoRoot, 'tests', 'compat', 'connect', 'pom.xml');
  const cache = join(process.env.SLUICE_PYTHON_VENVS ?? join(homedir(), '.cache', 'sluice'), 'connect-4.3.1.classpath');
  if (!existsSync(cache) || statSync(cache).mtimeMs < statSync(pom).mtimeMs) {
    mkdirSync(dirname(cache), { recursive: true });
    // Written aside and renamed into place: two test files resolving it at once (they run in
    // parallel) must not read each other's half-written class path.
    const written = `${cache}.${process.pid}.tmp`;
    await run('mvn', ['-q', '-B', '-f', pom, 'dependency:build-classpath', `-Dmdep.outputFile=${written}`], { timeoutMs: 600_000 });
    renameSync(written, cache);
  }
  return readFileSync(cache, 'utf8').trim();
}

/**
 * Log4j 2 settings of the Java workers: warnings and errors, and the one INFO line of RestServer
 * that says which port the REST API bound ("REST server listening at http://host:port/,
 * advertising URL ..."), the workers being given listeners at port 0.
 */
const LOG4J2 = `status = error
appender.out.type = Console
appender.out.name = OUT
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = %d{HH:mm:ss.SSS} [%t] %-5level %logger{36} - %msg%n
rootLogger.level = WARN
rootLogger.appenderRef.out.ref = OUT
logger.rest.name = org.apache.kafka.connect.runtime.rest.RestServer
logger.rest.level = INFO
`;

/**
 * The URL a Kafka Connect worker advertises for its REST API, from its log (RestServer's INFO line
 * "REST server listening at ..., advertising URL http://host:port/"); undefined before it said.
 * With listeners at port 0 the port is the one it bound.
 */
export function javaConnectRestUrl(log: string): string | undefined {
  return /REST server listening at \S+, advertising URL (https?:\/\/\S+?)\/?\s/.exec(log)?.[1];
}

let launches = 0;

/** A Kafka Connect 4.3.1 worker process: its REST URL, and its output kept for failure messages. */
export class JavaConnectWorker {
  log = '';
  readonly child: ChildProcess;
  /** Where its REST API listens, as it said (known once started). */
  url = '';

  protected constructor(child: ChildProcess) {
    this.child = child;
    const keep = (d: Buffer) => (this.log = (this.log + d.toString()).slice(-100_000));
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
  }

  /**
   * Runs `mainClass` with a properties file of these settings and waits for its REST API. The REST
   * API listens on port 0 (Kafka's RestServer binds a free port and logs it, advertising it when
   * rest.advertised.port is not set): a port picked free here would be bound by the JVM seconds
   * later, and another process may take it meanwhile (the worker then exits, or, worse, another
   * HTTP server on it answers in the worker's place).
   */
  protected static async launch(mainClass: string, dir: string, settings: Record<string, string>, args: string[]): Promise<JavaConnectWorker> {
    const file = join(dir, `java-worker-${process.pid}-${++launches}.properties`);
    const props = { ...settings, listeners: 'http://127.0.0.1:0', 'rest.advertised.host.name': '127.0.0.1' };
    writeFileSync(file, Object.entries(props).map(([k, v]) => `${k}=${v}`).join('\n') + '\n');
    const log4j = join(dir, `java-worker-${process.pid}-${launches}-log4j2.properties`);
    writeFileSync(log4j, LOG4J2);
    const child = spawn('java', ['-Xmx512m', `-Dlog4j2.configurationFile=${log4j}`, '-cp', await connectClasspath(), mainClass, file, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const worker = new JavaConnectWorker(child);
    // An exit ends the wait (a check that throws would only be tried again until the deadline), and
    // each request has its own time limit (one left unanswered would hold the wait past its deadline).
    const outcome = await eventually('the Java Connect REST API answers', async () => {
      if (child.exitCode !== null) return 'exited';
      worker.url ||= javaConnectRestUrl(worker.log) ?? '';
      return worker.url !== '' && (await fetch(`${worker.url}/`, { signal: AbortSignal.timeout(5_000) })).status === 200 && 'answers';
    }, 180_000).catch((e) => {
      child.kill('SIGKILL'); // a worker that never answered is not left running (its pipes keep the test's process alive)
      throw new Error(`${(e as Error).message}\n${worker.log.slice(-4000)}`);
    });
    if (outcome === 'exited') throw new Error(`the Java worker exited (${child.exitCode}):\n${worker.log.slice(-4000)}`);
    return worker;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  }
}

/** Kafka Connect 4.3.1's standalone worker (ConnectStandalone), with connector property files to start. */
export class JavaConnectStandalone extends JavaConnectWorker {
  static start(dir: string, settings: Record<string, string>, connectorFiles: string[] = []): Promise<JavaConnectWorker> {
    return JavaConnectWorker.launch('org.apache.kafka.connect.cli.ConnectStandalone', dir, settings, connectorFiles);
  }
}

/**
 * Kafka Connect 4.3.1's distributed worker (ConnectDistributed): the settings need group.id and
 * the three storage topics. Its worker id in /status is the host and port of `url`.
 */
export class JavaConnectDistributed extends JavaConnectWorker {
  static start(dir: string, settings: Record<string, string>): Promise<JavaConnectWorker> {
    return JavaConnectWorker.launch('org.apache.kafka.connect.cli.ConnectDistributed', dir, settings, []);
  }
}
