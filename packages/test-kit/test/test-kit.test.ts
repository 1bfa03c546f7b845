// The kit knows the repository's layout from its own place in it; these pin the paths it reads
// (a move of the kit or of what it points at fails here, not in a suite that needs Java or Kafka).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { startBroker } from '@sluice/broker';
import { KAFKA_LOG_FIXTURES, Random, answersKafkaRequests, closedPort, eventually, realBatch, repoRoot, schema, sluiceBin } from '@sluice/test-kit';

test('repoRoot is the repository and sluiceBin its command', () => {
  assert.equal(JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).name, 'sluice');
  assert.ok(existsSync(sluiceBin), sluiceBin);
});

test('the Maven projects of the Java tools and of the Apache Kafka jars are beside the sources', () => {
  assert.ok(existsSync(join(repoRoot, 'packages', 'test-kit', 'java', 'pom.xml')));
  assert.ok(existsSync(join(repoRoot, 'packages', 'test-kit', 'java', 'src', 'main', 'java', 'dev', 'sluice', 'tests', 'Tools.java')));
  assert.ok(existsSync(join(repoRoot, 'packages', 'test-kit', 'kafka', 'pom.xml')));
});

test('the protocol schema and the captured Kafka segments are found', () => {
  assert.ok(schema.messages.length > 100, `${schema.messages.length} messages`);
  assert.ok(readdirSync(KAFKA_LOG_FIXTURES).some((f) => f.endsWith('.log')));
  const batch = realBatch('none');
  assert.equal(batch.readInt8(16), 2, 'a v2 record batch (magic byte at offset 16)');
});

test('Random is seeded: the same seed gives the same values', () => {
  const a = new Random(7);
  const b = new Random(7);
  for (let i = 0; i < 5; i++) assert.equal(a.int(0, 1000), b.int(0, 1000));
});

test('Random is mulberry32: the seeded suites (storage, assignors) replay the scenarios their seeds were chosen with', () => {
  const r = new Random(7);
  assert.deepEqual([r.next(), r.next(), r.next()], [0.011704753153026104, 0.06195825757458806, 0.97690763277933]);
  const p = new Random(7);
  assert.deepEqual([p.pick(['a', 'b', 'c']), p.int(10, 12), p.chance(0.5)], ['a', 10, false]);
});

test('eventually resolves with the first value, retries a check that throws, and names what it waited for', async () => {
  let calls = 0;
  const value = await eventually('the third call', () => {
    calls++;
    if (calls === 1) throw new Error('not yet');
    return calls === 3 ? 'done' : undefined;
  });
  assert.equal(value, 'done');
  assert.equal(calls, 3);
  assert.equal(await eventually('zero is a value', () => 0), 0);
  await assert.rejects(
    eventually('a condition that never holds', () => {
      throw new Error('still refused');
    }, 0),
    /waiting for a condition that never holds: Error: still refused/,
  );
});

test('the readiness probe answers true for a broker that answers ApiVersions and Metadata, false where nothing listens', async () => {
  const closed = await closedPort();
  try {
    assert.equal(await answersKafkaRequests(closed.port), false);
  } finally {
    await closed.release();
  }
  const broker = await startBroker({ port: 0 });
  try {
    assert.equal(await answersKafkaRequests(broker.port), true);
  } finally {
    await broker.close();
  }
  assert.equal(await answersKafkaRequests(broker.port), false);
});

test('closedPort: connecting is refused, and nothing can listen on it until it is released', async () => {
  const closed = await closedPort();
  const refused = await new Promise<string>((resolve) => {
    const s = connect(closed.port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve('connected');
    });
    s.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
  });
  assert.equal(refused, 'ECONNREFUSED');
  const listenOn = () =>
    new Promise<string>((resolve) => {
      const server = createServer();
      server.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
      server.listen(closed.port, '127.0.0.1', () => server.close(() => resolve('listening')));
    });
  assert.equal(await listenOn(), 'EADDRINUSE');
  await closed.release();
  assert.equal(await eventually('the released port to be listened on', async () => (await listenOn()) === 'listening' && 'listening', 10_000), 'listening');
});
