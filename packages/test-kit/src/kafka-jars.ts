// Resolves the Apache Kafka 4.3.1 broker jars from Maven Central into a cache folder outside the
// repository, once. The jars are never committed: tests and captures need a real broker, and the
// cache keeps a second run from touching the network.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const KAFKA_VERSION = '4.3.1';

const here = dirname(fileURLToPath(import.meta.url));

/** Where the jars live: `$SLUICE_KAFKA_HOME/libs`, by default `~/.cache/sluice/apache-kafka-4.3.1/libs`.
 * An unpacked Apache Kafka binary distribution has the same `libs/` layout, so SLUICE_KAFKA_HOME
 * may also point at one. */
export function kafkaHome(): string {
  return process.env.SLUICE_KAFKA_HOME || join(homedir(), '.cache', 'sluice', `apache-kafka-${KAFKA_VERSION}`);
}

export function kafkaLibs(): string {
  return join(kafkaHome(), 'libs');
}

export type Log = (message: string) => void;
export const defaultLog: Log = (message) => process.stderr.write(`[apache-kafka] ${message}\n`);

function hasJars(dir: string): boolean {
  try {
    return readdirSync(dir).some((f) => f.startsWith('kafka_2.13-') && f.endsWith('.jar'));
  } catch {
    return false;
  }
}

/** Throws with an install hint when `java` (17 or newer) is missing. Returns the major version. */
export function requireJava(): number {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new Error(
      'Java 17 or newer is required to run the reference Apache Kafka broker, and `java` was not found on PATH. ' +
        'Install it, e.g. `apt-get install -y openjdk-17-jre-headless` (Debian/Ubuntu) or `brew install openjdk@17` (macOS).',
    );
  }
  const m = /version "(\d+)(?:\.(\d+))?/.exec(r.stderr + r.stdout);
  let major = m ? Number(m[1]) : 0;
  if (major === 1 && m?.[2]) major = Number(m[2]);
  if (major < 17) {
    throw new Error(`Apache Kafka ${KAFKA_VERSION} needs Java 17 or newer; found ${major || 'an unknown version'}. Install openjdk-17.`);
  }
  return major;
}

/** Throws with an install hint when `mvn` is missing. */
export function requireMaven(): void {
  const r = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new Error(
      `Maven is required to download the Apache Kafka ${KAFKA_VERSION} jars from Maven Central, and \`mvn\` was not found on PATH. ` +
        'Install it, e.g. `apt-get install -y maven`, or set SLUICE_KAFKA_HOME to a folder whose libs/ already holds the jars ' +
        '(an unpacked Apache Kafka binary distribution works).',
    );
  }
}

function run(cmd: string, args: string[], log: Log): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const keep = (chunk: Buffer) => {
      tail = (tail + chunk.toString()).slice(-8000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setInterval(() => log('still resolving jars with Maven...'), 15_000);
    child.on('error', (err) => {
      clearInterval(timer);
      reject(err);
    });
    child.on('close', (code) => { // not 'exit', which can come before the last output is read
      clearInterval(timer);
      if (code === 0) resolve();
      else reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}:\n${tail}`));
    });
  });
}

/** Downloads the broker jars unless they are already in the cache. Safe to call concurrently:
 * each caller resolves into its own folder and renames it into place; the first rename wins. */
export async function ensureKafkaJars(log: Log = defaultLog): Promise<string> {
  const libs = kafkaLibs();
  if (hasJars(libs)) return libs;
  requireMaven();
  const staging = `${libs}.partial-${process.pid}-${Date.now()}`;
  mkdirSync(dirname(libs), { recursive: true });
  log(`downloading Apache Kafka ${KAFKA_VERSION} jars from Maven Central into ${libs} (once; this can take a minute)`);
  const started = Date.now();
  try {
    await run('mvn', ['-B', '-q', '-f', join(here, '..', 'kafka', 'pom.xml'), `-Dkafka.libs=${staging}`, 'package'], log);
    if (!hasJars(staging)) throw new Error(`Maven finished but ${staging} holds no kafka_2.13 jar`);
    writeFileSync(join(staging, 'SLUICE-KAFKA-VERSION'), `${KAFKA_VERSION}\n`);
    try {
      renameSync(staging, libs);
    } catch (err) {
      if (!hasJars(libs)) throw err;
    }
  } finally {
    if (existsSync(staging)) rmSync(staging, { recursive: true, force: true });
  }
  log(`jars ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return libs;
}
