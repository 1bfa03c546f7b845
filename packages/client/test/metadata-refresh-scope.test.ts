// Which topics a client asks metadata for again, soon, while they are missing or leaderless
// (network/cluster.ts's TopicScope), counted as Metadata requests at a real broker:
// - an Admin keeps no topic list in Java, so topics it created, listed offsets of or looked for
//   (and that are deleted or missing) must not make it ask every retry.backoff.max.ms for ever;
// - a producer asks soon for the topics it sends to, as Java's does, and forgets a topic unused
//   for metadata.max.idle.ms (Java's ProducerMetadata), after which it stops asking for it; the
//   next send to it fetches its metadata again.
// No timing assertions: a consumer assigned a partition of a missing topic keeps asking (its
// assigned topics are needed) and serves as the clock: "while it asked N times, the Admin asked
// none". The producer's idle time runs on node:test's mocked Date (a manual clock).
import { after, before, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { type Broker, startBroker } from '@sluice/broker';
import { Admin, Consumer, Producer } from '../src/index.ts';

/** Metadata requests the broker received, in order: the sender's client id and the topics asked (null: all). */
const metadataRequests: { clientId: string | null; topics: string[] | null }[] = [];
const FAST_RETRIES = { retryBackoffMs: 10, retryBackoffMaxMs: 20 };
const MISSING = 'never-created';

let broker: Broker;
/** A client whose Metadata requests the broker holds until `release` (one refresh in flight). */
let held: { clientId: string; count: number; until: Promise<void> } | null = null;
let admin: Admin;
let clock: Consumer;

function requestsOf(clientId: string, from = 0): { clientId: string | null; topics: string[] | null }[] {
  return metadataRequests.slice(from).filter((r) => r.clientId === clientId);
}

/**
 * Polls `check` every 20 ms (real timers) until it holds. Counts attempts rather than reading
 * Date, which the producer test mocks; the limit only names what never happened.
 */
async function until(what: string, check: () => boolean, attempts = 2000): Promise<void> {
  for (let i = 0; !check(); i++) {
    if (i >= attempts) assert.fail(`never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Lets the clock consumer ask for its missing topic `times` more times. */
async function clockTicks(times: number): Promise<void> {
  const start = requestsOf('scope-clock').length;
  await until(`the clock consumer asking for '${MISSING}' ${times} more times`, () => requestsOf('scope-clock').length >= start + times);
}

before(async () => {
  broker = await startBroker({
    port: 0,
    config: { 'auto.create.topics.enable': 'false' },
    async interceptRequest(request) {
      if (request.apiName === 'Metadata') {
        const body = request.body as { topics: { name: string | null }[] | null };
        metadataRequests.push({ clientId: request.header.clientId, topics: body.topics === null ? null : body.topics.map((t) => String(t.name)) });
        if (held !== null && request.header.clientId === held.clientId) {
          held.count++;
          await held.until;
        }
      }
      return undefined;
    },
  });
  admin = new Admin({ bootstrapServers: broker.bootstrap, clientId: 'scope-admin', ...FAST_RETRIES });
  clock = new Consumer({ bootstrapServers: broker.bootstrap, clientId: 'scope-clock', ...FAST_RETRIES });
  clock.assign([{ topic: MISSING, partition: 0 }]);
});
after(async () => {
  await clock.close();
  await admin.close();
  await broker.close();
});

test('an Admin that looked at a missing or deleted topic does not keep asking for its metadata', { timeout: 120_000 }, async () => {
  await admin.createTopics([{ name: 'looked-at', numPartitions: 1, replicationFactor: 1 }]);
  await admin.listOffsets([{ topic: 'looked-at', partition: 0, spec: 'latest' }]);
  await admin.deleteTopics(['looked-at']);
  await assert.rejects(admin.describeTopics([MISSING]), { code: 'UNKNOWN_TOPIC_OR_PARTITION' });
  await assert.rejects(admin.deleteRecords([{ topic: MISSING, partition: 0, offset: 0 }]), { code: 'UNKNOWN_TOPIC_OR_PARTITION' });
  // The last call asked for both topics, missing now, in the Admin's own metadata.
  assert.deepEqual(requestsOf('scope-admin').at(-1)?.topics?.sort(), ['looked-at', MISSING]);

  const mark = metadataRequests.length;
  await clockTicks(20);
  assert.deepEqual(requestsOf('scope-admin', mark), [], 'the Admin asked for metadata on its own while the clock consumer asked 20 times');
});

test('a producer asks soon for a topic it sends to until metadata.max.idle.ms has passed unused, then forgets it', { timeout: 120_000 }, async () => {
  await admin.createTopics([
    { name: 'sent-to', numPartitions: 1, replicationFactor: 1 },
    { name: 'other', numPartitions: 1, replicationFactor: 1 },
  ]);
  const producer = new Producer({ bootstrapServers: broker.bootstrap, clientId: 'scope-producer', metadataMaxIdleMs: 5000, lingerMs: 0, ...FAST_RETRIES });
  // Only Date is mocked (the idle time); timers, sockets and the broker run for real.
  mock.timers.enable({ apis: ['Date'], now: Date.now() });
  try {
    await producer.send({ topic: 'sent-to', value: 'first' });
    mock.timers.tick(4000);
    await producer.send({ topic: 'sent-to', value: 'second, 4 s later' });
    await admin.deleteTopics(['sent-to']);
    mock.timers.tick(4000);
    // 8 s after the first send, 4 s after the last: still the producer's topic. Asking for
    // another topic shows it the deletion; a missing topic of its own is asked for again soon.
    const deleted = metadataRequests.length;
    await producer.partitionsFor('other');
    await until("the producer asking 3 times for 'sent-to', deleted", () => requestsOf('scope-producer', deleted).filter((r) => r.topics?.includes('sent-to')).length >= 3);

    mock.timers.tick(1001);
    // 5.001 s unused now: the next request leaves it out, and then nothing is unsettled.
    const idle = metadataRequests.length;
    await until("a producer Metadata request without 'sent-to'", () => requestsOf('scope-producer', idle).some((r) => !r.topics?.includes('sent-to')));
    const forgotten = requestsOf('scope-producer', idle).findIndex((r) => !r.topics?.includes('sent-to'));
    assert.deepEqual(requestsOf('scope-producer', idle)[forgotten].topics, ['other']);
    const quiet = metadataRequests.length;
    await clockTicks(20);
    assert.deepEqual(requestsOf('scope-producer', quiet), [], 'the producer asked for metadata while the clock consumer asked 20 times');

    // A forgotten topic is fetched again by the next send to it.
    await admin.createTopics([{ name: 'sent-to', numPartitions: 1, replicationFactor: 1 }]);
    const again = metadataRequests.length;
    const sent = await producer.send({ topic: 'sent-to', value: 'after it was forgotten' });
    assert.equal(sent.offset, 0n);
    assert.ok(requestsOf('scope-producer', again).some((r) => r.topics?.includes('sent-to')));
  } finally {
    mock.timers.reset();
    await producer.close();
  }
});

test('a send to a topic forgotten for idleness while a refresh is out puts it back in the requests, and is delivered', { timeout: 120_000 }, async () => {
  await admin.createTopics([
    { name: 'idle-then-sent', numPartitions: 1, replicationFactor: 1 },
    { name: 'asked-meanwhile', numPartitions: 1, replicationFactor: 1 },
  ]);
  const producer = new Producer({ bootstrapServers: broker.bootstrap, clientId: 'scope-race', metadataMaxIdleMs: 5000, lingerMs: 0, ...FAST_RETRIES });
  mock.timers.enable({ apis: ['Date'], now: Date.now() });
  let release!: () => void;
  try {
    await producer.send({ topic: 'idle-then-sent', value: 'first' });
    mock.timers.tick(6000);
    // A refresh leaves the idle topic out and is held at the broker; meanwhile a send finds the
    // topic's old metadata, which that refresh's answer will no longer have.
    held = { clientId: 'scope-race', count: 0, until: new Promise<void>((resolve) => (release = resolve)) };
    const asked = producer.partitionsFor('asked-meanwhile');
    await until('the refresh held at the broker', () => held!.count > 0);
    let delivered: bigint | null = null;
    const sent = producer.send({ topic: 'idle-then-sent', value: 'during the refresh' }).then((m) => (delivered = m.offset));
    held = null;
    release();
    await asked;
    await until("the send during the refresh delivered (its topic asked for again)", () => delivered !== null);
    await sent;
    assert.equal(delivered, 1n);
  } finally {
    held = null;
    release?.();
    mock.timers.reset();
    await producer.close();
  }
});
