// Interop of @sluice/client with clients nobody here wrote, on Sluice and on Apache Kafka 4.3.1:
// what our producer writes, the Java consumer and kcat (librdkafka) read back identically; what
// the Java producer writes, our consumer reads; a key goes to the same partition as with Java.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Consumer, type ConsumerRecord, Producer } from '@sluice/client';
import { createTopicsAndWait, javaTool, kcat } from '@sluice/test-kit';
import { targets, uniqueName, type RunningTarget } from './targets.ts';

for (const target of targets) {
  describe(`interop on ${target.name}`, { timeout: 600_000 }, () => {
    let broker: RunningTarget;
    before(async () => {
      broker = await target.start();
    });
    after(async () => {
      await broker?.stop();
    });

    async function topic(partitions: number): Promise<string> {
      const name = uniqueName('interop');
      await createTopicsAndWait(broker.bootstrap, [{ name, partitions }]);
      return name;
    }

    for (const codec of ['zstd', 'lz4'] as const) {
      test(`our producer (${codec}) → the Java consumer and kcat`, async () => {
        const name = await topic(3);
        const p = new Producer({ bootstrapServers: broker.bootstrap, compression: codec });
        const sent = await p.sendBatch(
          Array.from({ length: 500 }, (_, i) => ({ topic: name, key: `key-${i}`, value: `välue ${i} ✓`, headers: [{ key: 'n', value: String(i) }] })),
        );
        await p.close();
        const expected = new Map(sent.map((m, i) => [`${m.partition}:${m.offset}`, { key: `key-${i}`, value: `välue ${i} ✓`, headers: `n=${i}` }]));

        const java = await javaTool(['consume-assign', broker.bootstrap, name, '500']);
        assert.equal(java.length, 500);
        for (const r of java) assert.deepEqual({ key: r.key, value: r.value, headers: r.headers }, expected.get(`${r.partition}:${r.offset}`));

        const lines = (await kcat(['-b', broker.bootstrap, '-C', '-t', name, '-o', 'beginning', '-e', '-q', '-f', '%p:%o\t%k\t%s\t%h\n'])).split('\n').filter(Boolean);
        assert.equal(lines.length, 500);
        for (const line of lines) {
          const [at, key, value, headers] = line.split('\t');
          assert.deepEqual({ key, value, headers }, expected.get(at));
        }
      });
    }

    test('the Java producer (gzip) → our consumer', async () => {
      const name = await topic(3);
      const result = await javaTool(['produce', broker.bootstrap, name, '400', 'gzip']);
      assert.ok(result.some((r) => r.acked === 400));
      const c = new Consumer({ bootstrapServers: broker.bootstrap, autoOffsetReset: 'earliest', fetchMaxWaitMs: 100 });
      c.assign([0, 1, 2].map((partition) => ({ topic: name, partition })));
      const got: ConsumerRecord[] = [];
      for (const deadline = Date.now() + 60_000; got.length < 400 && Date.now() < deadline; ) got.push(...(await c.poll({ timeoutMs: 1000 })));
      await c.close();
      assert.equal(got.length, 400);
      const seen = new Set<number>();
      for (const r of got) {
        const i = Number(r.key!.toString().slice(1));
        assert.equal(r.value!.toString(), `v${i}`);
        assert.deepEqual(
          r.headers.map((h) => [h.key, h.value!.toString()]),
          [['n', String(i)]],
        );
        seen.add(i);
      }
      assert.equal(seen.size, 400);
    });

    test('keys land on the same partitions as with the Java producer', async () => {
      const name = await topic(7);
      const keys = ['', 'a', 'order-1', 'order-2', 'customer/42', 'ключ', '鍵', '🔑', 'x'.repeat(300), ...Array.from({ length: 40 }, (_, i) => `k${i * 7919}`)];
      const java = await javaTool(['partition-of', broker.bootstrap, name, ...keys]);
      const javaPartition = new Map(java.map((r) => [r.key as string, r.partition as number]));
      const p = new Producer({ bootstrapServers: broker.bootstrap });
      const ours = await p.sendBatch(keys.map((key) => ({ topic: name, key, value: key })));
      await p.close();
      keys.forEach((key, i) => assert.equal(ours[i].partition, javaPartition.get(key), `key ${JSON.stringify(key)}`));
      assert.ok(new Set(ours.map((m) => m.partition)).size > 3, 'the keys spread over the partitions');
    });
  });
}
