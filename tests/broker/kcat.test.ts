// kcat (librdkafka, from Debian) against Sluice: metadata listing, and produce then consume with
// each codec, keys and headers included.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startBroker, type Broker } from '@sluice/broker';
import { kcat } from '@sluice/test-kit';

let broker: Broker;
before(async () => {
  broker = await startBroker({ port: 0 });
});
after(() => broker.close());

for (const codec of ['none', 'gzip', 'snappy', 'lz4', 'zstd']) {
  test(`kcat produces and consumes with ${codec}`, async () => {
    const topic = `kcat-${codec}`;
    const lines = Array.from({ length: 500 }, (_, i) => `key${i}:value-${i}-${'x'.repeat(i % 50)}`);
    await kcat(['-b', broker.bootstrap, '-P', '-t', topic, '-z', codec, '-K:', '-H', 'origin=kcat'], lines.join('\n') + '\n');
    const out = await kcat(['-b', broker.bootstrap, '-C', '-t', topic, '-o', 'beginning', '-e', '-q', '-f', '%k:%s|%h\n']);
    assert.deepEqual(out.trim().split('\n'), lines.map((l) => `${l}|origin=kcat`));
  });
}

test('kcat -L lists the topics, the broker and its controller role', async () => {
  const out = await kcat(['-b', broker.bootstrap, '-L']);
  assert.match(out, /1 brokers:\n\s+broker 0 at .* \(controller\)/);
  for (const codec of ['none', 'zstd']) assert.match(out, new RegExp(`topic "kcat-${codec}" with 1 partitions`));
});
