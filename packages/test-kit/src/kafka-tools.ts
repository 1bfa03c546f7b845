/**
 * Apache Kafka's own command-line tools (kafka-tools 4.3.1 from Maven Central, resolved once by
 * packages/test-kit/kafka-tools/pom.xml): the classes behind kafka-transactions.sh and the other
 * scripts, run directly so that tests see exactly what an operator's tool does against a broker.
 * Needs Java 17+ and Maven.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ensureKafkaJars } from './kafka-jars.ts';
import { mavenProjectClasspath } from './maven-project.ts';

const project = join(dirname(fileURLToPath(import.meta.url)), '..', 'kafka-tools');

/** The tools' class path (with the test kit's ToolServer), built and resolved by Maven once. */
export function kafkaToolsClasspath(): Promise<string> {
  return mavenProjectClasspath(project).catch((e: Error) => {
    throw new Error(`resolving Kafka's tools with Maven failed (needs 'mvn' and Java 17+: apt-get install -y openjdk-17-jdk-headless maven): ${e.message}`);
  });
}

export interface KafkaToolResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * One JVM per test process runs every tool command (ToolServer.java), one command at a time: a
 * cold JVM start costs seconds on a busy machine, a warm one runs a command in a fraction of that.
 * Between commands the JVM does not keep the process alive; it ends with the process.
 */
class ToolServer {
  readonly #jvm: ChildProcessWithoutNullStreams;
  readonly #answers: AsyncIterator<string>;
  #queue: Promise<unknown> = Promise.resolve();
  #pending = 0;
  #stderr = '';

  constructor(classpath: string) {
    this.#jvm = spawn('java', ['-XX:TieredStopAtLevel=1', '-Xshare:auto', '-cp', classpath, 'dev.sluice.tools.ToolServer'], { stdio: 'pipe' });
    this.#jvm.stderr.on('data', (chunk: Buffer) => {
      this.#stderr = (this.#stderr + chunk.toString()).slice(-4000);
    });
    this.#answers = createInterface({ input: this.#jvm.stdout })[Symbol.asyncIterator]();
    this.#idle();
  }

  get alive(): boolean {
    return this.#jvm.exitCode === null && this.#jvm.signalCode === null;
  }

  #idle(): void {
    this.#jvm.unref();
    for (const stream of [this.#jvm.stdin, this.#jvm.stdout, this.#jvm.stderr]) (stream as unknown as { unref?(): void }).unref?.();
  }

  #busy(): void {
    this.#jvm.ref();
    for (const stream of [this.#jvm.stdin, this.#jvm.stdout, this.#jvm.stderr]) (stream as unknown as { ref?(): void }).ref?.();
  }

  run(mainClass: string, args: string[], timeoutMs: number): Promise<KafkaToolResult> {
    this.#pending++;
    this.#busy();
    const next = this.#queue.then(() => this.#runNow(mainClass, args, timeoutMs));
    this.#queue = next.catch(() => undefined).finally(() => {
      if (--this.#pending === 0) this.#idle();
    });
    return next;
  }

  async #runNow(mainClass: string, args: string[], timeoutMs: number): Promise<KafkaToolResult> {
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    this.#jvm.stdin.write(`${[mainClass, ...args].map(b64).join(' ')}\n`);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.#jvm.kill('SIGKILL');
        reject(new Error(`${mainClass} ${args.join(' ')} did not finish within ${timeoutMs} ms; its JVM was killed`));
      }, timeoutMs);
    });
    try {
      const answer = await Promise.race([this.#answers.next(), timedOut]);
      if (answer.done) throw new Error(`the Kafka tool JVM ended while running ${mainClass}: ${this.#stderr}`);
      const [code, stdout, stderr] = answer.value.split(' ');
      return { code: Number(code), stdout: Buffer.from(stdout ?? '', 'base64').toString(), stderr: Buffer.from(stderr ?? '', 'base64').toString() };
    } finally {
      clearTimeout(timer);
    }
  }

  stop(): void {
    this.#jvm.kill('SIGKILL');
  }
}

export interface KafkaToolOptions {
  /** Default 120 s. */
  timeoutMs?: number;
  /**
   * Which jars the tool is in: `tools` (kafka-tools from Maven, most of bin/), or `broker` (the
   * Apache Kafka broker's libs/, for the tools still in Kafka's core jar, such as
   * kafka.admin.ConfigCommand behind kafka-configs).
   */
  jars?: 'tools' | 'broker';
}

const servers = new Map<'tools' | 'broker', ToolServer>();

async function toolClasspath(jars: 'tools' | 'broker'): Promise<string> {
  const tools = await kafkaToolsClasspath();
  if (jars === 'tools') return tools;
  // The first entry is the project's own classes (ToolServer); the broker's jars bring the rest.
  return `${tools.split(':')[0]}:${join(await ensureKafkaJars(), '*')}`;
}

/**
 * Runs one of Kafka's tools to completion, e.g.
 * `runKafkaTool('org.apache.kafka.tools.TransactionsCommand', ['--bootstrap-server', b, 'list'])`.
 * Resolves with the exit code and output, also when the tool fails.
 */
export async function runKafkaTool(mainClass: string, args: string[], options: KafkaToolOptions = {}): Promise<KafkaToolResult> {
  const jars = options.jars ?? 'tools';
  let server = servers.get(jars);
  if (server === undefined || !server.alive) {
    server = new ToolServer(await toolClasspath(jars));
    servers.set(jars, server);
  }
  return server.run(mainClass, args, options.timeoutMs ?? 120_000);
}

process.once('exit', () => {
  for (const server of servers.values()) server.stop();
});
