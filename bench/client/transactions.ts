/**
 * bench/client/transactions: @sluice/client's transactional producer against Java's
 * (kafka-clients 4.3.1, Tools.java txn-perf-produce) on the same broker in the same run, both in
 * ProducerPerformance's `--transactional-id --transaction-duration-ms` loop: records are sent
 * without waiting for each (Java: one send() at a time; ours: sendBatch calls of 1,000 records,
 * at most 8 outstanding, as bench/client/run.ts), and the transaction is committed once it has
 * been open for the duration (default 100 ms), then the next begins.
 *
 *   node --conditions=sluice:source bench/client/transactions.ts [--records 200000] [--size 1024]
 *        [--duration-ms 100] [--rounds 2] [--broker kafka|sluice]
 *
 * Each client keeps its own defaults otherwise (both: acks=all, idempotent, linger 5 ms, batch
 * size 16 KiB). 6 partitions, unkeyed records; the best of `rounds` runs is kept. The broker is
 * Apache Kafka 4.3.1 by default (its transaction.version 2, which both clients use), or Sluice's.
 */
import { parseArgs } from 'node:util';
import { Admin, Producer } from '@sluice/client';
import { javaTool, KAFKA_VERSION } from '@sluice/test-kit';
import { startBenchBroker } from '../lib/bench-broker.ts';

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '200000' },
    size: { type: 'string', default: '1024' },
    'duration-ms': { type: 'string', default: '100' },
    rounds: { type: 'string', default: '2' },
    broker: { type: 'string', default: 'kafka' },
  },
});
const RECORDS = Number(values.records);
const SIZE = Number(values.size);
const DURATION_MS = Number(values['duration-ms']);
const ROUNDS = Number(values.rounds);
const PARTITIONS = 6;
const CALL = 1000;
const IN_FLIGHT = 8;

interface Result {
  recordsPerSec: number;
  transactions: number;
}

let ids = 0;
const transactionalId = (who: string) => `bench-txn-${who}-${process.pid}-${ids++}`;

async function sluiceClient(bootstrap: string, topic: string): Promise<Result> {
  const producer = new Producer({ bootstrapServers: bootstrap, transactionalId: transactionalId('sluice') });
  const value = Buffer.alloc(SIZE, 'x');
  try {
    await producer.initTransactions();
    await producer.transaction((p) => p.send({ topic, value })); // metadata and connections first
    // Calls of CALL records with at most IN_FLIGHT outstanding (what bounds Java's send() is its
    // buffer memory); between calls, a transaction open for DURATION_MS is committed.
    const records = Array.from({ length: CALL }, () => ({ topic, value }));
    const outstanding: Promise<unknown>[] = [];
    const start = performance.now();
    let transactions = 0;
    let txnStart = performance.now();
    producer.beginTransaction();
    for (let sent = 0; sent < RECORDS; sent += CALL) {
      if (outstanding.length >= IN_FLIGHT) await outstanding.shift();
      outstanding.push(producer.sendBatch(records.slice(0, Math.min(CALL, RECORDS - sent))));
      if (performance.now() - txnStart >= DURATION_MS) {
        await producer.commitTransaction();
        await Promise.all(outstanding.splice(0));
        transactions++;
        producer.beginTransaction();
        txnStart = performance.now();
      }
    }
    await producer.commitTransaction();
    await Promise.all(outstanding.splice(0));
    transactions++;
    const seconds = (performance.now() - start) / 1000;
    return { recordsPerSec: RECORDS / seconds, transactions };
  } finally {
    await producer.close();
  }
}

async function javaClient(bootstrap: string, topic: string): Promise<Result> {
  const [r] = await javaTool(['txn-perf-produce', bootstrap, topic, String(RECORDS), String(SIZE), transactionalId('java'), String(DURATION_MS)], 900_000);
  return { recordsPerSec: Number(r!.recordsPerSec), transactions: Number(r!.transactions) };
}

const CLIENTS = [
  { name: 'Sluice client', run: sluiceClient },
  { name: `Java kafka-clients ${KAFKA_VERSION}`, run: javaClient },
];

async function main(): Promise<void> {
  const broker = await startBenchBroker(values.broker);
  const admin = new Admin({ bootstrapServers: broker.bootstrap });
  let topics = 0;
  try {
    console.log(`${broker.name} on ${broker.bootstrap}; ${RECORDS} records of ${SIZE} B, transactions of ${DURATION_MS} ms, ${ROUNDS} round(s), best kept`);
    const best = new Map<string, Result>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const client of CLIENTS) {
        const topic = `bench-txn-${process.pid}-${topics++}`;
        await admin.createTopics([{ name: topic, numPartitions: PARTITIONS }]);
        const r = await client.run(broker.bootstrap, topic);
        console.log(`  round ${round + 1}, ${client.name}: ${r.recordsPerSec.toFixed(0)} records/s, ${r.transactions} transactions`);
        if ((best.get(client.name)?.recordsPerSec ?? 0) < r.recordsPerSec) best.set(client.name, r);
      }
    }
    console.log('\nTransactional produce (records/s, MB/s of values)');
    for (const c of CLIENTS) {
      const r = best.get(c.name)!;
      console.log(`  ${c.name.padEnd(28)} ${r.recordsPerSec.toFixed(0)}/s ${((r.recordsPerSec * SIZE) / 1e6).toFixed(1)} MB/s (${r.transactions} transactions)`);
    }
    const [ours, java] = CLIENTS.map((c) => best.get(c.name)!.recordsPerSec);
    console.log(`  Sluice client ÷ Java: ${(ours! / java!).toFixed(2)}×`);
  } finally {
    await admin.close();
    await broker.stop();
  }
}

await main();
