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
import { freePort, repoRoot } from './processes.ts';
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

/** The REST port picked for a worker was taken by another process before the worker bound it. */
class PortTakenError extends Error {}

/** A Kafka Connect 4.3.1 worker process: its REST URL, and its output kept for failure messages. */
export class JavaConnectWorker {
  log = '';
  readonly child: ChildProcess;
  readonly url: string;

  protected constructor(child: ChildProcess, url: string) {
    this.child = child;
    this.url = url;
    const keep = (d: Buffer) => (this.log = (this.log + d.toString()).slice(-100_000));
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
  }

  /**
   * Runs `mainClass` with a properties file of these settings (listeners is chosen here) and waits
   * for its REST API. The port is picked free here but bound by the JVM seconds later; when another
   * process took it meanwhile (the worker exits: its REST server cannot bind), the worker is started
   * again on another port, up to 3 times.
   */
  protected static async launch(mainClass: string, dir: string, settings: Record<string, string>, args: string[]): Promise<JavaConnectWorker> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await JavaConnectWorker.launchOnce(mainClass, dir, settings, args);
      } catch (e) {
        if (!(e instanceof PortTakenError) || attempt >= 3) throw e;
      }
    }
  }

  private static async launchOnce(mainClass: string, dir: string, settings: Record<string, string>, args: string[]): Promise<JavaConnectWorker> {
    const port = await freePort();
    const file = join(dir, `java-worker-${port}.properties`);
    const props = { ...settings, listeners: `http://127.0.0.1:${port}`, 'rest.advertised.host.name': '127.0.0.1' };
    writeFileSync(file, Object.entries(props).map(([k, v]) => `${k}=${v}`).join('\n') + '\n');
    const child = spawn('java', ['-Xmx512m', '-Dorg.apache.logging.log4j.level=WARN', '-cp', await connectClasspath(), mainClass, file, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const worker = new JavaConnectWorker(child, `http://127.0.0.1:${port}`);
    // An exit ends the wait (a check that throws would only be tried again until the deadline), and
    // each request has its own time limit (one left unanswered would hold the wait past its deadline).
    const outcome = await eventually('the Java Connect REST API answers', async () => (child.exitCode !== null ? 'exited' : (await fetch(`${worker.url}/`, { signal: AbortSignal.timeout(5_000) })).status === 200 && 'answers'), 180_000).catch((e) => {
      child.kill('SIGKILL'); // a worker that never answered is not left running (its pipes keep the test's process alive)
      throw e;
    });
    if (outcome === 'exited') {
      const message = `the Java worker exited (${child.exitCode}):\n${worker.log.slice(-4000)}`;
      throw /Address already in use/.test(worker.log) ? new PortTakenError(message) : new Error(message);
    }
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
