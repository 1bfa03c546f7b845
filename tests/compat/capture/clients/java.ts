// The Java client, kafka-clients 4.3.1, through the small program in ../java (built with Maven).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RECORDS } from '../records.ts';
import { run } from '@sluice/test-kit';
import { CODECS, type CaptureClient, type Scenario } from './types.ts';

export const JAVA_CLIENT_VERSION = '4.3.1';
const project = join(dirname(fileURLToPath(import.meta.url)), '..', 'java');
const classpath = `${join(project, 'target', 'capture-java-client-0.0.0.jar')}:${join(project, 'target', 'lib', '*')}`;

const java = (args: string[]) =>
  run('java', ['-Xmx256m', '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn', '-cp', classpath, 'dev.sluice.capture.Capture', ...args], { timeoutMs: 120_000 });

const produce = (codec: string): Scenario => ({
  name: `produce-${codec}`,
  produces: { topic: `java-${codec}`, codec, records: RECORDS },
  run: async (ctx) => void (await java(['produce', ctx.bootstrap, `java-${codec}`, codec, ctx.recordsFile])),
});

export const javaClient: CaptureClient = {
  name: 'java',
  prepare: async (log) => {
    try {
      await run('java', ['-version']);
    } catch {
      throw new Error('Java 17+ is needed: `apt-get install -y openjdk-17-jdk-headless`');
    }
    try {
      await run('mvn', ['-v']);
    } catch {
      throw new Error('Maven is needed to build the Java capture program: `apt-get install -y maven`');
    }
    log('building the Java capture program (kafka-clients 4.3.1) with Maven');
    await run('mvn', ['-B', '-q', '-f', join(project, 'pom.xml'), 'package'], { timeoutMs: 600_000 });
    if (!existsSync(join(project, 'target', 'lib', `kafka-clients-${JAVA_CLIENT_VERSION}.jar`))) throw new Error('kafka-clients jar missing after the build');
    return `org.apache.kafka:kafka-clients:${JAVA_CLIENT_VERSION} (Maven Central), Java ${(await run('java', ['-version'])).split('\n')[0]!.replace(/.*version "([^"]+)".*/, '$1')}`;
  },
  scenarios: [
    ...CODECS.map(produce),
    {
      name: 'produce-acks0',
      run: async (ctx) => void (await java(['produce', ctx.bootstrap, 'java-acks0', 'none', ctx.recordsFile, 'acks0'])),
    },
    {
      name: 'produce-transactional',
      produces: { topic: 'java-transactional', codec: 'none', records: RECORDS, note: 'a transactional producer: the data batch is followed by a control batch (COMMIT marker) written by the broker' },
      run: async (ctx) => void (await java(['produce', ctx.bootstrap, 'java-transactional', 'none', ctx.recordsFile, 'transactional'])),
    },
    {
      name: 'consume-group',
      run: async (ctx) => void (await java(['consume-group', ctx.bootstrap, 'java-snappy', String(RECORDS.length), 'java-capture-group', 'classic'])),
    },
    {
      name: 'consume-group-kip848',
      run: async (ctx) => void (await java(['consume-group', ctx.bootstrap, 'java-lz4', String(RECORDS.length), 'java-capture-group-848', 'consumer'])),
    },
    {
      name: 'consume-assign',
      run: async (ctx) => void (await java(['consume-assign', ctx.bootstrap, 'java-zstd', String(RECORDS.length)])),
    },
    { name: 'admin', run: async (ctx) => void (await java(['admin', ctx.bootstrap, 'java-admin'])) },
  ],
};
