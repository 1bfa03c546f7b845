// The clients of the compat scenarios, each behind one interface: produce with a codec (client
// defaults, or idempotent with acks=all), consume every partition from the start, consume in a
// group and commit, admin, and transactions (a committed and an aborted one, read back with
// read_committed). Out-of-process clients run a driver program that takes the same
// commands and prints the same JSON lines (see README.md).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import kafkajs from 'kafkajs';
import { Admin as PAdmin, Consumer as PConsumer, Producer as PProducer, stringDeserializers, stringSerializers, type Message } from '@platformatic/kafka';
import { CONFLUENT_KAFKA_JAVASCRIPT_VERSION, CONFLUENT_KAFKA_VERSION, confluentKafkaJavascript, type ConfluentKafkaJavascript, goBuild, javaClasspath, javaTool, KAFKA_PYTHON_3_VERSION, KAFKA_PYTHON_VERSION, kcat, pythonVenv, repoRoot, requireTool, run } from '@sluice/test-kit';
import '@sluice/test-kit/kafkajs-codecs';

export const CODECS = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;
export type Codec = (typeof CODECS)[number];
export type Mode = 'default' | 'idempotent';

export interface Rec {
  partition: number;
  offset: number;
  key: string;
  value: string;
  /** `name=value` of each header, concatenated. */
  headers: string;
}

export interface AdminFacts {
  partitions: number;
  'cleanup.policy': string;
  'retention.ms': string;
  clusterId: string | null;
  remaining: boolean;
}

export interface ScenarioClient {
  name: string;
  /** Filled by prepare(): the pinned version text for the matrix. */
  version: string;
  codecs: readonly Codec[];
  /** Why a codec, admin or transactions are missing, for the matrix. */
  gaps: Partial<Record<Codec | 'admin' | 'transactions', string>>;
  /** false when the client cannot set a header per record (kcat's -H applies to all). */
  perRecordHeaders: boolean;
  prepare(): Promise<void>;
  produce(bootstrap: string, topic: string, count: number, codec: Codec, mode: Mode): Promise<void>;
  consume(bootstrap: string, topic: string, count: number): Promise<Rec[]>;
  group(bootstrap: string, topic: string, group: string, count: number): Promise<{ records: Rec[]; committed: number }>;
  admin?(bootstrap: string, topic: string): Promise<AdminFacts>;
  /** `count` records (kN/vN, header n=N) committed in one transaction, then count/10 values
   * `aborted-N` written and aborted in a second; then every partition read from the start by the
   * same client with read_committed, until `count` records and 2 s beyond: what it returned. */
  transactions?(bootstrap: string, topic: string, transactionalId: string, count: number): Promise<Rec[]>;
}

const here = dirname(fileURLToPath(import.meta.url));
const TIMEOUT = 180_000;
const packageVersion = (name: string) => (JSON.parse(readFileSync(join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

function jsonLines(out: string): Record<string, unknown>[] {
  return out
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

const isRecord = (o: Record<string, unknown>) => 'partition' in o && 'offset' in o && 'value' in o;
const asRec = (o: Record<string, unknown>): Rec => ({ partition: Number(o.partition), offset: Number(o.offset), key: String(o.key), value: String(o.value), headers: String(o.headers ?? '') });

function groupResult(lines: Record<string, unknown>[]): { records: Rec[]; committed: number } {
  const summary = lines.find((o) => 'committed' in o);
  if (!summary) throw new Error(`no committed offsets reported:\n${JSON.stringify(lines.slice(-3))}`);
  return { records: lines.filter(isRecord).map(asRec), committed: Number(summary.committed) };
}

/** A client driven by a program taking the drivers' commands (python scripts, the Go program). */
function driverClient(
  base: Omit<ScenarioClient, 'produce' | 'consume' | 'group' | 'admin' | 'transactions' | 'prepare'>,
  prepare: () => Promise<{ cmd: string; args: string[]; version: string }>,
): ScenarioClient {
  let ready: Promise<{ cmd: string; args: string[]; version: string }> | undefined;
  const exec = async (args: string[]) => {
    const d = await (ready ??= prepare());
    return jsonLines(await run(d.cmd, [...d.args, ...args], { timeoutMs: TIMEOUT }));
  };
  const client: ScenarioClient = {
    ...base,
    async prepare() {
      client.version = (await (ready ??= prepare())).version;
    },
    async produce(bootstrap, topic, count, codec, mode) {
      await exec(['produce', bootstrap, topic, String(count), codec, mode]);
    },
    async consume(bootstrap, topic, count) {
      return (await exec(['consume', bootstrap, topic, String(count)])).filter(isRecord).map(asRec);
    },
    async group(bootstrap, topic, group, count) {
      return groupResult(await exec(['group', bootstrap, topic, group, String(count)]));
    },
    async admin(bootstrap, topic) {
      return (await exec(['admin', bootstrap, topic])).at(-1) as unknown as AdminFacts;
    },
    async transactions(bootstrap, topic, transactionalId, count) {
      return (await exec(['transactions', bootstrap, topic, transactionalId, String(count)])).filter(isRecord).map(asRec);
    },
  };
  return client;
}

const java: ScenarioClient = {
  name: 'Java kafka-clients',
  version: 'kafka-clients 4.3.1',
  codecs: CODECS,
  gaps: {},
  perRecordHeaders: true,
  async prepare() {
    await javaClasspath();
  },
  async produce(bootstrap, topic, count, codec, mode) {
    const out = await javaTool(['produce', bootstrap, topic, String(count), codec, ...(mode === 'idempotent' ? ['idempotent'] : [])], TIMEOUT);
    if (out.at(-1)?.acked !== count) throw new Error(`acked ${JSON.stringify(out.at(-1))} of ${count}`);
  },
  async consume(bootstrap, topic, count) {
    return (await javaTool(['consume-assign', bootstrap, topic, String(count)], TIMEOUT)).map(asRec);
  },
  async group(bootstrap, topic, group, count) {
    return groupResult(await javaTool(['group-once', bootstrap, topic, group, String(count)], TIMEOUT));
  },
  async admin(bootstrap, topic) {
    const out = await javaTool(['admin', bootstrap, topic], TIMEOUT);
    const pick = (key: string) => out.find((o) => key in o) ?? {};
    return {
      partitions: Number(pick('described').partitions),
      'cleanup.policy': String(pick('cleanup.policy')['cleanup.policy']),
      'retention.ms': String(pick('cleanup.policy')['retention.ms']),
      clusterId: String(pick('clusterId').clusterId),
      remaining: Boolean(pick('deleted').remaining),
    };
  },
  async transactions(bootstrap, topic, transactionalId, count) {
    await javaTool(['txn-produce', bootstrap, topic, transactionalId, String(count)], TIMEOUT);
    return (await javaTool(['txn-read', bootstrap, topic, String(count)], TIMEOUT)).map(asRec);
  },
};

const KCAT_FORMAT = '{"partition":%p,"offset":%o,"key":"%k","value":"%s","headers":"%h"}\n';
const kcatClient: ScenarioClient = {
  name: 'kcat (librdkafka)',
  version: 'kcat',
  codecs: CODECS,
  gaps: { admin: 'kcat has no admin commands (metadata listing only)', transactions: 'kcat has no transactional producer' },
  perRecordHeaders: false,
  async prepare() {
    if (kcatClient.version !== 'kcat') return;
    await requireTool('kcat', 'apt-get install -y kcat');
    const v = await run('kcat', ['-V']);
    const m = /Version (\S+) .*?librdkafka (\S+)/.exec(v);
    kcatClient.version = m ? `kcat ${m[1]} (librdkafka ${m[2]}, Debian)` : 'kcat (version unknown)';
  },
  async produce(bootstrap, topic, count, codec, mode) {
    const lines = Array.from({ length: count }, (_, i) => `k${i}\tv${i}`).join('\n') + '\n';
    const extra = mode === 'idempotent' ? ['-X', 'enable.idempotence=true'] : [];
    await kcat(['-b', bootstrap, '-P', '-t', topic, '-K', '\t', '-z', codec, '-H', 'n=kcat', ...extra], lines);
  },
  async consume(bootstrap, topic, count) {
    const out = await kcat(['-b', bootstrap, '-C', '-t', topic, '-o', 'beginning', '-c', String(count), '-e', '-q', '-f', KCAT_FORMAT]);
    return jsonLines(out).map(asRec);
  },
  async group(bootstrap, topic, group, count) {
    // kcat -G has no commit command: it commits through librdkafka's auto-commit when it closes
    // after -c records. The committed total is read back by the test's neutral admin.
    const out = await kcat(['-b', bootstrap, '-G', group, topic, '-c', String(count), '-q', '-f', KCAT_FORMAT, '-X', 'auto.offset.reset=earliest']);
    return { records: jsonLines(out).map(asRec), committed: -1 };
  },
};

const confluent = driverClient(
  { name: 'confluent-kafka-python', version: `confluent-kafka ${CONFLUENT_KAFKA_VERSION}`, codecs: CODECS, gaps: {}, perRecordHeaders: true },
  async () => {
    const python = await pythonVenv('py-confluent-kafka', [`confluent-kafka==${CONFLUENT_KAFKA_VERSION}`]);
    const lib = (await run(python, ['-c', 'import confluent_kafka as c; print(c.libversion()[0])'])).trim();
    return { cmd: python, args: [join(here, 'python', 'confluent_kafka_driver.py')], version: `confluent-kafka ${CONFLUENT_KAFKA_VERSION} (librdkafka ${lib})` };
  },
);

/** The codec libraries kafka-python imports when they are installed. */
const KAFKA_PYTHON_CODECS = ['python-snappy==0.7.3', 'cramjam==2.14.0', 'lz4==4.4.5', 'zstandard==0.25.0'];
function kafkaPythonClient(name: string, version: string, venv: string): ScenarioClient {
  return driverClient({ name, version: `kafka-python ${version}`, codecs: CODECS, gaps: {}, perRecordHeaders: true }, async () => {
    const python = await pythonVenv(venv, [`kafka-python==${version}`, ...KAFKA_PYTHON_CODECS]);
    return { cmd: python, args: [join(here, 'python', 'kafka_python_driver.py')], version: `kafka-python ${version} (${KAFKA_PYTHON_CODECS.join(', ')})` };
  });
}
const kafkaPython = kafkaPythonClient('kafka-python', KAFKA_PYTHON_VERSION, 'py-kafka-python');
const kafkaPython3 = kafkaPythonClient('kafka-python 3', KAFKA_PYTHON_3_VERSION, 'py-kafka-python-3');

const franzGo = driverClient(
  { name: 'franz-go', version: 'franz-go v1.22.3', codecs: CODECS, gaps: {}, perRecordHeaders: true },
  async () => {
    const bin = await goBuild(join(here, 'go'), 'sluice-compat-scenarios-franz-go');
    return { cmd: bin, args: [], version: 'franz-go v1.22.3 (kgo), kadm v1.20.0' };
  },
);

/** Apache Kafka applies a deletion to its metadata asynchronously: give it a moment. */
async function stillListed(listed: () => Promise<boolean>): Promise<boolean> {
  for (const until = Date.now() + 30_000; Date.now() < until; await new Promise((r) => setTimeout(r, 200))) if (!(await listed())) return false;
  return listed();
}

/** Apache Kafka's brokers learn of a new topic a moment after CreateTopics answers (seconds on a loaded machine). */
async function retried<T>(attempt: () => Promise<T>): Promise<T> {
  for (const until = Date.now() + 120_000; ; await new Promise((r) => setTimeout(r, 200))) {
    try {
      return await attempt();
    } catch (err) {
      if (Date.now() > until) throw err;
    }
  }
}

// ---- KafkaJS, in process ----

const { Kafka, logLevel, CompressionTypes, ConfigResourceTypes } = kafkajs;
const kafkajsCodec: Record<Codec, number> = {
  none: CompressionTypes.None,
  gzip: CompressionTypes.GZIP,
  snappy: CompressionTypes.Snappy,
  lz4: CompressionTypes.LZ4,
  zstd: CompressionTypes.ZSTD,
};
const kjs = (bootstrap: string) => new Kafka({ brokers: [bootstrap], logLevel: logLevel.NOTHING, clientId: 'sluice-compat' });

/** How many different records (partition and offset) were read: a group consumer may deliver
 * some again after a rebalance, and stopping at `count` deliveries would miss records. */
function distinctPositions(records: Rec[]): number {
  return new Set(records.map((r) => `${r.partition}:${r.offset}`)).size;
}

/** Reads until `count` records, then `settleMs` more (to show nothing else is readable). */
async function kafkajsConsume(bootstrap: string, topic: string, groupId: string, count: number, settleMs = 0): Promise<Rec[]> {
  const consumer = kjs(bootstrap).consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 500 });
  const records: Rec[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    let done!: () => void;
    const all = new Promise<void>((resolve) => (done = resolve));
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        const headers = Object.entries(message.headers ?? {}).map(([k, v]) => `${k}=${String(v)}`).join('');
        records.push({ partition, offset: Number(message.offset), key: String(message.key), value: String(message.value), headers });
        if (distinctPositions(records) >= count) done();
      },
    });
    await Promise.race([all, new Promise((_, reject) => setTimeout(() => reject(new Error(`KafkaJS consumed ${records.length} of ${count}`)), 60_000).unref())]);
    await new Promise((r) => setTimeout(r, settleMs));
  } finally {
    await consumer.disconnect();
  }
  return records;
}

/** A KafkaJS-style transactional producer (KafkaJS's, and @confluentinc/kafka-javascript's KafkaJS API). */
interface KafkaJsStyleTransactions {
  transaction(): Promise<{ send(record: { topic: string; messages: { key: string; value: string; headers?: Record<string, string> }[] }): Promise<unknown>; commit(): Promise<void>; abort(): Promise<void> }>;
  disconnect(): Promise<void>;
}

/** The transactions scenario through a KafkaJS-style API: `count` records committed, then a tenth as many aborted; disconnects. */
async function committedThenAborted(producer: KafkaJsStyleTransactions, topic: string, count: number): Promise<void> {
  try {
    const committed = await producer.transaction();
    await committed.send({ topic, messages: Array.from({ length: count }, (_, i) => ({ key: `k${i}`, value: `v${i}`, headers: { n: String(i) } })) });
    await committed.commit();
    const aborted = await producer.transaction();
    await aborted.send({ topic, messages: Array.from({ length: Math.max(1, Math.floor(count / 10)) }, (_, i) => ({ key: `k${i}`, value: `aborted-${i}` })) });
    await aborted.abort();
  } finally {
    await producer.disconnect();
  }
}

const kafkajsClient: ScenarioClient = {
  name: 'KafkaJS',
  version: `kafkajs ${packageVersion('kafkajs')}`,
  codecs: CODECS,
  gaps: {},
  perRecordHeaders: true,
  async prepare() {},
  async produce(bootstrap, topic, count, codec, mode) {
    const producer = kjs(bootstrap).producer(mode === 'idempotent' ? { idempotent: true, maxInFlightRequests: 1 } : {});
    await producer.connect();
    try {
      const messages = Array.from({ length: count }, (_, i) => ({ key: `k${i}`, value: `v${i}`, headers: { n: String(i) } }));
      await producer.send({ topic, messages, compression: kafkajsCodec[codec], acks: -1 });
    } finally {
      await producer.disconnect();
    }
  },
  consume: (bootstrap, topic, count) => kafkajsConsume(bootstrap, topic, `kafkajs-reader-${topic}`, count),
  async group(bootstrap, topic, group, count) {
    const records = await kafkajsConsume(bootstrap, topic, group, count); // commits after each batch and on disconnect
    const admin = kjs(bootstrap).admin();
    await admin.connect();
    try {
      const offsets = await admin.fetchOffsets({ groupId: group, topics: [topic] });
      const committed = offsets.flatMap((t) => t.partitions).reduce((n, p) => n + Math.max(0, Number(p.offset)), 0);
      return { records, committed };
    } finally {
      await admin.disconnect();
    }
  },
  async admin(bootstrap, topic) {
    const admin = kjs(bootstrap).admin();
    await admin.connect();
    try {
      // Not waitForLeaders: its few retries end in UNKNOWN_TOPIC_OR_PARTITION when a loaded Apache
      // Kafka is slow to show the topic (CI saw it fail a setup); the wait is retried() instead.
      await admin.createTopics({ topics: [{ topic, numPartitions: 3, replicationFactor: 1, configEntries: [{ name: 'cleanup.policy', value: 'compact' }, { name: 'retention.ms', value: '3600000' }] }] });
      const [meta, described] = await retried(async () => {
        const m = await admin.fetchTopicMetadata({ topics: [topic] });
        const partitions = m.topics[0]!.partitions;
        if (partitions.length < 3 || partitions.some((p) => p.leader < 0)) throw new Error(`${topic} has ${partitions.length} partitions, not all with a leader yet`);
        return [m, await admin.describeConfigs({ resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }], includeSynonyms: false })] as const;
      });
      const entries = described.resources[0]!.configEntries;
      const value = (name: string) => entries.find((e) => e.configName === name)?.configValue ?? '';
      const cluster = await admin.describeCluster();
      await admin.deleteTopics({ topics: [topic] });
      const remaining = await stillListed(async () => (await admin.listTopics()).includes(topic));
      return { partitions: meta.topics[0]!.partitions.length, 'cleanup.policy': value('cleanup.policy'), 'retention.ms': value('retention.ms'), clusterId: cluster.clusterId, remaining };
    } finally {
      await admin.disconnect();
    }
  },
  async transactions(bootstrap, topic, transactionalId, count) {
    const producer = kjs(bootstrap).producer({ transactionalId, idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    await committedThenAborted(producer, topic, count);
    // KafkaJS's consumer reads with read_committed unless told `readUncommitted: true`.
    return kafkajsConsume(bootstrap, topic, `kafkajs-reader-${topic}`, count, 2000);
  },
};

// ---- @platformatic/kafka, in process ----

const PLATFORMATIC_VERSION = packageVersion('@platformatic/kafka');

/** Reads until `count` records, then `settleMs` more; @platformatic/kafka reads with read_committed by default. */
async function platformaticConsume(bootstrap: string, topic: string, groupId: string, count: number, commit: boolean, settleMs = 0): Promise<Rec[]> {
  const consumer = new PConsumer({ groupId, clientId: 'sluice-compat', bootstrapBrokers: [bootstrap], deserializers: stringDeserializers, sessionTimeout: 10_000, heartbeatInterval: 500 });
  const records: Rec[] = [];
  const last = new Map<number, Message<string, string, string, string>>();
  try {
    const stream = await consumer.consume({ topics: [topic], mode: 'earliest', autocommit: false, maxWaitTime: 200 });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`@platformatic/kafka consumed ${records.length} of ${count}`)), 60_000);
      stream.on('error', reject);
      stream.on('data', (m: Message<string, string, string, string>) => {
        records.push({ partition: m.partition, offset: Number(m.offset), key: m.key, value: m.value, headers: [...m.headers].map(([k, v]) => `${k}=${v}`).join('') });
        last.set(m.partition, m);
        if (distinctPositions(records) >= count) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    await new Promise((r) => setTimeout(r, settleMs));
    if (commit) for (const m of last.values()) await m.commit();
    await stream.close();
  } finally {
    await consumer.close(true);
  }
  return records;
}

const platformatic: ScenarioClient = {
  name: '@platformatic/kafka',
  version: `@platformatic/kafka ${PLATFORMATIC_VERSION}`,
  codecs: CODECS,
  gaps: {},
  perRecordHeaders: true,
  async prepare() {},
  async produce(bootstrap, topic, count, codec, mode) {
    const producer = new PProducer({ clientId: 'sluice-compat', bootstrapBrokers: [bootstrap], serializers: stringSerializers, compression: codec, idempotent: mode === 'idempotent', acks: -1 });
    try {
      const messages = Array.from({ length: count }, (_, i) => ({ topic, key: `k${i}`, value: `v${i}`, headers: new Map([['n', String(i)]]) }));
      await producer.send({ messages });
    } finally {
      await producer.close();
    }
  },
  consume: (bootstrap, topic, count) => platformaticConsume(bootstrap, topic, `platformatic-reader-${topic}`, count, false),
  async group(bootstrap, topic, group, count) {
    const records = await platformaticConsume(bootstrap, topic, group, count, true);
    const admin = new PAdmin({ clientId: 'sluice-compat', bootstrapBrokers: [bootstrap] });
    try {
      const offsets = await admin.listConsumerGroupOffsets({ groups: [group] });
      const committed = offsets.flatMap((g) => g.topics).flatMap((t) => t.partitions).reduce((n, p) => n + Math.max(0, Number(p.committedOffset)), 0);
      return { records, committed };
    } finally {
      await admin.close();
    }
  },
  async admin(bootstrap, topic) {
    const admin = new PAdmin({ clientId: 'sluice-compat', bootstrapBrokers: [bootstrap] });
    try {
      await admin.createTopics({ topics: [topic], partitions: 3, replicas: 1, configs: [{ name: 'cleanup.policy', value: 'compact' }, { name: 'retention.ms', value: '3600000' }] });
      const [meta, described] = await retried(async () => [await admin.metadata({ topics: [topic] }), await admin.describeConfigs({ resources: [{ resourceType: 2, resourceName: topic }] })] as const);
      const value = (name: string) => described[0]!.configs.find((c) => c.name === name)?.value ?? '';
      await admin.deleteTopics({ topics: [topic] });
      const remaining = await stillListed(async () => (await admin.listTopics()).includes(topic));
      return { partitions: meta.topics.get(topic)!.partitionsCount, 'cleanup.policy': value('cleanup.policy'), 'retention.ms': value('retention.ms'), clusterId: meta.id, remaining };
    } finally {
      await admin.close();
    }
  },
  async transactions(bootstrap, topic, transactionalId, count) {
    const producer = new PProducer({ clientId: 'sluice-compat', bootstrapBrokers: [bootstrap], serializers: stringSerializers, idempotent: true, transactionalId, acks: -1 });
    try {
      const committed = await producer.beginTransaction();
      await committed.send({ messages: Array.from({ length: count }, (_, i) => ({ topic, key: `k${i}`, value: `v${i}`, headers: new Map([['n', String(i)]]) })) });
      await committed.commit();
      const aborted = await producer.beginTransaction();
      await aborted.send({ messages: Array.from({ length: Math.max(1, Math.floor(count / 10)) }, (_, i) => ({ topic, key: `k${i}`, value: `aborted-${i}` })) });
      await aborted.abort();
    } finally {
      await producer.close();
    }
    return platformaticConsume(bootstrap, topic, `platformatic-reader-${topic}`, count, false, 2000);
  },
};

// ---- @confluentinc/kafka-javascript (librdkafka), in process ----

// Its KafkaJS-compatible API, over the librdkafka the package bundles. Installed and compiled
// into ~/.cache/sluice on first use (@sluice/test-kit's confluent-kafka-javascript.ts): minutes,
// once, so it starts when this module loads and the build overlaps the clients before this one
// instead of running inside one scenario's time limit. A failure is reported by prepare().
const cjsReady = confluentKafkaJavascript();
cjsReady.catch(() => {});
let cjs: ConfluentKafkaJavascript | undefined;
const ckjs = (bootstrap: string) => new cjs!.KafkaJS.Kafka({ kafkaJS: { brokers: [bootstrap], clientId: 'sluice-compat', logLevel: cjs!.KafkaJS.logLevel.NOTHING } });

/** Reads until `count` records, then `settleMs` more; the consumer reads with read_committed
 * unless told `readUncommitted: true`. With `commit`, the offsets after the last record of each
 * partition are committed before it leaves. */
async function ckjsConsume(bootstrap: string, topic: string, groupId: string, count: number, commit: boolean, settleMs = 0): Promise<Rec[]> {
  // fromBeginning and autoCommit are the consumer's settings in this client, not subscribe's or run's.
  const consumer = ckjs(bootstrap).consumer({ kafkaJS: { groupId, fromBeginning: true, autoCommit: false, sessionTimeout: 10_000, heartbeatInterval: 500 } });
  const records: Rec[] = [];
  const next = new Map<number, number>();
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic] });
    let done!: () => void;
    const all = new Promise<void>((resolve) => (done = resolve));
    await consumer.run({
      eachMessage: async ({ partition, message }: { partition: number; message: { offset: string; key: Buffer | null; value: Buffer | null; headers?: Record<string, Buffer | string> } }) => {
        const headers = Object.entries(message.headers ?? {}).map(([k, v]) => `${k}=${String(v)}`).join('');
        records.push({ partition, offset: Number(message.offset), key: String(message.key), value: String(message.value), headers });
        next.set(partition, Number(message.offset) + 1);
        if (distinctPositions(records) >= count) done();
      },
    });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([all, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`@confluentinc/kafka-javascript consumed ${records.length} of ${count}`)), 60_000)))]).finally(() => clearTimeout(timer));
    await new Promise((r) => setTimeout(r, settleMs));
    if (commit) await consumer.commitOffsets([...next].map(([partition, offset]) => ({ topic, partition, offset: String(offset) })));
  } finally {
    await consumer.disconnect();
  }
  return records;
}

const confluentJs: ScenarioClient = {
  name: '@confluentinc/kafka-javascript',
  version: `@confluentinc/kafka-javascript ${CONFLUENT_KAFKA_JAVASCRIPT_VERSION}`,
  codecs: CODECS,
  gaps: { admin: 'its admin client (1.10.1) has no describeConfigs and no describeCluster' },
  perRecordHeaders: true,
  async prepare() {
    cjs ??= await cjsReady;
    confluentJs.version = `@confluentinc/kafka-javascript ${CONFLUENT_KAFKA_JAVASCRIPT_VERSION} (librdkafka ${cjs.librdkafkaVersion})`;
  },
  async produce(bootstrap, topic, count, codec, mode) {
    // compression and acks are the producer's settings in this client, not send's.
    const settings = mode === 'idempotent' ? { idempotent: true, acks: -1 } : {};
    const producer = ckjs(bootstrap).producer({ kafkaJS: { compression: codec, ...settings } });
    await producer.connect();
    try {
      const messages = Array.from({ length: count }, (_, i) => ({ key: `k${i}`, value: `v${i}`, headers: { n: String(i) } }));
      await producer.send({ topic, messages });
    } finally {
      await producer.disconnect();
    }
  },
  consume: (bootstrap, topic, count) => ckjsConsume(bootstrap, topic, `ckjs-reader-${topic}`, count, false),
  async group(bootstrap, topic, group, count) {
    const records = await ckjsConsume(bootstrap, topic, group, count, true);
    const admin = ckjs(bootstrap).admin();
    await admin.connect();
    try {
      const offsets: { partitions: { offset: string }[] }[] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
      const committed = offsets.flatMap((t) => t.partitions).reduce((n, p) => n + Math.max(0, Number(p.offset)), 0);
      return { records, committed };
    } finally {
      await admin.disconnect();
    }
  },
  async transactions(bootstrap, topic, transactionalId, count) {
    const producer = ckjs(bootstrap).producer({ kafkaJS: { transactionalId, idempotent: true } });
    await producer.connect();
    await committedThenAborted(producer, topic, count);
    return ckjsConsume(bootstrap, topic, `ckjs-reader-${topic}`, count, false, 2000);
  },
};

export const CLIENTS: ScenarioClient[] = [java, kcatClient, confluent, kafkaPython, kafkaPython3, kafkajsClient, platformatic, confluentJs, franzGo];
