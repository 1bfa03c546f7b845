/**
 * Confluent's JavaScript client, @confluentinc/kafka-javascript (librdkafka underneath), for the
 * compat tests: installed with npm at a pinned version into ~/.cache/sluice (or
 * $SLUICE_NPM_PEERS), once per Node ABI, and loaded in process.
 *
 * Not a root devDependency: its install script first downloads a prebuilt addon from the
 * project's GitHub releases, which CI cannot reach, then falls back to compiling librdkafka with
 * statically linked dependencies that it downloads from their own sites (zlib, OpenSSL, zstd,
 * curl): that fails too, and `npm ci` with it. The package's documented alternative for
 * platforms without a prebuilt addon, CKJS_LINKING=dynamic, builds the librdkafka bundled in the
 * package (2.15.1 for 1.10.1) against the system's libraries instead (Debian's libssl-dev,
 * zlib1g-dev, libzstd-dev, liblz4-dev, libsasl2-dev, which .ci/run installs) and needs no
 * download beyond the registry. That build takes about 3 minutes on 2 cores, once.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { withFileLock } from './file-lock.ts';
import { run } from './run.ts';

export const CONFLUENT_KAFKA_JAVASCRIPT_VERSION = '1.10.1';
const PACKAGE = '@confluentinc/kafka-javascript';

export const CONFLUENT_KAFKA_JAVASCRIPT_HINT =
  `${PACKAGE} is compiled here (its prebuilt addons are only on GitHub): it needs g++, make, python3 and ` +
  'the development files of OpenSSL, zlib, zstd, lz4 and Cyrus SASL (apt-get install -y g++ make libssl-dev zlib1g-dev libzstd-dev liblz4-dev libsasl2-dev)';

/** The installation folder for this Node's ABI: its node_modules holds the package. */
function installDir(): string {
  const base = process.env.SLUICE_NPM_PEERS ?? join(homedir(), '.cache', 'sluice', 'npm');
  return join(base, `confluent-kafka-javascript-${CONFLUENT_KAFKA_JAVASCRIPT_VERSION}-node-abi${process.versions.modules}`);
}

/** Node's headers for the running Node: node-gyp otherwise takes npm's configured nodedir (an
 * ~/.npmrc may name /usr: the system Node's headers, another ABI) or downloads them. */
function nodeHeadersDir(): string | undefined {
  const prefix = dirname(dirname(process.execPath));
  return existsSync(join(prefix, 'include', 'node', 'node.h')) ? prefix : undefined;
}

let loaded: Promise<ConfluentKafkaJavascript> | undefined;

/** The package's module (`.KafkaJS` is its promisified, KafkaJS-like API), installed on first use. */
export function confluentKafkaJavascript(log: (m: string) => void = () => {}): Promise<ConfluentKafkaJavascript> {
  loaded ??= install(log).then((dir) => createRequire(join(dir, 'package.json'))(PACKAGE) as ConfluentKafkaJavascript);
  return loaded;
}

async function install(log: (m: string) => void): Promise<string> {
  const dir = installDir();
  const addon = join(dir, 'node_modules', PACKAGE, 'build', 'Release', 'confluent-kafka-javascript.node');
  if (existsSync(addon)) return dir;
  // Test files run in parallel: one installs, the others wait and find it installed.
  return withFileLock(
    `${dir}.lock`,
    async () => {
      if (existsSync(addon)) return dir;
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'sluice-peer-confluent-kafka-javascript', private: true }) + '\n');
      log(`installing ${PACKAGE}@${CONFLUENT_KAFKA_JAVASCRIPT_VERSION} into ${dir} (compiles librdkafka, a few minutes once)`);
      const headers = nodeHeadersDir();
      const env: NodeJS.ProcessEnv = { ...process.env, CKJS_LINKING: 'dynamic' };
      if (headers) env.npm_config_nodedir = headers;
      try {
        await run('npm', ['install', '--no-audit', '--no-fund', '--no-save', `${PACKAGE}@${CONFLUENT_KAFKA_JAVASCRIPT_VERSION}`], { cwd: dir, env, timeoutMs: 1_200_000 });
      } catch (err) {
        throw new Error(`${CONFLUENT_KAFKA_JAVASCRIPT_HINT}. npm install failed: ${(err as Error).message}`);
      }
      if (!existsSync(addon)) throw new Error(`${PACKAGE} installed without its addon ${addon}. ${CONFLUENT_KAFKA_JAVASCRIPT_HINT}`);
      return dir;
    },
    // The compile alone takes minutes on a loaded machine: a lock this young is not a dead run's.
    30 * 60_000,
  );
}

/** The little of the package's typings the tests use (it ships its own, but is not a dependency). */
export interface ConfluentKafkaJavascript {
  librdkafkaVersion: string;
  features: string[];
  KafkaJS: {
    Kafka: new (config: Record<string, unknown>) => {
      producer(config?: Record<string, unknown>): any;
      consumer(config?: Record<string, unknown>): any;
      admin(config?: Record<string, unknown>): any;
    };
    CompressionTypes: Record<string, string>;
    ConfigResourceTypes: Record<string, number>;
    logLevel: Record<string, number>;
  };
}
