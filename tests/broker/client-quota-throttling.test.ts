// Client quotas against our own producer and consumer, which send as fast as they can: set by
// client id through the Admin client, they hold each client near its byte rate. 400 kB under a
// 100 kB/s quota (two 1-second windows) cannot take much less than 3 s; unthrottled it takes a few
// ms. Asserted loosely, as a lower bound on the time (a slow machine only makes it longer): at
// most 3x the quota on average, with throttle events for the client and every record delivered.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import diagnosticsChannel from 'node:diagnostics_channel';
import { type Broker, BrokerChannels, type BrokerThrottleMessage, startBroker } from '@sluice/broker';
import { Admin, ClientChannels, ClientErrorCode, Consumer, KafkaError, Producer } from '@sluice/client';

const RATE = 100_000;
const RECORDS = 40;
const VALUE = 10_000;
const TOTAL = RECORDS * VALUE;

let broker: Broker;
const throttles: BrokerThrottleMessage[] = [];
const onThrottle = (m: unknown) => throttles.push(m as BrokerThrottleMessage);

before(async () => {
  broker = await startBroker({ port: 0, config: { 'quota.window.num': '2', 'quota.window.size.seconds': '1' } });
  diagnosticsChannel.subscribe(BrokerChannels.throttle, onThrottle);
  const admin = new Admin({ bootstrapServers: broker.bootstrap });
  try {
    await admin.createTopics([{ name: 'metered', numPartitions: 1, replicationFactor: 1 }]);
    await admin.alterClientQuotas([
      { entity: { 'client-id': 'metered-producer' }, ops: [{ key: 'producer_byte_rate', value: RATE }] },
      { entity: { 'client-id': 'metered-consumer' }, ops: [{ key: 'consumer_byte_rate', value: RATE }] },
      { entity: { 'client-id': 'patient-producer' }, ops: [{ key: 'producer_byte_rate', value: RATE / 10 }] },
      { entity: { 'client-id': 'starved-producer' }, ops: [{ key: 'producer_byte_rate', value: 1 }] },
    ]);
  } finally {
    await admin.close();
  }
});

after(async () => {
  diagnosticsChannel.unsubscribe(BrokerChannels.throttle, onThrottle);
  await broker?.close();
});

test('a producer is held near its producer_byte_rate', { timeout: 120_000 }, async () => {
  const producer = new Producer({ bootstrapServers: broker.bootstrap, clientId: 'metered-producer', lingerMs: 0 });
  try {
    const started = Date.now();
    // In rounds, as an application sends: a round already sent is answered at once with its
    // throttle time; the mute then holds the next round back.
    for (let round = 0; round < RECORDS / 5; round++) {
      await producer.sendBatch(Array.from({ length: 5 }, (_, i) => ({ topic: 'metered', key: `k${round * 5 + i}`, value: Buffer.alloc(VALUE, i) })));
    }
    const elapsed = Date.now() - started;
    assert.ok(TOTAL / (elapsed / 1000) <= 3 * RATE, `${TOTAL} bytes in ${elapsed} ms`);
  } finally {
    await producer.close();
  }
  assert.ok(throttles.some((t) => t.quotaType === 'producer_byte_rate' && t.clientId === 'metered-producer' && t.throttleTimeMs > 0));
});

test('a consumer is held near its consumer_byte_rate and still gets every record', { timeout: 120_000 }, async () => {
  const consumer = new Consumer({ bootstrapServers: broker.bootstrap, clientId: 'metered-consumer', autoOffsetReset: 'earliest', fetchMaxWaitMs: 100 });
  try {
    consumer.assign([{ topic: 'metered', partition: 0 }]);
    const started = Date.now();
    const keys = new Set<string>();
    while (keys.size < RECORDS) {
      for (const r of await consumer.poll({ timeoutMs: 1000 })) keys.add(String(r.key));
      assert.ok(Date.now() - started < 60_000, `read ${keys.size} of ${RECORDS} records within a minute`);
    }
    const elapsed = Date.now() - started;
    assert.ok(TOTAL / (elapsed / 1000) <= 3 * RATE, `${TOTAL} bytes in ${elapsed} ms`);
  } finally {
    await consumer.close();
  }
  assert.ok(throttles.some((t) => t.quotaType === 'consumer_byte_rate' && t.clientId === 'metered-consumer' && t.throttleTimeMs > 0));
});

test('our producer waits out a throttle time longer than its request timeout instead of timing out (KIP-219)', { timeout: 120_000 }, async () => {
  const failures: string[] = [];
  const onRequest = (m: unknown) => {
    const r = m as { clientId: string; apiName: string; error?: { code?: string } };
    if (r.clientId === 'patient-producer' && r.error !== undefined) failures.push(`${r.apiName}: ${r.error.code}`);
  };
  diagnosticsChannel.subscribe(ClientChannels.request, onRequest);
  // 10 kB/s: 50 kB at once is throttled for (50-10)/10 * 1 s = 4 s, longer than the 1.5 s request timeout.
  const producer = new Producer({ bootstrapServers: broker.bootstrap, clientId: 'patient-producer', lingerMs: 0, requestTimeoutMs: 1500 });
  try {
    const round = (n: number) => producer.sendBatch(Array.from({ length: 5 }, (_, i) => ({ topic: 'metered', key: `p${n}-${i}`, value: Buffer.alloc(VALUE, i) })));
    await round(0);
    const throttled = throttles.filter((t) => t.clientId === 'patient-producer');
    assert.ok(throttled.some((t) => t.throttleTimeMs > 1500), `throttled longer than the request timeout: ${throttled.map((t) => t.throttleTimeMs).join(', ')}`);
    await round(1);
  } finally {
    await producer.close();
    diagnosticsChannel.unsubscribe(ClientChannels.request, onRequest);
  }
  assert.deepEqual(failures, [], 'no request timed out');
});

test('a throttle time of hours fails our producer\'s next send at its delivery timeout instead of holding it that long', { timeout: 120_000 }, async () => {
  // 1 B/s: 10 kB at once is throttled for about (10000 - 1) / 1 * 1 s, close to three hours.
  const producer = new Producer({ bootstrapServers: broker.bootstrap, clientId: 'starved-producer', lingerMs: 0, requestTimeoutMs: 500, deliveryTimeoutMs: 1000, retryBackoffMs: 100 });
  try {
    await producer.send({ topic: 'metered', key: 'first', value: Buffer.alloc(VALUE) });
    assert.ok(throttles.some((t) => t.clientId === 'starved-producer' && t.throttleTimeMs > 3_600_000), 'throttled for more than an hour');
    await assert.rejects(producer.send({ topic: 'metered', key: 'second', value: Buffer.alloc(10) }), (e: unknown) => {
      // Held unsent until the delivery timeout, then failed with the reason (no hang of hours).
      assert.ok(e instanceof KafkaError && (e.code === ClientErrorCode.REQUEST_TIMEOUT || e.code === ClientErrorCode.DELIVERY_TIMEOUT) && /throttle time/.test(e.message), String(e));
      return true;
    });
  } finally {
    await producer.close();
  }
});
