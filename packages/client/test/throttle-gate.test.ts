// The client's hold on requests while a broker's throttle time runs (KIP-219): a throttle time of
// hours (the largest INT32 a broker can send) must not stall a request beyond its own limit, an
// aborted or closed one must not wait for it, and many held requests leave in the order made.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ClientErrorCode, KafkaError } from '../src/errors.ts';
import { ThrottleGate } from '../src/network/throttle.ts';

const LONGEST = 2_147_483_647;

test('a request held by a throttle time longer than its limit fails unsent with a retriable REQUEST_TIMEOUT', async () => {
  const gate = new ThrottleGate(() => null, () => 'broker 1');
  gate.throttleFor(LONGEST);
  let sent = false;
  const held = gate.hold('Fetch', undefined, 30, async () => (sent = true));
  await assert.rejects(held, (e: unknown) => e instanceof KafkaError && e.code === ClientErrorCode.REQUEST_TIMEOUT && e.retriable && /throttle time/.test(e.message));
  assert.equal(sent, false);
  assert.equal(gate.heldCount, 0);
  gate.failAll(new Error('closed'));
});

test('closing the connection fails what is held at once; aborting one leaves the others held', async () => {
  const gate = new ThrottleGate(() => null);
  gate.throttleFor(LONGEST);
  const controller = new AbortController();
  const aborted = gate.hold('Produce', controller.signal, LONGEST, async () => 'sent');
  const other = gate.hold('Metadata', undefined, LONGEST, async () => 'sent');
  controller.abort();
  await assert.rejects(aborted, { code: ClientErrorCode.ABORTED });
  assert.equal(gate.heldCount, 1);
  const closed = new Error('connection closed');
  gate.failAll(closed);
  await assert.rejects(other, closed);
  assert.equal(gate.holding, true, 'the throttle time itself still runs');
});

test('many requests held by short throttle times, renewed meanwhile, all leave, in the order made', async () => {
  const gate = new ThrottleGate(() => null);
  const order: number[] = [];
  const held: Promise<unknown>[] = [];
  gate.throttleFor(20);
  for (let i = 0; i < 1000; i++) {
    held.push(gate.hold('Produce', undefined, 60_000, async () => order.push(i)));
    if (i % 250 === 0) gate.throttleFor(10 + i / 50);
  }
  await Promise.all(held);
  assert.deepEqual(order, Array.from({ length: 1000 }, (_, i) => i));
  assert.equal(gate.holding, false);
});

test('once the last held request is aborted no timer waits out the rest of the throttle time', async () => {
  const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
  const before = timers();
  const gate = new ThrottleGate(() => null);
  gate.throttleFor(LONGEST);
  assert.equal(timers(), before, 'a throttle time alone arms nothing');
  const controller = new AbortController();
  const held = gate.hold('Fetch', controller.signal, LONGEST, async () => 'sent');
  assert.ok(timers() > before);
  controller.abort();
  await assert.rejects(held, { code: ClientErrorCode.ABORTED });
  assert.equal(timers(), before);
});
