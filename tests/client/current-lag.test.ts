// Consumer.currentLag (Java's): unknown before a fetch has answered for the partition, then the
// records between the position and the high watermark, or the last stable offset with
// read_committed (an open transaction's records do not count), on the Sluice broker.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startBroker, type Broker } from '@sluice/broker';
import { Consumer, Producer } from '@sluice/client';
import { createTopicsAndWait, eventually } from '@sluice/test-kit';

let broker: Broker;

before(async () => {
  broker = await startBroker({ port: 0 });
  await createTopicsAndWait(broker.bootstrap, [{ name: 'lag', partitions: 1 }]);
});
after(async () => {
  await broker.close();
});

test('currentLag follows the position and the end of the partition, per isolation level', async () => {
  const tp = { topic: 'lag', partition: 0 };
  const producer = new Producer({ bootstrapServers: broker.bootstrap });
  await producer.sendBatch(Array.from({ length: 10 }, (_, i) => ({ topic: 'lag', value: `v${i}` })));
  const txn = new Producer({ bootstrapServers: broker.bootstrap, transactionalId: 'lag-txn' });
  await txn.initTransactions();
  txn.beginTransaction();
  await txn.sendBatch(Array.from({ length: 5 }, (_, i) => ({ topic: 'lag', value: `t${i}` })));
  // 10 committed records, then 5 in an open transaction: high watermark 15, last stable offset 10.
  const uncommitted = new Consumer({ bootstrapServers: broker.bootstrap, autoOffsetReset: 'earliest', maxPollRecords: 3 });
  const committed = new Consumer({ bootstrapServers: broker.bootstrap, autoOffsetReset: 'earliest', maxPollRecords: 3, isolationLevel: 'read_committed' });
  try {
    for (const c of [uncommitted, committed]) {
      c.assign([tp]);
      assert.equal(c.currentLag(tp), undefined, 'no fetch has answered yet');
    }
    const first = await eventually('three records', async () => {
      const rs = await uncommitted.poll({ timeoutMs: 200 });
      return rs.length > 0 ? rs : false;
    });
    assert.equal(first.length, 3);
    assert.equal(uncommitted.currentLag(tp), 12n, 'position 3, high watermark 15');
    await eventually('three committed records', async () => (await committed.poll({ timeoutMs: 200 })).length > 0);
    assert.equal(committed.currentLag(tp), 7n, 'position 3, last stable offset 10');
    await txn.commitTransaction();
    let read = 3;
    await eventually('the read_committed consumer to reach the end', async () => {
      read += (await committed.poll({ timeoutMs: 200 })).length;
      return read >= 15 && committed.currentLag(tp) === 0n;
    });
  } finally {
    await uncommitted.close();
    await committed.close();
    await txn.close();
    await producer.close();
  }
});
