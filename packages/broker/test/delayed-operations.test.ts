import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DelayedOperations } from '../src/delayed/delayed-operations.ts';

test('completes at once when already satisfied', async () => {
  const d = new DelayedOperations();
  assert.equal(await d.wait(['a'], 10_000, () => true), true);
  assert.equal(d.size, 0);
});

test('completes on notify of a watched key, not of others', async () => {
  const d = new DelayedOperations();
  let ready = false;
  const waiting = d.wait(['a', 'b'], 10_000, () => ready);
  d.notify('c');
  ready = true;
  d.notify('c');
  assert.equal(d.size, 1);
  d.notify('b');
  assert.equal(await waiting, true);
  assert.equal(d.size, 0);
});

test('expires after its timeout, and expireAll ends the rest', async () => {
  const d = new DelayedOperations();
  assert.equal(await d.wait(['a'], 5, () => false), false);
  const pending = d.wait(['x'], 60_000, () => false);
  d.expireAll();
  assert.equal(await pending, false);
  assert.equal(d.size, 0);
});
