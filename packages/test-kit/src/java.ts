/**
 * The Java Kafka clients for tests: builds packages/test-kit/java (kafka-clients 4.3.1 from Maven
 * Central) once and runs its Tools program. Needs Java 17+ and Maven.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { mavenProjectClasspath } from './maven-project.ts';

const exec = promisify(execFile);
const project = join(dirname(fileURLToPath(import.meta.url)), '..', 'java');
let classpath: Promise<string> | null = null;

async function build(): Promise<string> {
  for (const tool of ['java', 'mvn']) {
    try {
      await exec(tool, ['-version']);
    } catch {
      throw new Error(`'${tool}' is needed for the Java client tests: apt-get install -y openjdk-17-jdk-headless maven`);
    }
  }
  return mavenProjectClasspath(project);
}

export function javaClasspath(): Promise<string> {
  classpath ??= build();
  return classpath;
}

/** Runs a Tools command to completion; resolves with the JSON lines it printed. `env` adds to the
 * environment, e.g. `SLUICE_CLIENT_CONFIG` (a properties file of client settings for TLS or SASL). */
export async function javaTool(args: string[], timeoutMs = 300_000, env: Record<string, string> = {}): Promise<Record<string, unknown>[]> {
  const cp = await javaClasspath();
  const { stdout } = await exec('java', ['-cp', cp, 'dev.sluice.tests.Tools', ...args], { maxBuffer: 1 << 28, timeout: timeoutMs, env: { ...process.env, ...env } });
  return stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l));
}

/** Starts a Tools command in the background. */
export async function spawnJavaTool(args: string[]): Promise<ChildProcess> {
  const cp = await javaClasspath();
  return spawn('java', ['-cp', cp, 'dev.sluice.tests.Tools', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
}
