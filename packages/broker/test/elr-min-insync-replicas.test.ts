// Kafka 4.x's controller, before it enables ELR (eligible.leader.replicas.version 1, finalized on
// every new cluster since 4.1 and by Sluice), writes the cluster-level min.insync.replicas with the
// static value, and then refuses its removal (ConfigurationControlManager: "Cluster-level
// min.insync.replicas cannot be removed while ELR is enabled.", INVALID_CONFIG). So a fresh Kafka
// 4.3.1 describes min.insync.replicas, for the broker and for every topic, as
// DYNAMIC_DEFAULT_BROKER_CONFIG (seen through sarama's and aiokafka's DescribeConfigs against both
// brokers). The same source holds for any broker-level topic default set while running.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Apis, ErrorCode } from '@sluice/protocol';
import { startBroker } from '../src/index.ts';
import { RawConnection } from '@sluice/test-kit';

const TOPIC = 2;
const BROKER = 4;
const SET = 0;
const DELETE = 1;
const STATIC_BROKER_CONFIG = 4;
const DYNAMIC_DEFAULT_BROKER_CONFIG = 3;

async function describe(c: RawConnection, resourceType: number, resourceName: string, name: string) {
  const r = await c.request(Apis.DescribeConfigs, 4, { resources: [{ resourceType, resourceName, configurationKeys: [name] }], includeSynonyms: false, includeDocumentation: false });
  assert.equal(r.results[0].errorCode, ErrorCode.NONE, r.results[0].errorMessage);
  const e = r.results[0].configs.find((x: { name: string }) => x.name === name);
  return e === undefined ? undefined : { value: e.value as string, source: e.configSource as number };
}

async function alter(c: RawConnection, resourceName: string, name: string, configOperation: number, value: string | null) {
  const r = await c.request(Apis.IncrementalAlterConfigs, 1, { resources: [{ resourceType: BROKER, resourceName, configs: [{ name, configOperation, value }] }], validateOnly: false });
  return { errorCode: r.responses[0].errorCode as number, errorMessage: r.responses[0].errorMessage as string | null };
}

test('a fresh broker holds min.insync.replicas as the cluster-level dynamic default, which cannot be removed', async () => {
  const broker = await startBroker({ port: 0, config: { 'min.insync.replicas': '1', 'log.retention.ms': '7200000' } });
  const c = await RawConnection.open(broker.port);
  try {
    const created = await c.request(Apis.CreateTopics, 7, { topics: [{ name: 't', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 5000 });
    assert.equal(created.topics[0].errorCode, ErrorCode.NONE);
    const cluster = { value: '1', source: DYNAMIC_DEFAULT_BROKER_CONFIG };
    assert.deepEqual(await describe(c, TOPIC, 't', 'min.insync.replicas'), cluster);
    assert.deepEqual(await describe(c, BROKER, '', 'min.insync.replicas'), cluster);
    assert.deepEqual(await describe(c, BROKER, String(broker.nodeId), 'min.insync.replicas'), cluster);

    assert.deepEqual(await alter(c, '', 'min.insync.replicas', DELETE, null), {
      errorCode: ErrorCode.INVALID_CONFIG,
      errorMessage: 'Cluster-level min.insync.replicas cannot be removed while ELR is enabled.',
    });
    assert.deepEqual(await describe(c, TOPIC, 't', 'min.insync.replicas'), cluster);

    // a broker-level topic default: static from the file, then the cluster's once set while running
    assert.deepEqual(await describe(c, TOPIC, 't', 'retention.ms'), { value: '7200000', source: STATIC_BROKER_CONFIG });
    assert.deepEqual(await alter(c, '', 'log.retention.ms', SET, '3600000'), { errorCode: ErrorCode.NONE, errorMessage: null });
    assert.deepEqual(await describe(c, TOPIC, 't', 'retention.ms'), { value: '3600000', source: DYNAMIC_DEFAULT_BROKER_CONFIG });
    assert.deepEqual(await alter(c, '', 'min.insync.replicas', SET, '1'), { errorCode: ErrorCode.NONE, errorMessage: null });
    assert.deepEqual(await describe(c, TOPIC, 't', 'min.insync.replicas'), cluster);
  } finally {
    c.close();
    await broker.close();
  }
});
