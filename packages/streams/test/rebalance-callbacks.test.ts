// The processing loop and its rebalance callbacks take turns (runtime/stream-thread.ts), as in
// Java, where the callbacks run inside poll() on the stream thread. Under exactly_once_v2 a task
// given up commits the transaction before it goes; a record the loop processed meanwhile joined
// that transaction without its offset (its next owner processed it again: a duplicate), or, once
// the commit had begun, its output was refused ("cannot send while the producer is in state
// COMMITTING_TRANSACTION"), which failed the whole instance. Here the broker holds every
// TxnOffsetCommit a while (a loaded broker), input keeps coming, and a second instance joins:
// the first instance gives tasks up, processes nothing while its commit is in flight, stays
// up, and the committed output has every input exactly once.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type Broker, startBroker } from '@sluice/broker';
import { Admin, Consumer, Producer } from '@sluice/client';
import { KafkaStreams, Serdes, StreamsBuilder } from '@sluice/streams';
import { eventually } from '@sluice/test-kit';

const PARTITIONS = 4;
const root = mkdtempSync(join(tmpdir(), 'rebalance-callbacks-'));
let broker: Broker;
/** Transactional ids whose TxnOffsetCommit the broker holds right now. */
const held = new Map<string, number>();
/** TxnOffsetCommit requests by transactional id. */
const commits = new Map<string, number>();

before(async () => {
  broker = await startBroker({
    port: 0,
    async interceptRequest(request) {
      if (request.apiName !== 'TxnOffsetCommit') return undefined;
      const id = (request.body as { transactionalId: string }).transactionalId;
      held.set(id, (held.get(id) ?? 0) + 1);
      commits.set(id, (commits.get(id) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, 600));
      held.set(id, held.get(id)! - 1);
      return undefined;
    },
  });
});

after(async () => {
  await broker?.close();
  rmSync(root, { recursive: true, force: true });
});

/** An instance copying `in` to `out`; `onRecord` sees each record it processes. */
function instance(name: string, onRecord: (value: string) => void): KafkaStreams {
  const builder = new StreamsBuilder();
  builder
    .stream('in', { keySerde: Serdes.String(), valueSerde: Serdes.String() })
    .peek((_key, value) => onRecord(value))
    .to('out');
  return new KafkaStreams(builder.build(), {
    applicationId: 'revoke-commit',
    bootstrapServers: broker.bootstrap,
    processingGuarantee: 'exactly_once_v2',
    stateDir: join(root, name),
    // Only a revoke or a close commits (the loop's own commits would keep the race from showing),
    // and a transaction may stay open that long.
    commitIntervalMs: 600_000,
    producer: { transactionTimeoutMs: 120_000 },
  });
}

test('under exactly_once_v2 the loop processes nothing while a revoked task\'s commit is in flight; the instance stays up and every input is committed once', { timeout: 120_000 }, async () => {
  const admin = new Admin({ bootstrapServers: broker.bootstrap });
  const producer = new Producer({ bootstrapServers: broker.bootstrap, lingerMs: 5 });
  const reader = new Consumer({ bootstrapServers: broker.bootstrap, isolationLevel: 'read_committed', autoOffsetReset: 'earliest' });
  /** Inputs processed by either instance. */
  const processed = new Set<string>();
  let processedByA = 0;
  let processedByAWhileItsCommitWasHeld = 0;
  let a: KafkaStreams | null = null;
  let b: KafkaStreams | null = null;
  let sent = 0;
  let feeding = true;
  let feeder: Promise<void> = Promise.resolve();
  try {
    await admin.createTopics(['in', 'out'].map((name) => ({ name, numPartitions: PARTITIONS, replicationFactor: 1 })));
    // Input keeps coming, so that the loop has records to process when the rebalance comes.
    feeder = (async () => {
      while (feeding) {
        await producer.sendBatch(Array.from({ length: 40 }, (_, i) => ({ topic: 'in', partition: i % PARTITIONS, key: `k${i}`, value: `v${sent + i}` })));
        sent += 40;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    a = instance('a', (value) => {
      processed.add(value);
      processedByA++;
      if ((held.get(aTransactionalId()) ?? 0) > 0) processedByAWhileItsCommitWasHeld++;
    });
    const aTransactionalId = () => `revoke-commit-${a!.processId}-1`;
    const aStates: string[] = [];
    a.setStateListener((next) => aStates.push(next));
    await a.start();
    await eventually('instance a to process input', () => processedByA > 200, 60_000);
    // The second instance makes the first one give tasks up: its revoke commits, held by the broker.
    b = instance('b', (value) => processed.add(value));
    await b.start();
    await eventually('both instances to run after the rebalance', () => a!.state() !== 'REBALANCING' && b!.state() === 'RUNNING' && aStates.includes('REBALANCING'), 60_000);
    feeding = false;
    await feeder;
    assert.ok((commits.get(aTransactionalId()) ?? 0) > 0, 'instance a gave tasks up and committed before they went');
    assert.equal(processedByAWhileItsCommitWasHeld, 0, 'instance a processed records while its revoke\'s commit was in flight');
    assert.ok(!aStates.includes('ERROR'), `instance a stayed up (states: ${aStates.join(' → ')})`);
    // One at a time, each in a settled group, so that both final commits succeed.
    await b.close();
    await eventually('instance a to run every task again', () => a!.state() === 'RUNNING' && a!.metadataForLocalThreads()[0]?.activeTasks.length === PARTITIONS, 60_000);
    await eventually(`the ${sent} inputs processed`, () => processed.size >= sent, 60_000);
    await a.close();
    // Every input once in what was committed.
    reader.assign(Array.from({ length: PARTITIONS }, (_, partition) => ({ topic: 'out', partition })));
    const seen = new Map<string, number>();
    await eventually(`the ${sent} inputs in the committed output`, async () => {
      for (const r of await reader.poll({ timeoutMs: 200 })) seen.set(String(r.value), (seen.get(String(r.value)) ?? 0) + 1);
      return seen.size >= sent;
    }, 60_000);
    const twice = [...seen].filter(([, n]) => n > 1).map(([v, n]) => `${v} ×${n}`);
    assert.deepEqual(twice.slice(0, 10), [], 'no input committed twice');
    assert.equal(seen.size, sent);
  } finally {
    feeding = false;
    await feeder.catch(() => {});
    await Promise.all([a?.close(), b?.close()]).catch(() => {});
    await reader.close();
    await producer.close();
    await admin.close();
  }
});
