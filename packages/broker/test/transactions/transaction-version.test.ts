// The transaction.version setting: ApiVersions finalizes the feature at that level (level 0 is
// left out, as Kafka does), and the Java producer (kafka-clients 4.3.1) follows it: at 2 it adds
// partitions through Produce v12 and ends with EndTxn v5 (KIP-890), at 1 it sends
// AddPartitionsToTxn and an older EndTxn. The requests are seen on the broker's request channel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import diagnosticsChannel from 'node:diagnostics_channel';
import { Apis } from '@sluice/protocol';
import { RawConnection, onJsonLines, spawnJavaTool } from '@sluice/test-kit';
import { BrokerChannels, type BrokerRequestMessage, startBroker } from '../../src/index.ts';

async function finalized(level: string) {
  const broker = await startBroker({ port: 0, config: { 'transaction.version': level } });
  const c = await RawConnection.open(broker.port);
  try {
    const r = await c.request(Apis.ApiVersions, 4, { clientSoftwareName: 'test', clientSoftwareVersion: '1' });
    // Only transaction.version follows this setting; the other features are finalized as Kafka 4.3.1's (tests of features.ts).
    return r.finalizedFeatures
      .filter((f: { name: string }) => f.name === 'transaction.version')
      .map((f: { name: string; minVersionLevel: number; maxVersionLevel: number }) => `${f.name}=${f.minVersionLevel}-${f.maxVersionLevel}`);
  } finally {
    c.close();
    await broker.close();
  }
}

test('ApiVersions finalizes transaction.version at the configured level, leaving level 0 out', async () => {
  assert.deepEqual(await finalized('2'), ['transaction.version=2-2']);
  assert.deepEqual(await finalized('1'), ['transaction.version=1-1']);
  assert.deepEqual(await finalized('0'), []);
  await assert.rejects(startBroker({ port: 0, config: { 'transaction.version': '3' } }), /transaction\.version/);
});

/** The APIs and versions a Java transactional producer sends for one committed transaction. */
async function javaTransaction(level: string): Promise<string[]> {
  const broker = await startBroker({ port: 0, config: { 'transaction.version': level } });
  const seen: string[] = [];
  const listener = (m: unknown) => {
    const r = m as BrokerRequestMessage;
    if (['AddPartitionsToTxn', 'EndTxn', 'Produce', 'InitProducerId'].includes(r.apiName)) seen.push(`${r.apiName} v${r.apiVersion}`);
  };
  diagnosticsChannel.subscribe(BrokerChannels.request, listener);
  try {
    const c = await RawConnection.open(broker.port);
    await c.request(Apis.CreateTopics, 7, { topics: [{ name: 't', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 5000 });
    c.close();
    const child = await spawnJavaTool(['transactions', broker.bootstrap, 't', `tv${level}`]);
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
    const done: string[] = [];
    onJsonLines(child.stdout!, ({ done: d }: { done: string }) => done.push(d));
    // 'close', not 'exit': Node may emit 'exit' before the last lines have been read.
    const exited = new Promise((r) => child.once('close', r));
    child.stdin!.end('begin\nsend one\ncommit\n');
    await exited;
    assert.deepEqual(done, ['begin', 'send one', 'commit'], stderr);
    return [...new Set(seen)];
  } finally {
    diagnosticsChannel.unsubscribe(BrokerChannels.request, listener);
    await broker.close();
  }
}

test('the Java producer uses transactions version 2 when the broker finalizes it, and version 1 when not', { timeout: 300_000 }, async () => {
  const v2 = await javaTransaction('2');
  assert.ok(v2.includes('Produce v12') && v2.includes('EndTxn v5') && !v2.some((x) => x.startsWith('AddPartitionsToTxn')), v2.join(', '));
  const v1 = await javaTransaction('1');
  assert.ok(v1.some((x) => x.startsWith('AddPartitionsToTxn')) && !v1.includes('EndTxn v5') && !v1.includes('Produce v12'), v1.join(', '));
});
