/**
 * Apache Kafka's own command-line tools (kafka-tools 4.3.1 from Maven Central, resolved once by
 * packages/test-kit/kafka-tools/pom.xml): the classes behind kafka-transactions.sh and the other
 * scripts, run directly so that tests see exactly what an operator's tool does against a broker.
 * Needs Java 17+ and Maven.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const project = join(dirname(fileURLToPath(import.meta.url)), '..', 'kafka-tools');
let classpath: Promise<string> | null = null;

async function resolve(): Promise<string> {
  const pom = join(project, 'pom.xml');
  const cpFile = join(project, 'target', 'classpath.txt');
  if (!existsSync(cpFile) || statSync(pom).mtimeMs > statSync(cpFile).mtimeMs) {
    try {
      await exec('mvn', ['-q', '-B', 'dependency:build-classpath', `-Dmdep.outputFile=${cpFile}`], { cwd: project, maxBuffer: 1 << 24 });
    } catch (e) {
      throw new Error(`resolving Kafka's tools with Maven failed (needs 'mvn' and Java 17+: apt-get install -y openjdk-17-jdk-headless maven): ${(e as Error).message}`);
    }
  }
  return readFileSync(cpFile, 'utf8').trim();
}

export function kafkaToolsClasspath(): Promise<string> {
  classpath ??= resolve();
  return classpath;
}

export interface KafkaToolResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs one of Kafka's tools to completion, e.g.
 * `runKafkaTool('org.apache.kafka.tools.TransactionsCommand', ['--bootstrap-server', b, 'list'])`.
 * Resolves with the exit code and output, also when the tool fails.
 */
export async function runKafkaTool(mainClass: string, args: string[], timeoutMs = 120_000): Promise<KafkaToolResult> {
  const cp = await kafkaToolsClasspath();
  try {
    const { stdout, stderr } = await exec('java', ['-cp', cp, mainClass, ...args], { maxBuffer: 1 << 26, timeout: timeoutMs });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as { code?: number | string; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? String(e) };
  }
}
