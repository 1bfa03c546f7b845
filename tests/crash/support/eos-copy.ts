// The consume-transform-produce loop of the exactly-once checker (../txn-exactly-once.test.ts)
// written with @sluice/client, doing what Tools.java `eos-copy` does with the Java clients:
//
//   eos-copy.ts BOOTSTRAP INPUT OUTPUT GROUP TXN_ID
//
// assign() every INPUT partition from GROUP's committed offsets (read_committed), copy each poll
// to OUTPUT (input partition p to 2p or 2p+1 by offset parity, so that a transaction spans up to
// twice as many partitions) in one transaction together with the consumed offsets
// (sendOffsetsToTransaction), until every INPUT partition is copied to its end. It rides out
// broker restarts: a retriable error is tried again, an abortable one aborts the transaction and
// rewinds to the committed offsets, anything else ends the process with status 1. Every 4th
// transaction is aborted on purpose and its records read again. stderr: "offsets T" before
// sendOffsetsToTransaction, "ending T commit|abort" before EndTxn, then "committed T COPIED" or
// "aborted T"; stdout at the end:
// {"done":true,"copied":N,"transactions":T,"aborted":A}.
import { Consumer, KafkaError, Producer, type TopicPartition } from '@sluice/client';

const [bootstrap, input, output, group, transactionalId] = process.argv.slice(2) as [string, string, string, string, string];
const consumer = new Consumer({ bootstrapServers: bootstrap, groupId: group, enableAutoCommit: false, isolationLevel: 'read_committed', maxPollRecords: 200, fetchMaxWaitMs: 100 });
const producer = new Producer({ bootstrapServers: bootstrap, transactionalId, transactionTimeoutMs: 20_000, maxBlockMs: 20_000, lingerMs: 5 });

const retriable = (err: unknown) => err instanceof KafkaError && (err.category === 'retriable' || err.category === 'refresh-retriable');

/** Tries `op` again after a retriable error (a broker restarting), up to 20 times. */
async function untilDone<T>(what: string, op: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await op();
    } catch (err) {
      if (!retriable(err) || attempt === 20) throw err;
      console.error(`retriable error in ${what}, trying again: ${(err as Error).message}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

const key = (tp: TopicPartition) => `${tp.topic}/${tp.partition}`;

async function rewindToCommitted(parts: readonly TopicPartition[]): Promise<void> {
  for (const c of await untilDone('committed', () => consumer.committed(parts))) consumer.seek(c, c.offset ?? 0n);
}

async function main(): Promise<void> {
  await untilDone('initTransactions', () => producer.initTransactions());
  const parts = (await untilDone('partitionsFor', () => producer.partitionsFor(input))).map((p) => ({ topic: input, partition: p.partition }));
  consumer.assign(parts);
  const end = new Map((await untilDone('endOffsets', () => consumer.endOffsets(parts))).map((o) => [key(o), o.offset]));
  await rewindToCommitted(parts);
  let transactions = 0;
  let aborted = 0;
  let attempts = 0;
  for (;;) {
    let copied = 0n;
    let done = true;
    for (const tp of parts) {
      const position = await untilDone('position', () => consumer.position(tp));
      copied += position;
      if (position < end.get(key(tp))!) done = false;
    }
    if (done) {
      console.log(JSON.stringify({ done: true, copied: Number(copied), transactions, aborted }));
      return;
    }
    const records = await untilDone('poll', () => consumer.poll({ timeoutMs: 200 }));
    if (records.length === 0) continue;
    try {
      producer.beginTransaction();
      const offsets = new Map<number, bigint>();
      for (const r of records) {
        // A failed send also fails the commit (the transaction becomes abortable): that is where it is handled.
        producer.send({ topic: output, partition: r.partition * 2 + Number(r.offset % 2n), key: r.key, value: r.value }).catch(() => {});
        offsets.set(r.partition, r.offset + 1n);
      }
      console.error(`offsets ${transactions}`);
      await untilDone('sendOffsetsToTransaction', () => producer.sendOffsetsToTransaction([...offsets].map(([partition, offset]) => ({ topic: input, partition, offset })), { groupId: group }));
      if (attempts++ % 4 === 3) {
        // On purpose: the records and offsets must vanish, and be copied again.
        console.error(`ending ${transactions} abort`);
        await untilDone('abortTransaction', () => producer.abortTransaction());
        console.error(`aborted ${transactions}`);
        aborted++;
        await rewindToCommitted(parts);
        continue;
      }
      console.error(`ending ${transactions} commit`);
      await untilDone('commitTransaction', () => producer.commitTransaction());
      let total = 0n;
      for (const tp of parts) total += await consumer.position(tp);
      console.error(`committed ${transactions} ${total}`);
      transactions++;
    } catch (err) {
      if (!(err instanceof KafkaError) || err.category !== 'abortable') throw err;
      console.error(`aborting after ${err.message}`);
      await untilDone('abortTransaction', () => producer.abortTransaction());
      aborted++;
      await rewindToCommitted(parts);
    }
  }
}

try {
  await main();
  await consumer.close();
  await producer.close();
} catch (err) {
  console.error(err);
  process.exit(1);
}
