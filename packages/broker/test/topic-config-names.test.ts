// The topic configs are Kafka 4.3.1's, every one: DescribeConfigs of a topic lists the same names
// with the same defaults as a real 4.3.1 broker (flush.messages aside, see topic-config.ts), and
// CreateTopics takes each. aiokafka's describe_configs against both brokers showed eight missing
// (compression.lz4.level, the throttled-replica lists, the tiered-storage ones), which
// CreateTopics and AlterConfigs then refused as unknown names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Apis, ErrorCode } from '@sluice/protocol';
import { startBroker } from '../src/index.ts';
import { RawConnection } from '@sluice/test-kit';

const TOPIC = 2;
const TOPIC_CONFIG = 1;
const LONG_MAX = '9223372036854775807';

/** What Apache Kafka 4.3.1 describes for a fresh topic (DescribeConfigs v4, every key). */
const KAFKA_4_3_1_DEFAULTS: Record<string, string> = {
  'cleanup.policy': 'delete',
  'compression.gzip.level': '-1',
  'compression.lz4.level': '9',
  'compression.type': 'producer',
  'compression.zstd.level': '3',
  'delete.retention.ms': '86400000',
  'file.delete.delay.ms': '60000',
  'flush.messages': LONG_MAX,
  'flush.ms': LONG_MAX,
  'follower.replication.throttled.replicas': '',
  'index.interval.bytes': '4096',
  'leader.replication.throttled.replicas': '',
  'local.retention.bytes': '-2',
  'local.retention.ms': '-2',
  'max.compaction.lag.ms': LONG_MAX,
  'max.message.bytes': '1048588',
  'message.timestamp.after.max.ms': '3600000',
  'message.timestamp.before.max.ms': LONG_MAX,
  'message.timestamp.type': 'CreateTime',
  'min.cleanable.dirty.ratio': '0.5',
  'min.compaction.lag.ms': '0',
  'min.insync.replicas': '1',
  preallocate: 'false',
  'remote.log.copy.disable': 'false',
  'remote.log.delete.on.disable': 'false',
  'remote.storage.enable': 'false',
  'retention.bytes': '-1',
  'retention.ms': '604800000',
  'segment.bytes': '1073741824',
  'segment.index.bytes': '10485760',
  'segment.jitter.ms': '0',
  'segment.ms': '604800000',
  'unclean.leader.election.enable': 'false',
};

test('a topic describes exactly the topic configs of Kafka 4.3.1, with its defaults, and CreateTopics takes each', async () => {
  const broker = await startBroker({ port: 0 });
  const c = await RawConnection.open(broker.port);
  try {
    const create = async (name: string, configs: Record<string, string>) => {
      const r = await c.request(Apis.CreateTopics, 7, {
        topics: [{ name, numPartitions: 1, replicationFactor: 1, assignments: [], configs: Object.entries(configs).map(([n, value]) => ({ name: n, value })) }],
        timeoutMs: 5000,
      });
      return r.topics[0] as { errorCode: number; errorMessage: string | null };
    };
    const describe = async (name: string) => {
      const r = await c.request(Apis.DescribeConfigs, 4, { resources: [{ resourceType: TOPIC, resourceName: name, configurationKeys: null }], includeSynonyms: false, includeDocumentation: false });
      assert.equal(r.results[0].errorCode, ErrorCode.NONE);
      return r.results[0].configs as { name: string; value: string | null; configSource: number }[];
    };

    assert.equal((await create('plain', {})).errorCode, ErrorCode.NONE);
    const described = Object.fromEntries((await describe('plain')).map((e) => [e.name, e.value]));
    assert.deepEqual(Object.keys(described).sort(), Object.keys(KAFKA_4_3_1_DEFAULTS).sort());
    assert.deepEqual({ ...described, 'flush.messages': LONG_MAX }, KAFKA_4_3_1_DEFAULTS);

    const overrides = {
      'compression.lz4.level': '12',
      'follower.replication.throttled.replicas': '0:0',
      'leader.replication.throttled.replicas': '*',
      'local.retention.bytes': '1000',
      'local.retention.ms': '1000',
      'remote.log.copy.disable': 'true',
      'remote.log.delete.on.disable': 'true',
      'remote.storage.enable': 'false',
    };
    assert.equal((await create('set', overrides)).errorCode, ErrorCode.NONE);
    const set = (await describe('set')).filter((e) => e.name in overrides);
    assert.deepEqual(set.map((e) => [e.name, e.value, e.configSource]).sort(), Object.entries(overrides).map(([n, v]) => [n, v, TOPIC_CONFIG]).sort());

    // Values Kafka refuses, with INVALID_CONFIG: out of lz4's levels, a malformed replica list,
    // and tiered storage, which a broker without it (remote.log.storage.system.enable=false) refuses.
    const refusedByKafka: Record<string, string>[] = [{ 'compression.lz4.level': '18' }, { 'leader.replication.throttled.replicas': '0-1' }, { 'remote.storage.enable': 'true' }];
    for (const bad of refusedByKafka) {
      assert.equal((await create('refused', bad)).errorCode, ErrorCode.INVALID_CONFIG, JSON.stringify(bad));
    }
  } finally {
    c.close();
    await broker.close();
  }
});
