// Dynamic broker configs (AlterConfigs and IncrementalAlterConfigs on the BROKER resource) as
// Kafka keeps them: two layers, the cluster-wide default (resource "") under this broker's own
// (resource "<node.id>"), both over the file's settings; they survive a restart, described as
// before it, and the topic defaults among them reach the logs again at start; deleting one falls
// back to the layer below; a power cut at any step of their write leaves the old layers or the
// new ones (never an acknowledged change lost), a failed write is in force nowhere; a stored value
// that can no longer be used is logged and skipped, not fatal. The comparison with Kafka 4.3.1 of
// the same requests is tests/broker/dynamic-broker-configs.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Apis, ErrorCode, encodeUncompressedRecordBatch } from '@sluice/protocol';
import { MemoryFileSystem, writeFileAtomic } from '@sluice/storage';
import { RawConnection } from '@sluice/test-kit';
import { Random } from '@sluice/test-kit/random';
import type { BrokerLog } from '../src/core.ts';
import { startBroker } from '../src/index.ts';

const BROKER = 4;
const TOPIC = 2;
const SET = 0;
const DELETE = 1;
const NODE = '3';
/** A static file value under the dynamic ones, so that every layer is present. */
const STATIC = { 'node.id': NODE, 'message.max.bytes': '900000', 'log.retention.ms': '86400000' };
const KEYS = ['log.retention.ms', 'message.max.bytes', 'log.segment.bytes', 'max.connections.per.ip', 'min.insync.replicas'];
const silent = { info() {}, warn() {}, error() {} };

type Config = { name: string; value: string | null; configSource: number; synonyms: { name: string; value: string | null; source: number }[] };

/** The broker resource `name` as described, with synonyms, each config as one line. */
async function described(c: RawConnection, resourceName: string, keys: string[] | null = KEYS): Promise<string[]> {
  const r = await c.request(Apis.DescribeConfigs, 4, { resources: [{ resourceType: BROKER, resourceName, configurationKeys: keys }], includeSynonyms: true, includeDocumentation: false });
  assert.equal(r.results[0].errorCode, ErrorCode.NONE, r.results[0].errorMessage);
  return r.results[0].configs.map((e: Config) => `${e.name}=${e.value} (${e.configSource}) ${e.synonyms.map((s) => `${s.source}:${s.name}=${s.value}`).join(' ')}`).sort();
}

async function topicConfig(c: RawConnection, topic: string, key: string): Promise<[string | null, number]> {
  const r = await c.request(Apis.DescribeConfigs, 4, { resources: [{ resourceType: TOPIC, resourceName: topic, configurationKeys: [key] }], includeSynonyms: false, includeDocumentation: false });
  const e = r.results[0].configs[0] as Config;
  return [e.value, e.configSource];
}

async function alter(c: RawConnection, resourceName: string, configs: [string, number, string | null][]): Promise<[number, string | null]> {
  const r = await c.request(Apis.IncrementalAlterConfigs, 1, { resources: [{ resourceType: BROKER, resourceName, configs: configs.map(([name, configOperation, value]) => ({ name, configOperation, value })) }], validateOnly: false });
  return [r.responses[0].errorCode, r.responses[0].errorMessage];
}

async function produced(c: RawConnection, topic: string, bytes: number): Promise<number> {
  const records = encodeUncompressedRecordBatch({ records: [{ value: 'x'.repeat(bytes) }] });
  const r = await c.request(Apis.Produce, 9, { acks: -1, timeoutMs: 5000, topicData: [{ name: topic, partitionData: [{ index: 0, records }] }] });
  return r.responses[0].partitionResponses[0].errorCode;
}

/** A broker on `fs`'s /data, with a connection, closed after `body`. */
async function withBroker<T>(fs: MemoryFileSystem, body: (c: RawConnection) => Promise<T>, log: BrokerLog = silent, config: Record<string, string> = STATIC): Promise<T> {
  const broker = await startBroker({ port: 0, fs, dataDir: '/data', config, log });
  const c = await RawConnection.open(broker.port);
  try {
    return await body(c);
  } finally {
    c.close();
    await broker.close().catch(() => {});
  }
}

test('both layers survive a restart, described as before it, and the topic defaults among them reach the logs again', async () => {
  const fs = new MemoryFileSystem();
  const before = await withBroker(fs, async (c) => {
    const created = await c.request(Apis.CreateTopics, 7, { topics: [{ name: 't', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 5000 });
    assert.equal(created.topics[0].errorCode, ErrorCode.NONE);
    assert.deepEqual(await alter(c, '', [['log.retention.ms', SET, '7200000'], ['message.max.bytes', SET, '2000000'], ['log.segment.bytes', SET, '20000000']]), [ErrorCode.NONE, null]);
    assert.deepEqual(await alter(c, NODE, [['log.retention.ms', SET, '3600000'], ['message.max.bytes', SET, '1000'], ['max.connections.per.ip', SET, '500']]), [ErrorCode.NONE, null]);
    assert.deepEqual(await topicConfig(c, 't', 'retention.ms'), ['3600000', 2], 'the topic default is this broker\'s value');
    assert.equal(await produced(c, 't', 2000), ErrorCode.MESSAGE_TOO_LARGE, 'this broker\'s message.max.bytes is in force');
    return { broker: await described(c, NODE), cluster: await described(c, '', null) };
  });
  // The layers as Kafka 4.3.1 describes them for the same requests (tests/broker/dynamic-broker-configs.test.ts).
  assert.deepEqual(before.broker, [
    'log.retention.ms=3600000 (2) 2:log.retention.ms=3600000 3:log.retention.ms=7200000 4:log.retention.ms=86400000 5:log.retention.hours=168',
    'log.segment.bytes=20000000 (3) 3:log.segment.bytes=20000000 5:log.segment.bytes=1073741824',
    'max.connections.per.ip=500 (2) 2:max.connections.per.ip=500 5:max.connections.per.ip=2147483647',
    'message.max.bytes=1000 (2) 2:message.max.bytes=1000 3:message.max.bytes=2000000 4:message.max.bytes=900000 5:message.max.bytes=1048588',
    'min.insync.replicas=1 (3) 3:min.insync.replicas=1 5:min.insync.replicas=1',
  ]);
  assert.deepEqual(before.cluster, [
    'log.retention.ms=7200000 (3) 3:log.retention.ms=7200000',
    'log.segment.bytes=20000000 (3) 3:log.segment.bytes=20000000',
    'message.max.bytes=2000000 (3) 3:message.max.bytes=2000000',
    'min.insync.replicas=1 (3) 3:min.insync.replicas=1',
  ]);

  await withBroker(fs, async (c) => {
    assert.deepEqual({ broker: await described(c, NODE), cluster: await described(c, '', null) }, before, 'described after the restart as before it');
    assert.deepEqual(await topicConfig(c, 't', 'retention.ms'), ['3600000', 2]);
    assert.deepEqual(await topicConfig(c, 't', 'segment.bytes'), ['20000000', 3]);
    assert.equal(await produced(c, 't', 2000), ErrorCode.MESSAGE_TOO_LARGE, 'the logs hold this broker\'s message.max.bytes from the start');

    // Deleting falls back a layer at a time: this broker's, then the cluster-wide, then the file's.
    assert.deepEqual(await alter(c, NODE, [['message.max.bytes', DELETE, null], ['log.retention.ms', DELETE, null]]), [ErrorCode.NONE, null]);
    assert.deepEqual(await topicConfig(c, 't', 'retention.ms'), ['7200000', 3]);
    assert.equal(await produced(c, 't', 2000), ErrorCode.NONE, 'the cluster-wide message.max.bytes is in force');
    assert.deepEqual(await alter(c, '', [['log.retention.ms', DELETE, null]]), [ErrorCode.NONE, null]);
    assert.deepEqual(await topicConfig(c, 't', 'retention.ms'), ['86400000', 4]);
  });
  await withBroker(fs, async (c) => {
    assert.deepEqual(await described(c, NODE, ['log.retention.ms', 'message.max.bytes', 'max.connections.per.ip']), [
      'log.retention.ms=86400000 (4) 4:log.retention.ms=86400000 5:log.retention.hours=168',
      'max.connections.per.ip=500 (2) 2:max.connections.per.ip=500 5:max.connections.per.ip=2147483647',
      'message.max.bytes=2000000 (3) 3:message.max.bytes=2000000 4:message.max.bytes=900000 5:message.max.bytes=1048588',
    ], 'the deletions were kept too');
    assert.deepEqual(await topicConfig(c, 't', 'retention.ms'), ['86400000', 4]);
  });
});

test('a power cut at any step of the write leaves the old layers or the new ones, and never loses an acknowledged change', async () => {
  const random = new Random(11);
  const seen = new Set<string>();
  let cuts = 0;
  for (let step = 0; ; step++) {
    const fs = new MemoryFileSystem();
    await withBroker(fs, async (c) => assert.deepEqual(await alter(c, '', [['log.retention.ms', SET, '7200000']]), [ErrorCode.NONE, null]));
    const acknowledged = await withBroker(fs, async (c) => {
      // Half the cuts keep a random part of what was written but not synced, as a real disk may.
      fs.scheduleCrash(step, step % 2 === 0 ? undefined : () => random.next());
      const [code] = await alter(c, NODE, [['log.retention.ms', SET, '3600000']]).catch(() => [-1]);
      return code === ErrorCode.NONE;
    });
    const crashed = fs.crashed;
    fs.powerLoss();
    fs.restart();
    const after = await withBroker(fs, (c) => described(c, NODE, ['log.retention.ms']));
    const old = 'log.retention.ms=7200000 (3) 3:log.retention.ms=7200000 4:log.retention.ms=86400000 5:log.retention.hours=168';
    const next = 'log.retention.ms=3600000 (2) 2:log.retention.ms=3600000 3:log.retention.ms=7200000 4:log.retention.ms=86400000 5:log.retention.hours=168';
    if (acknowledged) assert.deepEqual(after, [next], `step ${step}: an acknowledged change is kept`);
    else assert.ok([old, next].includes(after[0]), `step ${step}: the old layers or the new ones, not ${after[0]}`);
    seen.add(after[0] === old ? 'old' : 'new');
    if (!crashed) break; // the write got through every step before the cut
    cuts++;
  }
  assert.ok(cuts >= 3, `the write was cut at ${cuts} steps`);
  assert.deepEqual([...seen].sort(), ['new', 'old'], 'cuts before and after the rename were both reached');
});

test('a change whose write fails is answered as a failure and is in force nowhere, before or after a restart', async () => {
  const fs = new MemoryFileSystem();
  await withBroker(fs, async (c) => {
    assert.deepEqual(await alter(c, '', [['message.max.bytes', SET, '2000000']]), [ErrorCode.NONE, null]);
    fs.failNextWrite();
    const [code] = await alter(c, NODE, [['message.max.bytes', SET, '1000']]);
    assert.notEqual(code, ErrorCode.NONE, 'a change that is not on disk is not acknowledged');
    assert.deepEqual(await described(c, NODE, ['message.max.bytes']), ['message.max.bytes=2000000 (3) 3:message.max.bytes=2000000 4:message.max.bytes=900000 5:message.max.bytes=1048588']);
  });
  await withBroker(fs, async (c) => {
    assert.deepEqual(await described(c, NODE, ['message.max.bytes']), ['message.max.bytes=2000000 (3) 3:message.max.bytes=2000000 4:message.max.bytes=900000 5:message.max.bytes=1048588']);
  });
});

test('a stored value that can no longer be used is logged and skipped, the layer below in force; the rest of the file still is', async () => {
  const fs = new MemoryFileSystem();
  await withBroker(fs, async () => {});
  const stored = { version: 1, clusterDefault: { 'message.max.bytes': 'lots', 'log.retention.ms': '7200000', 'num.partitions': '4' }, perBroker: { 'log.retention.ms': '-7', 'max.connections.per.ip': '500' } };
  await writeFileAtomic(fs, '/data/dynamic-broker-configs', Buffer.from(JSON.stringify(stored)));
  const errors: string[] = [];
  await withBroker(fs, async (c) => {
    assert.deepEqual(await described(c, NODE, ['message.max.bytes', 'log.retention.ms', 'max.connections.per.ip', 'num.partitions']), [
      'log.retention.ms=7200000 (3) 3:log.retention.ms=7200000 4:log.retention.ms=86400000 5:log.retention.hours=168',
      'max.connections.per.ip=500 (2) 2:max.connections.per.ip=500 5:max.connections.per.ip=2147483647',
      'message.max.bytes=900000 (4) 4:message.max.bytes=900000 5:message.max.bytes=1048588',
      'num.partitions=1 (5) 5:num.partitions=1',
    ]);
    // The skipped values stay in the file, as in Kafka's metadata log, until deleted or replaced.
    assert.deepEqual(await alter(c, NODE, [['max.connections.per.ip', DELETE, null]]), [ErrorCode.NONE, null]);
    // min.insync.replicas was added at start: the file had none (keepElrSafetyConfigs).
    const clusterDefault = { ...stored.clusterDefault, 'min.insync.replicas': '1' };
    assert.deepEqual(JSON.parse((await fs.readFile('/data/dynamic-broker-configs')).toString()), { ...stored, clusterDefault, perBroker: { 'log.retention.ms': '-7' } });
  }, { ...silent, error: (m: string) => void errors.push(m) });
  assert.equal(errors.length, 3, errors.join('\n'));
  assert.match(errors[0], /^\/data\/dynamic-broker-configs: ignoring the dynamic broker config message\.max\.bytes=lots of the cluster-wide default \(broker ""\), which cannot be used \(.*message\.max\.bytes.*\)/);
  assert.match(errors[1], /num\.partitions=4 of the cluster-wide default .*Cannot update these configs dynamically: \[num\.partitions\]/);
  assert.match(errors[2], /log\.retention\.ms=-7 of this broker, which cannot be used/);
});

test('a stored value skipped at start can be deleted, as its log line says: a deletion is never refused for its name, as in Kafka', async () => {
  const fs = new MemoryFileSystem();
  await withBroker(fs, async () => {});
  const stored = { version: 1, clusterDefault: { 'num.partitions': '4', 'no.such.setting': 'x', 'log.retention.ms': '7200000' }, perBroker: { 'node.id': '9' } };
  await writeFileAtomic(fs, '/data/dynamic-broker-configs', Buffer.from(JSON.stringify(stored)));
  await withBroker(fs, async (c) => {
    // Kafka checks the layer as the change leaves it, in which a deleted name no longer is.
    assert.deepEqual(await alter(c, '', [['num.partitions', DELETE, null], ['no.such.setting', DELETE, null]]), [ErrorCode.NONE, null]);
    assert.deepEqual(await alter(c, NODE, [['node.id', DELETE, null]]), [ErrorCode.NONE, null]);
    assert.deepEqual(JSON.parse((await fs.readFile('/data/dynamic-broker-configs')).toString()), { version: 1, clusterDefault: { 'log.retention.ms': '7200000', 'min.insync.replicas': '1' }, perBroker: {} });
    // Setting them is still refused.
    assert.deepEqual(await alter(c, '', [['num.partitions', SET, '4']]), [ErrorCode.INVALID_REQUEST, 'Cannot update these configs dynamically: [num.partitions]']);
  }, { ...silent, error: () => {} });
});

test('a dynamic config file of the wrong shape stops the start, naming the file and what to do', async () => {
  const fs = new MemoryFileSystem();
  await withBroker(fs, async () => {});
  await writeFileAtomic(fs, '/data/dynamic-broker-configs', Buffer.from('{"version":1,"clusterDefault":{"message.max.bytes":2000}}'));
  const refused = await startBroker({ port: 0, fs, dataDir: '/data', config: STATIC, log: silent }).then((b) => b.close().then(() => undefined), (e: unknown) => e);
  assert.match(String(refused), /^StateFileError: \/data\/dynamic-broker-configs does not hold what format version 1 holds \(clusterDefault\.message\.max\.bytes is 2000, not a string\); restore it from a backup, or remove it and set the dynamic broker configs again/);
});

// Kafka 4.3.1's controller writes the cluster-level min.insync.replicas once, from its static value,
// in a new cluster's bootstrap records (ActivationRecordsGenerator, ELR being on) or when ELR is
// turned on (maybeGenerateElrSafetyRecords, only when absent); it is kept in the metadata log, so a
// restart with another min.insync.replicas in server.properties describes it as before (seen on
// Kafka 4.3.1 by tests/broker/dynamic-broker-configs.test.ts).
test('the cluster-level min.insync.replicas is the static value of the first start, kept when server.properties changes', async () => {
  const fs = new MemoryFileSystem();
  const infos: string[] = [];
  const first = await withBroker(fs, async (c) => {
    const created = await c.request(Apis.CreateTopics, 7, { topics: [{ name: 't', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 5000 });
    assert.equal(created.topics[0].errorCode, ErrorCode.NONE);
    return { broker: await described(c, NODE, ['min.insync.replicas']), cluster: await described(c, '', null), topic: await topicConfig(c, 't', 'min.insync.replicas') };
  }, { ...silent, info: (m: string) => void infos.push(m) }, { ...STATIC, 'min.insync.replicas': '2' });
  assert.deepEqual(first, {
    broker: ['min.insync.replicas=2 (3) 3:min.insync.replicas=2 4:min.insync.replicas=2 5:min.insync.replicas=1'],
    cluster: ['min.insync.replicas=2 (3) 3:min.insync.replicas=2'],
    topic: ['2', 3],
  });
  assert.ok(infos.includes('Generating cluster-level min.insync.replicas of 2.'), infos.join('\n'));
  assert.deepEqual(JSON.parse((await fs.readFile('/data/dynamic-broker-configs')).toString()), { version: 1, clusterDefault: { 'min.insync.replicas': '2' }, perBroker: {} });

  for (const edited of ['3', undefined]) {
    const config: Record<string, string> = { ...STATIC };
    if (edited !== undefined) config['min.insync.replicas'] = edited;
    await withBroker(fs, async (c) => {
      const staticLayer = edited === undefined ? '' : ` 4:min.insync.replicas=${edited}`;
      assert.deepEqual(await described(c, NODE, ['min.insync.replicas']), [`min.insync.replicas=2 (3) 3:min.insync.replicas=2${staticLayer} 5:min.insync.replicas=1`], `static ${edited}`);
      assert.deepEqual(await described(c, '', null), first.cluster, `static ${edited}`);
      assert.deepEqual(await topicConfig(c, 't', 'min.insync.replicas'), ['2', 3], `static ${edited}`);
    }, silent, config);
  }
  // Set while running, it is kept as any dynamic value.
  await withBroker(fs, async (c) => assert.deepEqual(await alter(c, '', [['min.insync.replicas', SET, '1']]), [ErrorCode.NONE, null]), silent, { ...STATIC, 'min.insync.replicas': '3' });
  await withBroker(fs, async (c) => assert.deepEqual(await described(c, '', null), ['min.insync.replicas=1 (3) 3:min.insync.replicas=1']), silent, { ...STATIC, 'min.insync.replicas': '3' });
});

// A data folder of an older Sluice has no cluster-level min.insync.replicas in its file (that Sluice
// took it from server.properties at every start): it gets this start's static value, as Kafka's
// maybeGenerateElrSafetyRecords writes it when ELR is turned on in a cluster that has none, and a
// broker-level one (only a hand edit can have put it there) is removed, as Kafka removes them.
test('a data folder without the cluster-level min.insync.replicas gets it from this start, kept from then on; a broker-level one goes', async () => {
  const fs = new MemoryFileSystem();
  await fs.mkdir('/data');
  const older = { version: 1, clusterDefault: { 'log.retention.ms': '7200000' }, perBroker: { 'min.insync.replicas': '3', 'max.connections.per.ip': '500' } };
  await writeFileAtomic(fs, '/data/dynamic-broker-configs', Buffer.from(JSON.stringify(older)));
  const infos: string[] = [];
  await withBroker(fs, async (c) => {
    assert.deepEqual(await described(c, NODE, ['min.insync.replicas']), ['min.insync.replicas=2 (3) 3:min.insync.replicas=2 4:min.insync.replicas=2 5:min.insync.replicas=1']);
  }, { ...silent, info: (m: string) => void infos.push(m) }, { ...STATIC, 'min.insync.replicas': '2' });
  assert.ok(infos.includes('Generating cluster-level min.insync.replicas of 2. Removing broker-level min.insync.replicas for this broker.'), infos.join('\n'));
  assert.deepEqual(JSON.parse((await fs.readFile('/data/dynamic-broker-configs')).toString()), {
    version: 1,
    clusterDefault: { 'log.retention.ms': '7200000', 'min.insync.replicas': '2' },
    perBroker: { 'max.connections.per.ip': '500' },
  });
  await withBroker(fs, async (c) => {
    assert.deepEqual(await described(c, NODE, ['min.insync.replicas']), ['min.insync.replicas=2 (3) 3:min.insync.replicas=2 5:min.insync.replicas=1']);
  });
});

// fixtures/state-files-v1/dynamic-broker-configs: format version 1 as a broker (node.id 0, commit
// 090edfa) wrote it on a real folder, over the wire: IncrementalAlterConfigs on "" of
// log.retention.ms 7200000, message.max.bytes 2000000 and min.insync.replicas 1, then on "0" of
// max.connections.per.ip 500 and log.segment.bytes 30000000. A broker of today must read it as written.
test('a dynamic-broker-configs file of format version 1 as a broker wrote it loads as it was written', async () => {
  const fs = new MemoryFileSystem();
  await fs.mkdir('/data');
  await writeFileAtomic(fs, '/data/dynamic-broker-configs', readFileSync(new URL('./fixtures/state-files-v1/dynamic-broker-configs', import.meta.url)));
  const broker = await startBroker({ port: 0, fs, dataDir: '/data', config: { 'message.max.bytes': '900000' }, log: silent });
  const c = await RawConnection.open(broker.port);
  try {
    assert.deepEqual(await described(c, '0', ['log.retention.ms', 'message.max.bytes', 'log.segment.bytes', 'max.connections.per.ip']), [
      'log.retention.ms=7200000 (3) 3:log.retention.ms=7200000 5:log.retention.hours=168',
      'log.segment.bytes=30000000 (2) 2:log.segment.bytes=30000000 5:log.segment.bytes=1073741824',
      'max.connections.per.ip=500 (2) 2:max.connections.per.ip=500 5:max.connections.per.ip=2147483647',
      'message.max.bytes=2000000 (3) 3:message.max.bytes=2000000 4:message.max.bytes=900000 5:message.max.bytes=1048588',
    ]);
  } finally {
    c.close();
    await broker.close();
  }
});

test('max.connections.per.ip.overrides set while running with a host that does not resolve does not stop the next start; the rest applies', async () => {
  const fs = new MemoryFileSystem();
  await withBroker(fs, async (c) => {
    // Accepted while running, as Kafka accepts it: the name is looked up afterwards.
    assert.deepEqual(await alter(c, NODE, [['max.connections.per.ip.overrides', SET, 'no-such-host.invalid:3,127.0.0.9:4']]), [ErrorCode.NONE, null]);
  });
  const warnings: string[] = [];
  await withBroker(fs, async (c) => {
    assert.deepEqual(await described(c, NODE, ['max.connections.per.ip.overrides']), ['max.connections.per.ip.overrides=no-such-host.invalid:3,127.0.0.9:4 (2) 2:max.connections.per.ip.overrides=no-such-host.invalid:3,127.0.0.9:4 5:max.connections.per.ip.overrides=']);
  }, { ...silent, warn: (m: string) => void warnings.push(m) });
  assert.ok(warnings.some((w) => /cannot resolve host no-such-host\.invalid.*the rest of the setting applies/.test(w)), warnings.join('\n'));
});
