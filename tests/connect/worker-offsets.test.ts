/**
 * What the worker commits, on a Sluice broker: a sink task's `context.offset(...)` rewind moves the
 * consumer and what counts as committed (Kafka's WorkerSinkTask.rewind), so a commit before the
 * records come again does not commit the positions the task moved away from; and a failed write of
 * the standalone offsets file fails that commit only: the source task goes on, and the next flush
 * writes the offsets.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBroker, type Broker } from '@sluice/broker';
import { Admin, Producer } from '@sluice/client';
import { ConfigDef, SinkConnector, SinkTask, type ConnectorConfig, type SinkRecord, type TaskClass } from '@sluice/connect-api';
import { FileOffsetBackingStore, startConnectStandalone, type ConnectStandalone } from '@sluice/connect';
import { eventually } from '@sluice/test-kit';

/** What the rewinding sink saw, shared with the test (one task at a time). */
const seen = { offsets: [] as bigint[], emptyPutsAfterRewind: 0, rewound: false };

/** On its first batch that reaches offset 4, rewinds its partition to 2 and pauses it: nothing comes again until resumed. */
class RewindingSinkTask extends SinkTask {
  version(): string {
    return '1';
  }
  start(): void {}
  put(records: SinkRecord[]): void {
    for (const r of records) seen.offsets.push(r.kafkaOffset);
    if (seen.rewound && records.length === 0) seen.emptyPutsAfterRewind++;
    const last = records.at(-1);
    if (!seen.rewound && last !== undefined && last.kafkaOffset >= 4n) {
      seen.rewound = true;
      const tp = { topic: last.topic, partition: last.kafkaPartition! };
      this.context.offset([{ ...tp, offset: 2n }]);
      this.context.pause(tp);
      this.context.requestCommit();
    }
  }
  stop(): void {}
}

class RewindingSink extends SinkConnector {
  #props: ConnectorConfig = {};
  version(): string {
    return '1';
  }
  config(): ConfigDef {
    return new ConfigDef();
  }
  start(props: ConnectorConfig): void {
    this.#props = props;
  }
  taskClass(): TaskClass {
    return RewindingSinkTask;
  }
  taskConfigs(): ConnectorConfig[] {
    return [{ ...this.#props }];
  }
  stop(): void {}
}

describe('what the Connect worker commits', () => {
  let broker: Broker;
  let dir: string;
  let admin: Admin;
  let worker: ConnectStandalone;
  const log: string[] = [];

  before(async () => {
    broker = await startBroker({ port: 0, config: { 'group.initial.rebalance.delay.ms': '0' } });
    dir = mkdtempSync(join(tmpdir(), 'sluice-connect-offsets-'));
    admin = new Admin({ bootstrapServers: [broker.bootstrap] });
    worker = await startConnectStandalone({
      worker: { 'bootstrap.servers': broker.bootstrap, listeners: 'http://127.0.0.1:0', 'offset.storage.file.filename': join(dir, 'connect.offsets'), 'offset.flush.interval.ms': '200' },
      log: (l) => log.push(l),
    });
    worker.herder.worker.plugins.register('test.RewindingSink', ['sink'], () => new RewindingSink(), '1');
  });

  after(async () => {
    await worker?.stop();
    await admin?.close();
    await broker?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const sinkConfig = { name: 'rewinder', 'connector.class': 'test.RewindingSink', topics: 'rewind-in', 'value.converter': 'org.apache.kafka.connect.storage.StringConverter' };

  test('a sink task\'s rewind is what the consumer reads from and what is committed', { timeout: 60_000 }, async () => {
    await admin.createTopics([{ name: 'rewind-in', numPartitions: 1, replicationFactor: 1 }]);
    const producer = new Producer({ bootstrapServers: [broker.bootstrap] });
    await producer.sendBatch(['a', 'b', 'c', 'd', 'e'].map((value) => ({ topic: 'rewind-in', partition: 0, value })));
    await producer.close();
    await worker.herder.putConnectorConfig('rewinder', sinkConfig, false);
    // Several loops after the rewind: the requested commit and the interval's have run meanwhile.
    await eventually('the task polled on after its rewind', () => seen.emptyPutsAfterRewind >= 5, 30_000);
    await worker.herder.deleteConnector('rewinder');
    const committed = await admin.listGroupOffsets('connect-rewinder');
    const at = committed.find((c) => c.topic === 'rewind-in' && c.partition === 0)?.offset ?? null;
    // Kafka counts the rewound position as committed: nothing past it may be (5 was, before the fix).
    assert.ok(at === null || at === -1n || at <= 2n, `committed ${at} after a rewind to 2`);

    // The seek is honoured: resumed from scratch, the records from 2 on come again.
    seen.offsets = [];
    seen.rewound = true;
    await worker.herder.putConnectorConfig('rewinder', sinkConfig, false);
    await eventually('records again', () => seen.offsets.includes(4n), 30_000);
    await worker.herder.deleteConnector('rewinder');
    assert.ok(seen.offsets[0] <= 2n, `read again from ${seen.offsets[0]}`);
  });

  test('a failed write of the offsets file fails that flush only; the next one writes the offsets', { timeout: 60_000 }, async () => {
    // The store alone: a write that cannot land rejects, and the next one still writes.
    const file = join(dir, 'store', 'offsets.json');
    const store = new FileOffsetBackingStore(file);
    mkdirSync(`${file}.tmp`, { recursive: true }); // the temporary file cannot be written while a directory has its name
    await assert.rejects(store.set(new Map([['["c",{"p":1}]', '{"o":1}']])));
    rmSync(`${file}.tmp`, { recursive: true });
    await store.set(new Map([['["c",{"p":2}]', '{"o":2}']]));
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), [['["c",{"p":1}]', '{"o":1}'], ['["c",{"p":2}]', '{"o":2}']]);

    // In a worker: the source task is not failed, and once the file can be written its offsets are there.
    const offsets = join(dir, 'blocked.offsets');
    mkdirSync(`${offsets}.tmp`);
    const other = await startConnectStandalone({
      worker: { 'bootstrap.servers': broker.bootstrap, listeners: 'http://127.0.0.1:0', 'offset.storage.file.filename': offsets, 'offset.flush.interval.ms': '100' },
      log: (l) => log.push(l),
    });
    try {
      const input = join(dir, 'in.txt');
      writeFileSync(input, 'one\ntwo\nthree\n');
      await other.herder.putConnectorConfig('file-in', { name: 'file-in', 'connector.class': 'FileStreamSource', file: input, topic: 'offsets-lines' }, false);
      await eventually('a flush failed', () => log.some((l) => l.includes('failed to flush offsets')), 30_000);
      assert.equal(existsSync(offsets), false);
      assert.equal(other.herder.connectorStatus('file-in').tasks[0].state, 'RUNNING');
      rmSync(`${offsets}.tmp`, { recursive: true });
      await eventually('offsets written', () => existsSync(offsets) && (JSON.parse(readFileSync(offsets, 'utf8')) as [string, string][]).some(([, v]) => JSON.parse(v).position === 14), 30_000);
      assert.equal(other.herder.connectorStatus('file-in').tasks[0].state, 'RUNNING');
    } finally {
      await other.stop();
    }
  });
});
