// Kafka's own admin tools (kafka-tools 4.3.1) against a Sluice broker and an Apache Kafka 4.3.1
// broker in the same run: each tool must print the same (or fail the same way) on both. The
// expected answers are Kafka's, taken in the run. One broker of each for the whole file.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBroker, type Broker } from '@sluice/broker';
import { Admin, Producer } from '@sluice/client';
import { Apis, ZERO_UUID, decodeResponse, encodeRequest } from '@sluice/protocol';
import { RawConnection, eventually, fetchRequestV12, runKafkaTool, startApacheKafka, type KafkaToolResult } from '@sluice/test-kit';

interface Side {
  name: 'sluice' | 'kafka';
  bootstrap: string;
}

let sluice: Broker;
let kafka: Awaited<ReturnType<typeof startApacheKafka>>;
let sides: Side[];

before(async () => {
  // Each broker is kept as soon as it is up, so that `after` stops it even when the other failed
  // to start (a Sluice broker left listening keeps this file's process, and the run, waiting for ever).
  const started = await Promise.allSettled([
    startBroker({ port: 0, config: { 'node.id': '1' /* Kafka's node id in test-kit */ } }).then((b) => (sluice = b)),
    startApacheKafka().then((k) => (kafka = k)),
  ]);
  for (const s of started) if (s.status === 'rejected') throw s.reason;
  sides = [
    { name: 'sluice', bootstrap: sluice.bootstrap },
    { name: 'kafka', bootstrap: kafka.bootstrap },
  ];
}, { timeout: 600_000 });

after(async () => {
  await Promise.allSettled([sluice?.close(), kafka?.stop()]);
});

/** Runs a tool on both sides (one after the other: two JVMs at once load a 2-core machine). */
async function onBoth(mainClass: string, args: (side: Side) => string[]): Promise<Record<Side['name'], KafkaToolResult>> {
  const out = {} as Record<Side['name'], KafkaToolResult>;
  for (const side of sides) out[side.name] = await runKafkaTool(mainClass, ['--bootstrap-server', side.bootstrap, ...args(side)]);
  return out;
}

/** kafka-configs: kafka.admin.ConfigCommand is in Kafka's core jar, among the broker's jars. */
async function configCommandOnBoth(args: string[]): Promise<Record<Side['name'], KafkaToolResult>> {
  const out = {} as Record<Side['name'], KafkaToolResult>;
  for (const side of sides) out[side.name] = await runKafkaTool('kafka.admin.ConfigCommand', ['--bootstrap-server', side.bootstrap, ...args], { jars: 'broker' });
  return out;
}

async function createTopic(side: Side, name: string, configs: Record<string, string> = {}): Promise<void> {
  const admin = new Admin({ bootstrapServers: side.bootstrap });
  try {
    await admin.createTopics([{ name, numPartitions: 1, replicationFactor: 1, configs }]);
  } finally {
    await admin.close();
  }
}

test('kafka-features describe lists the same features, ranges and finalized levels', { timeout: 300_000 }, async () => {
  const r = await onBoth('org.apache.kafka.tools.FeatureCommand', () => ['describe']);
  assert.equal(r.kafka.code, 0, r.kafka.stderr);
  assert.match(r.kafka.stdout, /metadata\.version/);
  // The epoch is each cluster's own (Kafka's metadata offset, Sluice's start time).
  const withoutEpoch = (s: string) => s.replace(/Epoch: \d+/g, 'Epoch: E');
  assert.equal(r.sluice.code, 0, r.sluice.stderr);
  assert.equal(withoutEpoch(r.sluice.stdout), withoutEpoch(r.kafka.stdout));
});

test('kafka-get-offsets --time -3 answers the first record with the largest timestamp', { timeout: 300_000 }, async () => {
  const now = Date.now();
  for (const side of sides) {
    await createTopic(side, 'max-timestamp');
    const producer = new Producer({ bootstrapServers: side.bootstrap, lingerMs: 100 });
    try {
      // One batch: timestamps t-3 s, t-1 s, t-2 s, so the largest is the second record's.
      await producer.sendBatch([3000, 1000, 2000].map((ago, i) => ({ topic: 'max-timestamp', value: `v${i}`, timestamp: now - ago })));
    } finally {
      await producer.close();
    }
  }
  const r = await onBoth('org.apache.kafka.tools.GetOffsetShell', () => ['--topic', 'max-timestamp', '--time', '-3']);
  assert.equal(r.kafka.code, 0, r.kafka.stderr);
  assert.equal(r.kafka.stdout.trim(), 'max-timestamp:0:1');
  assert.equal(r.sluice.code, 0, r.sluice.stderr);
  assert.equal(r.sluice.stdout, r.kafka.stdout);
});

test('kafka-delete-records on a compacted topic is refused with POLICY_VIOLATION, and deletes on a delete topic', { timeout: 300_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-delete-records-'));
  try {
    for (const side of sides) {
      await createTopic(side, 'compacted', { 'cleanup.policy': 'compact' });
      await createTopic(side, 'deletable', { 'cleanup.policy': 'compact,delete' });
      const producer = new Producer({ bootstrapServers: side.bootstrap });
      try {
        await producer.sendBatch(['compacted', 'deletable'].flatMap((topic) => [0, 1, 2].map((i) => ({ topic, key: `k${i}`, value: `v${i}` }))));
      } finally {
        await producer.close();
      }
    }
    for (const topic of ['compacted', 'deletable']) {
      const file = join(dir, `${topic}.json`);
      writeFileSync(file, JSON.stringify({ version: 1, partitions: [{ topic, partition: 0, offset: 2 }] }));
      const r = await onBoth('org.apache.kafka.tools.DeleteRecordsCommand', () => ['--offset-json-file', file]);
      assert.match(r.kafka.stdout, topic === 'compacted' ? /PolicyViolationException/ : /low_watermark: 2/);
      assert.equal(r.sluice.stdout, r.kafka.stdout);
      assert.equal(r.sluice.code, r.kafka.code);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('kafka-log-dirs --describe reports the data folder and each partition with its size', { timeout: 300_000 }, async () => {
  // After the tests above: max-timestamp (one batch of 3 records) and deletable (3 records, 2 deleted).
  const r = await onBoth('org.apache.kafka.tools.LogDirsCommand', () => ['--describe', '--topic-list', 'max-timestamp,deletable']);
  const report = (side: Side['name']) => {
    assert.equal(r[side].code, 0, `${side}: ${r[side].stderr}`);
    const json = JSON.parse(r[side].stdout.split('\n').find((l) => l.startsWith('{'))!);
    assert.equal(json.brokers.length, 1);
    const [dir] = json.brokers[0].logDirs;
    assert.equal(json.brokers[0].logDirs.length, 1);
    return { ...dir, partitions: [...dir.partitions].sort((a: { partition: string }, b: { partition: string }) => a.partition.localeCompare(b.partition)) };
  };
  const k = report('kafka');
  const s = report('sluice');
  assert.equal(k.logDir, kafka.logDir);
  assert.equal(s.logDir, sluice.dataDir);
  assert.equal(k.partitions.length, 2);
  assert.ok(k.partitions.every((p: { size: number }) => p.size > 0));
  assert.deepEqual({ ...s, logDir: 'D' }, { ...k, logDir: 'D' });
});

test('kafka-configs --entity-type groups describes, alters and refuses as on Kafka', { timeout: 300_000 }, async () => {
  const group = ['--entity-type', 'groups', '--entity-name', 'billing'];
  /** The refusal's cause, the line a user reads (the stack trace above it differs by nothing we serve). */
  const cause = (r: KafkaToolResult) => (r.stdout + r.stderr).split('\n').find((l) => l.startsWith('Caused by:')) ?? `(no cause) ${r.stdout}${r.stderr}`;
  const same = (r: Record<Side['name'], KafkaToolResult>, what: string) => {
    assert.equal(r.sluice.code, r.kafka.code, `${what}: ${r.sluice.stderr}`);
    if (r.kafka.code === 0) assert.equal(r.sluice.stdout, r.kafka.stdout, what);
    else assert.equal(cause(r.sluice), cause(r.kafka), what);
  };
  const all = await configCommandOnBoth([...group, '--describe', '--all']);
  assert.equal(all.kafka.code, 0, all.kafka.stderr);
  assert.match(all.kafka.stdout, /consumer\.session\.timeout\.ms=45000/);
  same(all, 'describe --all');
  same(await configCommandOnBoth([...group, '--alter', '--add-config', 'consumer.session.timeout.ms=50000,share.auto.offset.reset=earliest,share.isolation.level=read_committed']), 'alter');
  same(await configCommandOnBoth([...group, '--describe']), 'describe after alter');
  same(await configCommandOnBoth([...group, '--describe', '--all']), 'describe --all after alter');
  for (const bad of ['bogus=1', 'consumer.session.timeout.ms=abc', 'consumer.session.timeout.ms=1000', 'consumer.heartbeat.interval.ms=20000']) {
    const r = await configCommandOnBoth([...group, '--alter', '--add-config', bad]);
    assert.notEqual(r.kafka.code, 0, bad);
    same(r, bad);
  }
  same(await configCommandOnBoth([...group, '--alter', '--delete-config', 'share.auto.offset.reset']), 'delete-config');
  same(await configCommandOnBoth([...group, '--describe']), 'describe after delete-config');
  // Every group with configs: the tool lists them with ListConfigResources.
  same(await configCommandOnBoth(['--entity-type', 'groups', '--describe']), 'describe every group');
});

test('kafka-configs --entity-type brokers reports the listeners, data folder and cluster id in force', { timeout: 300_000 }, async () => {
  const r = await configCommandOnBoth(['--entity-type', 'brokers', '--entity-name', '1', '--describe', '--all']);
  const line = (side: Side['name'], name: string) => {
    assert.equal(r[side].code, 0, `${side}: ${r[side].stderr}`);
    return r[side].stdout.split('\n').find((l) => l.startsWith(`  ${name}=`));
  };
  const port = (bootstrap: string) => bootstrap.split(':')[1];
  const normalised = (side: Side, name: string) => line(side.name, name)?.replaceAll(port(side.bootstrap), 'PORT');
  const [s, k] = sides;
  assert.equal(normalised(s, 'advertised.listeners'), normalised(k, 'advertised.listeners'));
  assert.match(normalised(k, 'advertised.listeners')!, /^ {2}advertised\.listeners=PLAINTEXT:\/\/127\.0\.0\.1:PORT sensitive=false synonyms=\{STATIC_BROKER_CONFIG:/);
  assert.equal(line('sluice', 'log.dirs')?.replaceAll(sluice.dataDir, 'DIR'), line('kafka', 'log.dirs')?.replaceAll(kafka.logDir, 'DIR'));
  assert.equal(line('sluice', 'node.id')?.replace(/ synonyms=.*/, ''), line('kafka', 'node.id')?.replace(/ synonyms=.*/, ''));
  // Kafka has no cluster.id setting to report; Sluice's (the id for a new data folder) says the id in force.
  assert.equal(line('sluice', 'cluster.id'), `  cluster.id=${sluice.clusterId} sensitive=false synonyms={STATIC_BROKER_CONFIG:cluster.id=${sluice.clusterId}}`);
});

test('kafka-configs --entity-type brokers alters and describes the cluster-wide default (--entity-default) and the broker\'s own value (--entity-name) as on Kafka', { timeout: 300_000 }, async () => {
  const cause = (r: KafkaToolResult) => (r.stdout + r.stderr).split('\n').find((l) => l.startsWith('Caused by:')) ?? `(no cause) ${r.stdout}${r.stderr}`;
  const same = (r: Record<Side['name'], KafkaToolResult>, what: string) => {
    assert.equal(r.sluice.code, r.kafka.code, `${what}: ${r.sluice.stderr}`);
    if (r.kafka.code === 0) assert.equal(r.sluice.stdout, r.kafka.stdout, what);
    else assert.equal(cause(r.sluice), cause(r.kafka), what);
  };
  const cluster = ['--entity-type', 'brokers', '--entity-default'];
  const broker = ['--entity-type', 'brokers', '--entity-name', '1'];
  /** Kafka applies a change through its metadata log, a moment after answering: its describe is waited for. */
  const describedOnBoth = async (entity: string[], settled: (kafkaOutput: string) => boolean, what: string) => {
    const r = await eventually(what, async () => {
      const both = await configCommandOnBoth([...entity, '--describe']);
      return settled(both.kafka.stdout) ? both : undefined;
    }, 30_000);
    same(r, what);
  };
  // Settings no other case here depends on; removed at the end.
  same(await configCommandOnBoth([...cluster, '--alter', '--add-config', 'log.cleaner.delete.retention.ms=3600000,log.flush.interval.ms=600000']), 'alter the default');
  same(await configCommandOnBoth([...broker, '--alter', '--add-config', 'log.cleaner.delete.retention.ms=7200000']), 'alter broker 1');
  await describedOnBoth(cluster, (out) => out.includes('log.flush.interval.ms=600000'), 'describe the default');
  await describedOnBoth(broker, (out) => out.includes('log.cleaner.delete.retention.ms=7200000'), 'describe broker 1');
  for (const bad of [[...broker.slice(0, 2), '--entity-name', '2', '--alter', '--add-config', 'log.flush.interval.ms=1000'], [...cluster, '--alter', '--add-config', 'log.dirs=/elsewhere']]) {
    const r = await configCommandOnBoth(bad);
    assert.notEqual(r.kafka.code, 0, bad.join(' '));
    same(r, bad.join(' '));
  }
  // A value refused: the same exception (Sluice words the reason its own way).
  const invalid = await configCommandOnBoth([...broker, '--alter', '--add-config', 'log.flush.interval.ms=soon']);
  assert.deepEqual([invalid.sluice.code, cause(invalid.sluice).split(': ')[1]], [invalid.kafka.code, cause(invalid.kafka).split(': ')[1]]);
  assert.match(cause(invalid.kafka), /InvalidRequestException: Invalid value soon for configuration log\.flush\.interval\.ms/);
  same(await configCommandOnBoth([...broker, '--alter', '--delete-config', 'log.cleaner.delete.retention.ms']), 'delete on broker 1');
  await describedOnBoth(broker, (out) => !out.includes('log.cleaner.delete.retention.ms=7200000'), 'broker 1 falls back to the default');
  same(await configCommandOnBoth([...cluster, '--alter', '--delete-config', 'log.cleaner.delete.retention.ms,log.flush.interval.ms']), 'delete the default');
});

test('kafka-leader-election and kafka-reassign-partitions (--list, --execute to the one replica) answer as a one-node Kafka', { timeout: 300_000 }, async () => {
  const tools = 'org.apache.kafka.tools';
  const cases: [string, string[]][] = [
    [`${tools}.LeaderElectionCommand`, ['--election-type', 'preferred', '--all-topic-partitions']],
    [`${tools}.LeaderElectionCommand`, ['--election-type', 'preferred', '--topic', 'max-timestamp', '--partition', '0']],
    [`${tools}.LeaderElectionCommand`, ['--election-type', 'unclean', '--topic', 'deletable', '--partition', '0']],
    [`${tools}.reassign.ReassignPartitionsCommand`, ['--list']],
  ];
  // A move to the one replica there is: started and done at once (the rollback file names the data folder).
  const dir = mkdtempSync(join(tmpdir(), 'sluice-reassign-'));
  const plan = join(dir, 'plan.json');
  writeFileSync(plan, JSON.stringify({ version: 1, partitions: [{ topic: 'max-timestamp', partition: 0, replicas: [1] }] }));
  const r = await onBoth(`${tools}.reassign.ReassignPartitionsCommand`, () => ['--execute', '--reassignment-json-file', plan]);
  rmSync(dir, { recursive: true, force: true });
  assert.equal(r.kafka.code, 0, r.kafka.stderr);
  assert.match(r.kafka.stdout, /Successfully started partition reassignment for max-timestamp-0/);
  assert.equal(r.sluice.code, 0, r.sluice.stderr);
  assert.equal(r.sluice.stdout.replaceAll(sluice.dataDir, 'DIR'), r.kafka.stdout.replaceAll(kafka.logDir, 'DIR'));
  for (const [tool, args] of cases) {
    const r = await onBoth(tool, () => args);
    assert.equal(r.sluice.code, r.kafka.code, `${args.join(' ')}: ${r.sluice.stderr}`);
    assert.equal(r.sluice.stdout, r.kafka.stdout, args.join(' '));
  }
});

test('kafka-topics --describe (DescribeTopicPartitions, paged) prints the same as on Kafka', { timeout: 300_000 }, async () => {
  for (const side of sides) {
    const admin = new Admin({ bootstrapServers: side.bootstrap });
    try {
      await admin.createTopics([{ name: 'paged', numPartitions: 5, replicationFactor: 1 }]);
    } finally {
      await admin.close();
    }
  }
  // --partition-size-limit-per-response 2: the tool follows next_cursor through three answers.
  for (const args of [['--describe', '--topic', 'paged', '--partition-size-limit-per-response', '2'], ['--describe', '--topic', 'max-timestamp']]) {
    const r = await onBoth('org.apache.kafka.tools.TopicCommand', () => args);
    assert.equal(r.kafka.code, 0, r.kafka.stderr);
    // Left out: the topic's Configs, from DescribeConfigs (Kafka 4.3.1 lists min.insync.replicas=1 there
    // as set for the cluster, Sluice as a default: a difference not in DescribeTopicPartitions).
    const withoutId = (s: string) => s.replace(/TopicId: \S+/g, 'TopicId: ID').replace(/\tConfigs: .*/g, '\tConfigs: C');
    assert.equal(r.sluice.code, 0, r.sluice.stderr);
    assert.equal(withoutId(r.sluice.stdout), withoutId(r.kafka.stdout), args.join(' '));
  }
  // The tool falls back to Metadata where the API is missing, so the answers are compared too:
  // a page of 2 from partition 1 on, and the cursor to the rest.
  const answers = [];
  for (const side of sides) {
    const c = await RawConnection.open(Number(side.bootstrap.split(':')[1]));
    try {
      const body = await c.request(Apis.DescribeTopicPartitions, 0, { topics: [{ name: 'paged' }, { name: 'no-such-topic' }], responsePartitionLimit: 2, cursor: { topicName: 'paged', partitionIndex: 1 } });
      answers.push({ ...body, topics: body.topics.map((t: { topicId: string }) => ({ ...t, topicId: t.topicId === ZERO_UUID ? 'zero' : 'id' })) });
    } finally {
      c.close();
    }
  }
  assert.deepEqual(answers[1].nextCursor, { topicName: 'paged', partitionIndex: 3 });
  assert.deepEqual(answers[0], answers[1]);
});

test('kafka-configs --entity-type users and clients alters and describes client quotas as on Kafka; AlterClientQuotas and DescribeClientQuotas refuse as Kafka', { timeout: 300_000 }, async () => {
  const same = (r: Record<Side['name'], KafkaToolResult>, what: string) => {
    assert.equal(r.kafka.code, 0, `${what}: ${r.kafka.stderr}`);
    assert.equal(r.sluice.code, 0, `${what}: ${r.sluice.stderr}`);
    assert.equal(r.sluice.stdout, r.kafka.stdout, what);
  };
  same(await configCommandOnBoth(['--alter', '--entity-type', 'users', '--entity-name', 'alice', '--add-config', 'producer_byte_rate=1024,request_percentage=12.5']), 'alter user alice');
  same(await configCommandOnBoth(['--alter', '--entity-type', 'clients', '--entity-default', '--add-config', 'consumer_byte_rate=2048,controller_mutation_rate=10']), 'alter the default client-id');
  const users = await configCommandOnBoth(['--describe', '--entity-type', 'users']);
  assert.match(users.kafka.stdout, /alice/);
  same(users, 'describe users');

  // The wire answers, compared raw on both brokers (no JVM): every quota entity and its values,
  // then Kafka's refusals, one entry per request (Kafka answers several in hash order).
  const answers: Record<Side['name'], unknown[]> = { sluice: [], kafka: [] };
  const entity = (pairs: [string, string | null][]) => pairs.map(([entityType, entityName]) => ({ entityType, entityName }));
  const badAlterations = [
    { entity: entity([['user', 'bob']]), ops: [{ key: 'producer_byte_rate', value: -5, remove: false }] },
    { entity: entity([['user', 'bob']]), ops: [{ key: 'producer_byte_rate', value: 1.5, remove: false }] },
    { entity: entity([['user', 'bob']]), ops: [{ key: 'connection_creation_rate', value: 5, remove: false }] },
    { entity: entity([['ip', '10.1.2.3']]), ops: [{ key: 'producer_byte_rate', value: 5, remove: false }] },
    { entity: entity([['ip', '10.1.2.3'], ['user', 'bob']]), ops: [{ key: 'connection_creation_rate', value: 5, remove: false }] },
    { entity: entity([['user', '']]), ops: [{ key: 'producer_byte_rate', value: 5, remove: false }] },
    { entity: entity([['group', 'g']]), ops: [{ key: 'producer_byte_rate', value: 5, remove: false }] },
    { entity: entity([]), ops: [{ key: 'producer_byte_rate', value: 5, remove: false }] },
    { entity: entity([['ip', null]]), ops: [{ key: 'connection_creation_rate', value: 5, remove: false }] },
    { entity: entity([['user', 'bob'], ['client-id', 'app']]), ops: [{ key: 'producer_byte_rate', value: 5, remove: false }, { key: 'producer_byte_rate', value: 6, remove: false }] },
    // Values at the edges of each type's range (validate_only: accepted ones change nothing).
    ...[
      ['request_percentage', NaN],
      ['request_percentage', Infinity],
      ['controller_mutation_rate', 1e-9],
      ['controller_mutation_rate', 0],
      ['producer_byte_rate', 1e300],
      ['producer_byte_rate', 9223372036854775807],
      ['consumer_byte_rate', 1],
      ['producer_byte_rate', NaN],
    ].map(([key, value]) => ({ entity: entity([['user', 'bob']]), ops: [{ key, value, remove: false }] })),
    { entity: entity([['ip', '10.1.2.3']]), ops: [{ key: 'connection_creation_rate', value: 2147483648, remove: false }] },
    { entity: entity([['ip', '10.1.2.3']]), ops: [{ key: 'connection_creation_rate', value: NaN, remove: false }] },
  ];
  const badFilters = [
    [{ entityType: 'user', matchType: 0, match: null }],
    [{ entityType: 'user', matchType: 1, match: 'x' }],
    [{ entityType: 'user', matchType: 2, match: null }, { entityType: 'user', matchType: 0, match: 'x' }],
    [{ entityType: 'ip', matchType: 2, match: null }, { entityType: 'client-id', matchType: 2, match: null }],
    [{ entityType: 'group', matchType: 2, match: null }],
  ];
  for (const side of sides) {
    const c = await RawConnection.open(Number(side.bootstrap.split(':')[1]));
    try {
      for (const strict of [false, true]) {
        // Kafka's brokers serve DescribeClientQuotas from their copy of the metadata, which follows the controller's shortly.
        const all = await eventually('the default client-id quota is described', async () => {
          const r = await c.request(Apis.DescribeClientQuotas, 1, { components: [{ entityType: 'client-id', matchType: 2, match: null }], strict });
          return r.entries?.length > 0 && r;
        });
        const entries = all.entries.map((e: { entity: object[]; values: { key: string }[] }) => ({ ...e, values: [...e.values].sort((a, b) => a.key.localeCompare(b.key)) }));
        answers[side.name].push({ errorCode: all.errorCode, entries: entries.map((e: object) => JSON.stringify(e)).sort() });
      }
      for (const bad of badAlterations) answers[side.name].push(await c.request(Apis.AlterClientQuotas, 1, { entries: [bad], validateOnly: true }));
      for (const components of badFilters) answers[side.name].push(await c.request(Apis.DescribeClientQuotas, 1, { components, strict: false }));
    } finally {
      c.close();
    }
  }
  assert.deepEqual(answers.sluice, answers.kafka);
});

test('Admin.alterClientQuotas and describeClientQuotas (our client) answer the same on both brokers', { timeout: 120_000 }, async () => {
  const outcomes: Record<Side['name'], unknown[]> = { sluice: [], kafka: [] };
  const sorted = (entries: object[]) => entries.map((e) => JSON.stringify(e)).sort();
  for (const side of sides) {
    const admin = new Admin({ bootstrapServers: side.bootstrap });
    try {
      await admin.alterClientQuotas([
        { entity: { user: 'carol', 'client-id': 'app' }, ops: [{ key: 'producer_byte_rate', value: 4096 }, { key: 'request_percentage', value: 25 }] },
        { entity: { user: null }, ops: [{ key: 'consumer_byte_rate', value: 1_000_000 }] },
      ]);
      // Kafka's brokers describe from their copy of the metadata, which follows the controller's shortly.
      const carol = () => admin.describeClientQuotas({ components: [{ entityType: 'user', match: 'carol' }] });
      await eventually('carol and the default user described', async () => {
        const users = await admin.describeClientQuotas({ components: [{ entityType: 'user' }] });
        return users.some((e) => e.entity.user === 'carol' && 'producer_byte_rate' in e.quotas) && users.some((e) => e.entity.user === null);
      });
      outcomes[side.name].push(sorted(await admin.describeClientQuotas({ components: [{ entityType: 'user' }] })));
      outcomes[side.name].push(sorted(await admin.describeClientQuotas({ components: [{ entityType: 'user', match: 'carol' }], strict: true })));
      await admin.alterClientQuotas([{ entity: { user: 'carol', 'client-id': 'app' }, ops: [{ key: 'producer_byte_rate', value: null }] }]);
      await eventually('the removal described', async () => (await carol()).every((e) => !('producer_byte_rate' in e.quotas)));
      outcomes[side.name].push(sorted(await admin.describeClientQuotas({ components: [{ entityType: 'user', match: 'carol' }, { entityType: 'client-id', match: 'app' }] })));
      outcomes[side.name].push(await admin.alterClientQuotas([{ entity: { user: 'carol' }, ops: [{ key: 'producer_byte_rate', value: -1 }] }]).then(() => 'accepted', (e: { code?: string; message: string }) => `${e.code}: ${e.message}`));
    } finally {
      await admin.close();
    }
  }
  assert.match(String(outcomes.kafka[3]), /INVALID_REQUEST/);
  assert.deepEqual(outcomes.sluice, outcomes.kafka);
});

/** Finalized feature levels and their epoch from ApiVersions v4. */
async function finalizedOf(side: Side): Promise<{ epoch: bigint; levels: string }> {
  const c = await RawConnection.open(Number(side.bootstrap.split(':')[1]));
  try {
    const r = await c.request(Apis.ApiVersions, 4, { clientSoftwareName: 't', clientSoftwareVersion: '1' });
    const levels = r.finalizedFeatures.map((f: { name: string; maxVersionLevel: number }) => `${f.name}=${f.maxVersionLevel}`).sort().join(',');
    return { epoch: r.finalizedFeaturesEpoch, levels };
  } finally {
    c.close();
  }
}

test('UpdateFeatures and kafka-features upgrade/downgrade answer as on Kafka; the levels and a higher epoch follow in ApiVersions', { timeout: 300_000 }, async () => {
  // Checked only (validateOnly), each on its own: Kafka's answers are the expected ones.
  const [UPGRADE, SAFE, UNSAFE] = [1, 2, 3];
  const cases = [
    [{ feature: 'streams.version', maxVersionLevel: 2, upgradeType: UPGRADE }],
    [{ feature: 'no.such.feature', maxVersionLevel: 1, upgradeType: UPGRADE }],
    [{ feature: 'no.such.feature', maxVersionLevel: 0, upgradeType: SAFE }],
    [{ feature: 'group.version', maxVersionLevel: 0, upgradeType: UPGRADE }],
    [{ feature: 'kraft.version', maxVersionLevel: 1, upgradeType: SAFE }],
    [{ feature: 'kraft.version', maxVersionLevel: 0, upgradeType: SAFE }],
    [{ feature: 'metadata.version', maxVersionLevel: 21, upgradeType: SAFE }],
    [{ feature: 'metadata.version', maxVersionLevel: 21, upgradeType: UNSAFE }],
    [{ feature: 'metadata.version', maxVersionLevel: 30, upgradeType: UPGRADE }],
    [{ feature: 'share.version', maxVersionLevel: -1, upgradeType: SAFE }],
    [{ feature: 'share.version', maxVersionLevel: 0, upgradeType: 7 }],
    [{ feature: 'transaction.version', maxVersionLevel: 1, upgradeType: SAFE }, { feature: 'group.version', maxVersionLevel: 2, upgradeType: UPGRADE }],
  ];
  const answers: Record<Side['name'], unknown[]> = { sluice: [], kafka: [] };
  const before = {} as Record<Side['name'], { epoch: bigint; levels: string }>;
  for (const side of sides) {
    before[side.name] = await finalizedOf(side);
    const c = await RawConnection.open(Number(side.bootstrap.split(':')[1]));
    try {
      for (const featureUpdates of cases) answers[side.name].push(await c.request(Apis.UpdateFeatures, 2, { timeoutMs: 30_000, featureUpdates, validateOnly: true }));
      answers[side.name].push(await c.request(Apis.UpdateFeatures, 1, { timeoutMs: 30_000, featureUpdates: cases[11], validateOnly: true }));
    } finally {
      c.close();
    }
  }
  assert.deepEqual(answers.sluice, answers.kafka);
  assert.deepEqual(before.sluice.levels, before.kafka.levels);

  // The tool: one refused pair (all or nothing), then a downgrade that is made.
  const refused = await onBoth('org.apache.kafka.tools.FeatureCommand', () => ['upgrade', '--feature', 'share.version=1', '--feature', 'transaction.version=3']);
  assert.equal(refused.kafka.code, 1, refused.kafka.stdout);
  assert.deepEqual(refused.sluice, refused.kafka);
  const downgraded = await onBoth('org.apache.kafka.tools.FeatureCommand', () => ['downgrade', '--feature', 'share.version=0', '--feature', 'eligible.leader.replicas.version=0']);
  assert.equal(downgraded.kafka.code, 0, downgraded.kafka.stderr);
  assert.deepEqual(downgraded.sluice, downgraded.kafka);

  // Kafka's broker learns the new levels from the controller's log shortly after.
  const after = {} as Record<Side['name'], { epoch: bigint; levels: string }>;
  for (const side of sides) {
    after[side.name] = await eventually(`${side.name} reports the downgrade`, async () => {
      const now = await finalizedOf(side);
      return !now.levels.includes('share.version') && now;
    });
    assert.ok(after[side.name].epoch > before[side.name].epoch, `${side.name}: the epoch grows with the change`);
  }
  assert.equal(after.sluice.levels, after.kafka.levels);
});

test('kafka-metadata-quorum describe --status and --replication print the same shape as a one-node Kafka; DescribeQuorum refuses another partition alike', { timeout: 300_000 }, async () => {
  // Ids, offsets, epochs, timestamps and endpoints differ by nature: compared by kind.
  const byKind = (s: string) =>
    s
      .replace(/"directoryId": "[A-Za-z0-9_-]{22}"/g, '"directoryId": "<uuid>"')
      .replace(/"endpoints": \["[A-Z_]+:\/\/[\d.]+:\d+"\]/g, '"endpoints": ["<endpoint>"]')
      .replace(/^(ClusterId:\s+)\S+$/m, '$1<cluster id>')
      .replace(/^((?:LeaderEpoch|HighWatermark):\s+)\d+$/gm, '$1<n>')
      .split('\n')
      // --replication's columns: NodeId, DirectoryId, LogEndOffset, Lag, LastFetchTimestamp, LastCaughtUpTimestamp, Status.
      .map((line) => line.split('\t').map((cell) => cell.trim()).map((cell, i) => ([2, 4, 5].includes(i) && /^\d+$/.test(cell) ? '<n>' : /^[A-Za-z0-9_-]{22}$/.test(cell) ? '<uuid>' : cell)).join('\t'))
      .join('\n');
  for (const what of ['--status', '--replication']) {
    const r = await onBoth('org.apache.kafka.tools.MetadataQuorumCommand', () => ['describe', what]);
    assert.equal(r.kafka.code, 0, r.kafka.stderr);
    assert.equal(r.sluice.code, 0, r.sluice.stderr);
    assert.equal(byKind(r.sluice.stdout), byKind(r.kafka.stdout), `${what}\nsluice:\n${r.sluice.stdout}\nkafka:\n${r.kafka.stdout}`);
  }
  const refusals: Record<Side['name'], unknown> = { sluice: undefined, kafka: undefined };
  for (const side of sides) {
    const c = await RawConnection.open(Number(side.bootstrap.split(':')[1]));
    try {
      refusals[side.name] = await c.request(Apis.DescribeQuorum, 2, { topics: [{ topicName: '__cluster_metadata', partitions: [{ partitionIndex: 1 }] }] });
    } finally {
      c.close();
    }
  }
  assert.deepEqual(refusals.sluice, refusals.kafka);
});

/** Opens a raw connection to a side, runs `use` and closes it. */
async function withRaw<T>(side: Side, use: (c: RawConnection) => Promise<T>): Promise<T> {
  const c = await RawConnection.open(Number(side.bootstrap.split(':')[1]));
  try {
    return await use(c);
  } finally {
    c.close();
  }
}

test('AlterClientQuotas takes the ip names Kafka takes, answers once per entity in its order (a repeat: the first change made, the answer "Ignoring duplicate entity"); DescribeClientQuotas answers alike', { timeout: 120_000 }, async () => {
  const entity = (pairs: [string, string | null][]) => pairs.map(([entityType, entityName]) => ({ entityType, entityName }));
  const set = (key: string, value: number) => ({ key, value, remove: false });
  // Java's InetAddress.getByName decides on Kafka: its IPv4 forms, IPv6, host names that resolve
  // (Java refuses a NUL character, which Node's lookup throws for: the names after it must still resolve).
  const ipNames = ['localhost', 'no-such-host.invalid', '127.1', '1.2.3', '01.02.03.04', '[::1]', '[10.0.0.1]', '0x7f.1', '999.1.1.1', '1.2.3.4/24', '::ffff:1.2.3.4', 'fe80::1%1', 'local\u0000host', 'localhost'];
  const repeats = [
    [{ entity: entity([['user', 'rep-a']]), ops: [set('producer_byte_rate', 100)] }, { entity: entity([['user', 'rep-a']]), ops: [set('consumer_byte_rate', 200)] }],
    [{ entity: entity([['user', 'rep-b']]), ops: [set('producer_byte_rate', -1)] }, { entity: entity([['user', 'rep-b']]), ops: [set('consumer_byte_rate', 200)] }],
    [{ entity: entity([['user', 'rep-c'], ['client-id', 'app']]), ops: [set('producer_byte_rate', 300)] }, { entity: entity([['client-id', 'app'], ['user', 'rep-c']]), ops: [set('consumer_byte_rate', -2)] }, { entity: entity([['user', 'rep-c'], ['client-id', 'app']]), ops: [set('request_percentage', 20)] }],
    [{ entity: entity([['ip', 'no-such-host.invalid']]), ops: [set('connection_creation_rate', 5)] }, { entity: entity([['ip', 'no-such-host.invalid']]), ops: [set('connection_creation_rate', 6)] }],
    // Two values refused: Kafka checks an entity's keys in its HashMap's order, and answers the first refusal.
    [{ entity: entity([['user', 'two-bad']]), ops: [set('producer_byte_rate', -1), set('consumer_byte_rate', 1.5)] }],
    // A key named twice refuses the entity, and counts as its first entry: the next one is a repeat.
    [{ entity: entity([['user', 'rep-d']]), ops: [set('producer_byte_rate', 100), set('producer_byte_rate', 200)] }, { entity: entity([['user', 'rep-d']]), ops: [set('consumer_byte_rate', 300)] }],
    // Distinct entities: Kafka answers in its HashMap's order, not the request's.
    [
      { entity: entity([['user', 'ord-1']]), ops: [set('producer_byte_rate', 100)] },
      { entity: entity([['client-id', 'ord-2']]), ops: [set('producer_byte_rate', 100)] },
      { entity: entity([['user', 'ord-3'], ['client-id', 'ord-4']]), ops: [set('producer_byte_rate', 100)] },
      { entity: entity([['client-id', null]]), ops: [set('request_percentage', 90)] },
      { entity: entity([['group', 'g']]), ops: [set('producer_byte_rate', 100)] },
    ],
  ];
  const filters: [{ entityType: string; matchType: number; match: string | null }[], boolean][] = [
    [[{ entityType: 'user', matchType: 0, match: 'rep-a' }], true],
    [[{ entityType: 'user', matchType: 0, match: 'rep-c' }], false],
    [[{ entityType: 'user', matchType: 0, match: 'rep-c' }, { entityType: 'client-id', matchType: 2, match: null }], true],
    [[{ entityType: 'user', matchType: 0, match: 'rep-b' }], false],
    [[{ entityType: 'user', matchType: 0, match: 'rep-d' }], false],
    [[{ entityType: 'client-id', matchType: 1, match: null }], true],
    [[{ entityType: 'user', matchType: 0, match: 'nobody' }], false],
  ];
  const answers: Record<Side['name'], unknown[]> = { sluice: [], kafka: [] };
  for (const side of sides) {
    await withRaw(side, async (c) => {
      for (const ip of ipNames) answers[side.name].push(await c.request(Apis.AlterClientQuotas, 1, { entries: [{ entity: entity([['ip', ip]]), ops: [set('connection_creation_rate', 5)] }], validateOnly: true }));
      for (const validateOnly of [true, false]) for (const entries of repeats) answers[side.name].push(await c.request(Apis.AlterClientQuotas, 1, { entries, validateOnly }));
      // Kafka's broker describes from its copy of the metadata, which follows the controller's shortly.
      await eventually(`${side.name} describes the changes`, async () => {
        const r = await c.request(Apis.DescribeClientQuotas, 1, { components: [{ entityType: 'client-id', matchType: 1, match: null }], strict: true });
        return r.entries?.some((e: { values: { key: string; value: number }[] }) => e.values.some((v) => v.key === 'request_percentage' && v.value === 90));
      });
      for (const [components, strict] of filters) {
        const r = await c.request(Apis.DescribeClientQuotas, 1, { components, strict });
        answers[side.name].push({ ...r, entries: r.entries?.map((e: { entity: unknown; values: { key: string }[] }) => JSON.stringify({ ...e, values: [...e.values].sort((a, b) => a.key.localeCompare(b.key)) })).sort() });
      }
    });
  }
  assert.ok(JSON.stringify(answers.kafka).includes('Ignoring duplicate entity'), 'Kafka refused a repeat');
  assert.deepEqual(answers.sluice, answers.kafka);
});

test('a Fetch over request_percentage is answered as Kafka answers a throttled one: no records, the throttle time; they come once the quota is lifted', { timeout: 120_000 }, async () => {
  const CLIENT = 'slow-fetcher';
  const outcomes: Record<Side['name'], unknown[]> = { sluice: [], kafka: [] };
  for (const side of sides) {
    await createTopic(side, 'throttled-fetch');
    const producer = new Producer({ bootstrapServers: side.bootstrap });
    try {
      await producer.sendBatch([0, 1, 2, 3, 4].map((i) => ({ topic: 'throttled-fetch', value: `v${i}` })));
    } finally {
      await producer.close();
    }
    const quota = (remove: boolean) => ({ entries: [{ entity: [{ entityType: 'client-id', entityName: CLIENT }], ops: [{ key: 'request_percentage', value: 0.001, remove }] }], validateOnly: false });
    await withRaw(side, async (c) => {
      let correlationId = 1000;
      const fetch = async (sessionEpoch: number, sessionId = 0) => {
        // An incremental fetch lists nothing: its partition is in the session.
        const body = fetchRequestV12('throttled-fetch', [{}], { sessionEpoch, sessionId, ...(sessionEpoch > 0 ? { topics: [] } : {}) });
        const frame = await c.send(encodeRequest(Apis.Fetch, 12, ++correlationId, CLIENT, body as never));
        const r = decodeResponse(Apis.Fetch, 12, frame).body as unknown as { throttleTimeMs: number; errorCode: number; sessionId: number; responses: { partitions: { records: Buffer | null }[] }[] };
        return { ...r, nodeEndpoints: undefined, records: r.responses.map((t) => t.partitions.map((p) => p.records?.length ?? 0)) };
      };
      // A session opened before the quota, for an incremental fetch under it.
      const session = await fetch(0);
      assert.ok(session.sessionId !== 0 && session.throttleTimeMs === 0, `${side.name}: a session is opened`);
      assert.equal((await c.request(Apis.AlterClientQuotas, 1, quota(false))).entries[0].errorCode, 0);
      // Kafka's broker enforces the quota once its metadata has it; one small fetch is then over it.
      const first = await eventually(`${side.name} throttles a sessionless fetch`, async () => {
        const r = await fetch(-1);
        return r.throttleTimeMs > 0 && r;
      });
      const full = await fetch(0); // a full fetch that would open a session
      for (const r of [first, full]) outcomes[side.name].push({ throttled: r.throttleTimeMs > 0, errorCode: r.errorCode, sessionId: r.sessionId, responses: r.responses });
      const incremental = await fetch(1, session.sessionId);
      outcomes[side.name].push({ throttled: incremental.throttleTimeMs > 0, errorCode: incremental.errorCode, sameSession: incremental.sessionId === session.sessionId, responses: incremental.responses });
      assert.equal((await c.request(Apis.AlterClientQuotas, 1, quota(true))).entries[0].errorCode, 0);
      const served = await eventually(`${side.name} serves the records after the quota is lifted`, async () => {
        const r = await fetch(-1);
        return r.throttleTimeMs === 0 && r.records.flat().some((n) => n > 0) && r;
      });
      outcomes[side.name].push({ errorCode: served.errorCode, partitions: served.responses.map((t) => t.partitions.length) });
    });
  }
  assert.deepEqual(outcomes.kafka[0], { throttled: true, errorCode: 0, sessionId: 0, responses: [] });
  assert.deepEqual(outcomes.kafka[2], { throttled: true, errorCode: 0, sameSession: true, responses: [] });
  assert.deepEqual(outcomes.sluice, outcomes.kafka);
});

test('DescribeQuorum names the voter by its log directory id (directory.id in meta.properties) from kraft.version 1, by the zero id before, as Kafka; v0 and v1 answer alike', { timeout: 120_000 }, async () => {
  const logDir = { sluice: sluice.dataDir, kafka: kafka.logDir };
  const directoryIdOf = (side: Side) => /^directory\.id=(\S+)$/m.exec(readFileSync(join(logDir[side.name], 'meta.properties'), 'utf8'))?.[1];
  const quorum = (side: Side) =>
    withRaw(side, async (c) => {
      const r = await c.request(Apis.DescribeQuorum, 2, { topics: [{ topicName: '__cluster_metadata', partitions: [{ partitionIndex: 0 }] }] });
      // Offsets, times and endpoints are each cluster's own; the rest must be the same.
      const p = r.topics[0].partitions[0];
      return {
        errorCode: r.errorCode, errorMessage: r.errorMessage, topicName: r.topics[0].topicName,
        partition: { errorCode: p.errorCode, errorMessage: p.errorMessage, leaderId: p.leaderId, voters: p.currentVoters.map((v: { replicaId: number; replicaDirectoryId: string }) => [v.replicaId, v.replicaDirectoryId === directoryIdOf(side) ? '<directory.id>' : v.replicaDirectoryId]), observers: p.observers },
      };
    });
  const at: Record<Side['name'], unknown[]> = { sluice: [], kafka: [] };
  // v0 and v1 have no directory ids and no nodes (Sluice closed the connection, unable to encode its nodes).
  const older = (side: Side, version: number) =>
    withRaw(side, async (c) => {
      const r = await c.request(Apis.DescribeQuorum, version, { topics: [{ topicName: '__cluster_metadata', partitions: [{ partitionIndex: 0 }] }] });
      const kind = (n: bigint) => (n === -1n ? -1 : 'n');
      return { ...r, topics: r.topics.map((t: { partitions: Record<string, unknown>[] }) => ({ ...t, partitions: t.partitions.map((p) => ({ ...p, highWatermark: 'n', currentVoters: (p.currentVoters as Record<string, bigint>[]).map((v) => ({ ...v, logEndOffset: 'n', lastFetchTimestamp: kind(v.lastFetchTimestamp!), lastCaughtUpTimestamp: kind(v.lastCaughtUpTimestamp!) })) })) })) };
    });
  for (const side of sides) {
    for (const version of [0, 1]) at[side.name].push(await older(side, version));
    assert.match(directoryIdOf(side) ?? '', /^[A-Za-z0-9_-]{22}$/, `${side.name}: meta.properties has a directory.id`);
    assert.notEqual(directoryIdOf(side), ZERO_UUID);
    at[side.name].push(await quorum(side));
    const upgraded = await withRaw(side, (c) => c.request(Apis.UpdateFeatures, 2, { timeoutMs: 30_000, featureUpdates: [{ feature: 'kraft.version', maxVersionLevel: 1, upgradeType: 1 }], validateOnly: false }));
    at[side.name].push(upgraded);
    // Kafka's leader takes the new voter set from its log once the upgrade is committed.
    at[side.name].push(await eventually(`${side.name} names the voter by directory id`, async () => {
      const q = await quorum(side);
      return JSON.stringify(q).includes('<directory.id>') && q;
    }));
  }
  assert.deepEqual((at.kafka[2] as { partition: { voters: unknown } }).partition.voters, [[1, ZERO_UUID]]);
  assert.deepEqual(at.sluice, at.kafka);
});
