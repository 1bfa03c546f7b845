// isolation.level=read_committed in @sluice/client, judged against real transactions: the Java
// transactional producer (kafka-clients 4.3.1) writes committed, aborted and still-open
// transactions between non-transactional records on Apache Kafka 4.3.1 and on Sluice, with the
// same assertions on both: our consumer must see exactly what the Java consumer documents
// (committed and plain records, nothing aborted, nothing at or past the last stable offset while
// a transaction is open), ListOffsets must give the last stable offset, and the control records
// must take the same offsets as on Kafka. Without transactions the last stable offset is the
// high watermark.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { Admin, Consumer, Producer } from '@sluice/client';
import { createTopicsAndWait, onJsonLines, spawnJavaTool } from '@sluice/test-kit';
import { apacheKafkaTarget, sluiceTarget, uniqueName, type RunningTarget, type Target } from './targets.ts';
import { brokerForSuite, readAll, values } from './support/suite-broker.ts';

/** Drives Tools.java `transactions`: one command per line, resolved when Java says it is done. */
class JavaTransactions {
  private waiting: { line: string; resolve: () => void; reject: (e: Error) => void }[] = [];
  private stderr = '';

  private readonly child: ChildProcess;

  private constructor(child: ChildProcess) {
    this.child = child;
    onJsonLines(child.stdout!, ({ done }: { done: string }) => {
      const next = this.waiting.shift();
      if (!next) return;
      if (next.line === done) next.resolve();
      else next.reject(new Error(`Java answered '${done}' to '${next.line}'`));
    });
    child.stderr!.on('data', (d) => (this.stderr = (this.stderr + d).slice(-4000)));
    child.on('exit', (code) => {
      for (const w of this.waiting.splice(0)) w.reject(new Error(`the Java transactions tool exited (${code}) before '${w.line}':\n${this.stderr}`));
    });
  }

  static async start(bootstrap: string, topic: string): Promise<JavaTransactions> {
    return new JavaTransactions(await spawnJavaTool(['transactions', bootstrap, topic, uniqueName('txn')]));
  }

  async run(...lines: string[]): Promise<void> {
    for (const line of lines) {
      await new Promise<void>((resolve, reject) => {
        this.waiting.push({ line, resolve, reject });
        this.child.stdin!.write(`${line}\n`);
      });
    }
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.stdin!.end();
    await exited;
  }
}

for (const target of [apacheKafkaTarget, sluiceTarget] satisfies Target[]) describe(`read_committed on ${target.name} with the Java transactional producer`, { timeout: 600_000 }, () => {
  const suite = brokerForSuite(target);

  test('aborted records are hidden, and an open transaction holds back everything after it', async () => {
    const topic = uniqueName('read-committed');
    await createTopicsAndWait(suite.broker.bootstrap, [{ name: topic, partitions: 1 }]);
    const java = await JavaTransactions.start(suite.broker.bootstrap, topic);
    const committed = new Consumer({ bootstrapServers: suite.broker.bootstrap, isolationLevel: 'read_committed', autoOffsetReset: 'earliest', fetchMaxWaitMs: 100 });
    const uncommitted = new Consumer({ bootstrapServers: suite.broker.bootstrap, autoOffsetReset: 'earliest', fetchMaxWaitMs: 100 });
    const tp = { topic, partition: 0 };
    try {
      await java.run(
        'plain plain-1',
        'begin', 'send committed-1', 'send committed-2', 'commit',
        'begin', 'send aborted-1', 'send aborted-2', 'abort',
        'plain plain-2',
        'begin', 'send open-1',
        'plain plain-3',
      );
      // Offsets: plain-1 0, committed 1-2, marker 3, aborted 4-5, marker 6, plain-2 7 (or the other way round on Kafka), open-1 8, plain-3 9.
      committed.assign([tp]);
      uncommitted.assign([tp]);

      assert.deepEqual(values(await readAll(committed, 4)), ['plain-1', 'committed-1', 'committed-2', 'plain-2']);
      assert.equal(await committed.position(tp), 8n, 'a read_committed consumer stops at the last stable offset (the open transaction)');
      const [lso] = await suite.admin.listOffsets([{ ...tp, spec: 'latest' }], { isolationLevel: 'read_committed' });
      const [hw] = await suite.admin.listOffsets([{ ...tp, spec: 'latest' }]);
      assert.equal(lso!.offset, 8n, 'ListOffsets latest under read_committed is the last stable offset');
      assert.equal(hw!.offset, 10n);

      const all = await readAll(uncommitted, 8);
      assert.deepEqual(values(all), ['plain-1', 'committed-1', 'committed-2', 'aborted-1', 'aborted-2', 'plain-2', 'open-1', 'plain-3']);
      // Control records take offsets but are never returned. Kafka writes a transaction's markers
      // after EndTxn has answered, so plain-2, sent right after the abort, may come before the
      // abort marker (6 and 7 swap; seen on Apache Kafka 4.3.1); the commit marker is at 3 either
      // way, as the next transaction waits for it.
      const offsets = all.map((r) => r.offset);
      const missing = Array.from({ length: 10 }, (_, i) => BigInt(i)).filter((o) => !offsets.includes(o));
      assert.ok(offsets.every((o, i) => i === 0 || o > offsets[i - 1]!), `offsets increase: ${offsets}`);
      assert.equal(missing.length, 2, `two offsets are the markers, not returned: ${offsets}`);
      assert.equal(missing[0], 3n, 'the commit marker');
      assert.ok(missing[1] === 6n || missing[1] === 7n, `the abort marker at 6 or 7, not ${missing[1]}`);

      await java.run('commit');
      assert.deepEqual(values(await readAll(committed, 2)), ['open-1', 'plain-3']);
      assert.equal(await committed.position(tp), 11n, 'past the commit marker');
    } finally {
      await committed.close();
      await uncommitted.close();
      await java.close();
    }
  });
});

describe(`read_committed on ${sluiceTarget.name} without transactions`, { timeout: 120_000 }, () => {
  let broker: RunningTarget;
  before(async () => {
    broker = await sluiceTarget.start();
  });
  after(async () => {
    await broker?.stop();
  });

  test('plain records are all visible, and the last stable offset is the high watermark', async () => {
    const topic = uniqueName('read-committed');
    const admin = new Admin({ bootstrapServers: broker.bootstrap });
    const producer = new Producer({ bootstrapServers: broker.bootstrap });
    const consumer = new Consumer({ bootstrapServers: broker.bootstrap, isolationLevel: 'read_committed', autoOffsetReset: 'earliest', fetchMaxWaitMs: 100 });
    try {
      await createTopicsAndWait(broker.bootstrap, [{ name: topic, partitions: 1 }]);
      await producer.sendBatch(Array.from({ length: 20 }, (_, i) => ({ topic, partition: 0, value: `v${i}` })));
      consumer.assign([{ topic, partition: 0 }]);
      assert.deepEqual(values(await readAll(consumer, 20)), Array.from({ length: 20 }, (_, i) => `v${i}`));
      const [lso] = await admin.listOffsets([{ topic, partition: 0, spec: 'latest' }], { isolationLevel: 'read_committed' });
      assert.equal(lso!.offset, 20n);
    } finally {
      await consumer.close();
      await producer.close();
      await admin.close();
    }
  });
});
