// Dynamic broker configs against Apache Kafka 4.3.1: the same raw requests go to a Sluice broker
// and to a Kafka broker (node id 1 both, the same static settings), with the same assertions, and
// the answers expected are Kafka's. Two layers, the cluster-wide default (resource "") under the
// broker's own (resource "1"), described with Kafka's sources and synonyms; the refusals (another
// broker id, a name that is no id, settings that cannot change while running); a deletion falling
// back to the layer below; the legacy AlterConfigs replacing a layer; and a restart of each broker
// on its data folder, after which everything is described as before and the topics' defaults are
// the broker's again. The restart has another min.insync.replicas in the file: the cluster-level
// one, written at the first start from the file's value (Kafka's controller writes it as it turns
// eligible leader replicas on), stays as it was.
//
// Differences left as they are: Kafka stores a dynamic setting it does not know (Sluice refuses it,
// INVALID_REQUEST, so that a typo is not silently kept), and words an invalid value differently
// (the codes are compared for it); Kafka's log.cleaner.threads and the like are not Sluice's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Apis, ErrorCode } from '@sluice/protocol';
import { startBroker } from '@sluice/broker';
import { eventually, RawConnection, startApacheKafka } from '@sluice/test-kit';

const BROKER = 4;
const TOPIC = 2;
const SET = 0;
const DELETE = 1;
/** Settings given in the file to both (test-kit's Kafka has num.partitions=1 and node.id 1 in its own). */
const STATIC = { 'log.retention.ms': '86400000', 'message.max.bytes': '900000' };
const KEYS = ['log.retention.ms', 'log.segment.bytes', 'max.connections', 'message.max.bytes', 'min.insync.replicas', 'num.partitions'];

interface Target {
  name: string;
  /** Starts the broker on `dir` (the same folder again for a restart), `edited` added to the file's settings. */
  start(dir: string, edited?: Record<string, string>): Promise<{ port: number; stop(): Promise<void> }>;
}

const targets: Target[] = [
  {
    name: 'Sluice',
    async start(dir, edited = {}) {
      const b = await startBroker({ port: 0, dataDir: dir, config: { ...STATIC, 'node.id': '1', 'num.partitions': '1', ...edited } });
      return { port: b.port, stop: () => b.close() };
    },
  },
  {
    name: 'Apache Kafka 4.3.1',
    async start(dir, edited = {}) {
      const k = await startApacheKafka({ logDir: dir, config: { ...STATIC, ...edited } });
      return { port: k.port, stop: () => k.stop() };
    },
  },
];

type Config = { name: string; value: string | null; readOnly: boolean; configSource: number; synonyms: { name: string; value: string | null; source: number }[] };

async function described(c: RawConnection, resourceName: string, keys: string[] | null = KEYS): Promise<[number, string[]]> {
  const r = await c.request(Apis.DescribeConfigs, 4, { resources: [{ resourceType: BROKER, resourceName, configurationKeys: keys }], includeSynonyms: true, includeDocumentation: false });
  const lines = r.results[0].configs.map((e: Config) => `${e.name}=${e.value} (${e.configSource}${e.readOnly ? ', read-only' : ''}) ${e.synonyms.map((s) => `${s.source}:${s.name}=${s.value}`).join(' ')}`);
  return [r.results[0].errorCode, lines.sort()];
}

async function refusal(c: RawConnection, resourceName: string): Promise<[number, string | null]> {
  const r = await c.request(Apis.DescribeConfigs, 4, { resources: [{ resourceType: BROKER, resourceName, configurationKeys: KEYS }], includeSynonyms: false, includeDocumentation: false });
  return [r.results[0].errorCode, r.results[0].errorMessage];
}

async function topicConfigs(c: RawConnection): Promise<string[]> {
  const r = await c.request(Apis.DescribeConfigs, 4, { resources: [{ resourceType: TOPIC, resourceName: 't', configurationKeys: ['retention.ms', 'segment.bytes', 'max.message.bytes'] }], includeSynonyms: false, includeDocumentation: false });
  return r.results[0].configs.map((e: Config) => `${e.name}=${e.value} (${e.configSource})`).sort();
}

async function incremental(c: RawConnection, resourceName: string, configs: [string, number, string | null][]): Promise<[number, string | null]> {
  const r = await c.request(Apis.IncrementalAlterConfigs, 1, { resources: [{ resourceType: BROKER, resourceName, configs: configs.map(([name, configOperation, value]) => ({ name, configOperation, value })) }], validateOnly: false });
  return [r.responses[0].errorCode, r.responses[0].errorMessage];
}

async function legacy(c: RawConnection, resourceName: string, configs: [string, string][]): Promise<[number, string | null]> {
  const r = await c.request(Apis.AlterConfigs, 2, { resources: [{ resourceType: BROKER, resourceName, configs: configs.map(([name, value]) => ({ name, value })) }], validateOnly: false });
  return [r.responses[0].errorCode, r.responses[0].errorMessage];
}

/** Kafka applies a change through its metadata log, a moment after answering: waited for, on both. */
async function until<T>(what: string, read: () => Promise<T>, expected: T): Promise<void> {
  let last: T | undefined;
  await eventually(what, async () => {
    last = await read();
    return JSON.stringify(last) === JSON.stringify(expected);
  }, 30_000).catch(() => assert.deepEqual(last, expected, what));
}

const BOTH_LAYERS = [
  'log.retention.ms=3600000 (2) 2:log.retention.ms=3600000 3:log.retention.ms=7200000 4:log.retention.ms=86400000 5:log.retention.hours=168',
  'log.segment.bytes=30000000 (2) 2:log.segment.bytes=30000000 3:log.segment.bytes=20000000 5:log.segment.bytes=1073741824',
  'max.connections=500 (2) 2:max.connections=500 5:max.connections=2147483647',
  'message.max.bytes=2000000 (3) 3:message.max.bytes=2000000 4:message.max.bytes=900000 5:message.max.bytes=1048588',
  'min.insync.replicas=1 (3) 3:min.insync.replicas=1 5:min.insync.replicas=1',
  'num.partitions=1 (4, read-only) 4:num.partitions=1 5:num.partitions=1',
];
const CLUSTER_LAYER = [
  'log.retention.ms=7200000 (3) 3:log.retention.ms=7200000',
  'log.segment.bytes=20000000 (3) 3:log.segment.bytes=20000000',
  'message.max.bytes=2000000 (3) 3:message.max.bytes=2000000',
  'min.insync.replicas=1 (3) 3:min.insync.replicas=1',
];
/** After the legacy AlterConfigs on "1" with message.max.bytes alone: the broker's layer is that one value. */
const REPLACED = [
  'log.retention.ms=7200000 (3) 3:log.retention.ms=7200000 4:log.retention.ms=86400000 5:log.retention.hours=168',
  'log.segment.bytes=20000000 (3) 3:log.segment.bytes=20000000 5:log.segment.bytes=1073741824',
  'max.connections=2147483647 (5) 5:max.connections=2147483647',
  'message.max.bytes=3000000 (2) 2:message.max.bytes=3000000 3:message.max.bytes=2000000 4:message.max.bytes=900000 5:message.max.bytes=1048588',
  'min.insync.replicas=1 (3) 3:min.insync.replicas=1 5:min.insync.replicas=1',
  'num.partitions=1 (4, read-only) 4:num.partitions=1 5:num.partitions=1',
];
/** The restart's file says min.insync.replicas=2: a static layer under the cluster-level value kept from the first start. */
const RESTARTED = REPLACED.map((line) => line.startsWith('min.insync.replicas=') ? 'min.insync.replicas=1 (3) 3:min.insync.replicas=1 4:min.insync.replicas=2 5:min.insync.replicas=1' : line);

for (const target of targets) {
  test(`dynamic broker configs on ${target.name}: two layers, Kafka's refusals, fallback, and a restart`, { timeout: 300_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sluice-dynamic-configs-'));
    let broker = await target.start(dir);
    let c = await RawConnection.open(broker.port);
    try {
      const created = await c.request(Apis.CreateTopics, 7, { topics: [{ name: 't', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 30_000 });
      assert.equal(created.topics[0].errorCode, ErrorCode.NONE);
      assert.deepEqual(await incremental(c, '', [['log.retention.ms', SET, '7200000'], ['message.max.bytes', SET, '2000000'], ['log.segment.bytes', SET, '20000000']]), [ErrorCode.NONE, null]);
      assert.deepEqual(await incremental(c, '1', [['log.retention.ms', SET, '3600000'], ['max.connections', SET, '500'], ['log.segment.bytes', SET, '30000000']]), [ErrorCode.NONE, null]);
      await until('the broker "1" with both layers', () => described(c, '1'), [ErrorCode.NONE, BOTH_LAYERS]);
      assert.deepEqual(await described(c, '', null), [ErrorCode.NONE, CLUSTER_LAYER], 'the resource "" holds the cluster-wide layer only');
      await until('the topic defaults', () => topicConfigs(c), ['max.message.bytes=2000000 (3)', 'retention.ms=3600000 (2)', 'segment.bytes=30000000 (2)']);

      // Refused: another broker, a name that is no id, settings that cannot change while running.
      assert.deepEqual(await incremental(c, '2', [['log.retention.ms', SET, '1000']]), [ErrorCode.INVALID_REQUEST, 'Unexpected broker id, expected 1, but received 2']);
      assert.deepEqual(await legacy(c, '2', [['log.retention.ms', '1000']]), [ErrorCode.INVALID_REQUEST, 'Unexpected broker id, expected 1, but received 2']);
      assert.deepEqual(await incremental(c, 'abc', [['log.retention.ms', SET, '1000']]), [ErrorCode.INVALID_REQUEST, 'Node id must be an integer, but it is: abc']);
      assert.deepEqual(await refusal(c, '2'), [ErrorCode.INVALID_REQUEST, 'Unexpected broker id, expected 1 or empty string, but received 2']);
      assert.deepEqual(await refusal(c, 'abc'), [ErrorCode.INVALID_REQUEST, 'Broker id must be an integer, but it is: abc']);
      assert.deepEqual(await incremental(c, '', [['log.dirs', SET, '/elsewhere']]), [ErrorCode.INVALID_REQUEST, 'Cannot update these configs dynamically: [log.dirs]']);
      assert.deepEqual(await incremental(c, '1', [['num.partitions', SET, '3']]), [ErrorCode.INVALID_REQUEST, 'Cannot update these configs dynamically: [num.partitions]']);
      assert.equal((await incremental(c, '1', [['log.retention.ms', SET, 'abc']]))[0], ErrorCode.INVALID_REQUEST, 'an invalid value');
      // Kafka takes TLS settings per broker only; Sluice's cannot change while running: refused on "" either way.
      assert.equal((await incremental(c, '', [['ssl.cipher.suites', SET, 'TLS_AES_128_GCM_SHA256']]))[0], ErrorCode.INVALID_REQUEST, 'a TLS setting for the cluster');
      // A deletion is not refused for its name (a setting that cannot change while running, one not
      // known): Kafka checks the layer as the change leaves it. A value kept from before can so go.
      assert.deepEqual(await incremental(c, '1', [['num.partitions', DELETE, null]]), [ErrorCode.NONE, null], 'deleting a static setting');
      assert.deepEqual(await incremental(c, '', [['no.such.setting', DELETE, null]]), [ErrorCode.NONE, null], 'deleting an unknown setting');
      assert.deepEqual(await described(c, '1'), [ErrorCode.NONE, BOTH_LAYERS], 'nothing refused changed anything');

      // A deletion falls back to the cluster-wide value; the legacy AlterConfigs replaces the broker's layer.
      assert.deepEqual(await incremental(c, '1', [['log.retention.ms', DELETE, null]]), [ErrorCode.NONE, null]);
      await until('the cluster-wide log.retention.ms', () => described(c, '1', ['log.retention.ms']), [ErrorCode.NONE, [REPLACED[0]]]);
      assert.deepEqual(await legacy(c, '1', [['message.max.bytes', '3000000']]), [ErrorCode.NONE, null]);
      await until('the broker layer replaced', () => described(c, '1'), [ErrorCode.NONE, REPLACED]);
    } finally {
      c.close();
      await broker.stop();
    }

    broker = await target.start(dir, { 'min.insync.replicas': '2' });
    c = await RawConnection.open(broker.port);
    try {
      await until('the broker "1" after the restart', () => described(c, '1'), [ErrorCode.NONE, RESTARTED]);
      assert.deepEqual(await described(c, '', null), [ErrorCode.NONE, CLUSTER_LAYER], 'the resource "" after the restart');
      const topicMinIsr = await c.request(Apis.DescribeConfigs, 4, { resources: [{ resourceType: TOPIC, resourceName: 't', configurationKeys: ['min.insync.replicas'] }], includeSynonyms: false, includeDocumentation: false });
      assert.deepEqual(topicMinIsr.results[0].configs.map((e: Config) => `${e.name}=${e.value} (${e.configSource})`), ['min.insync.replicas=1 (3)'], 'the topic\'s min.insync.replicas after the restart');
      await until('the topic defaults after the restart', () => topicConfigs(c), ['max.message.bytes=3000000 (2)', 'retention.ms=7200000 (3)', 'segment.bytes=20000000 (3)']);

      // APPEND to a layer starts from that layer's list, else from the default, not from the value in force.
      const APPEND = 2;
      assert.deepEqual(await incremental(c, '', [['log.cleanup.policy', SET, 'compact']]), [ErrorCode.NONE, null]);
      await until('the cluster-wide log.cleanup.policy', () => described(c, '', ['log.cleanup.policy']), [ErrorCode.NONE, ['log.cleanup.policy=compact (3) 3:log.cleanup.policy=compact']]);
      assert.deepEqual(await incremental(c, '1', [['log.cleanup.policy', APPEND, 'delete']]), [ErrorCode.NONE, null]);
      await until('log.cleanup.policy appended to on broker 1', () => described(c, '1', ['log.cleanup.policy']), [ErrorCode.NONE, ['log.cleanup.policy=delete (2) 2:log.cleanup.policy=delete 3:log.cleanup.policy=compact 5:log.cleanup.policy=delete']]);
    } finally {
      c.close();
      await broker.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
