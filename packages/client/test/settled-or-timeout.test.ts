// settledOrTimeout leaves no timer behind when the promise wins: Consumer.position() raced its
// lookup against a sleep of the whole default API timeout, and that timer kept a finished
// process alive for up to 60 s after every client had closed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { settledOrTimeout } from '../src/util.ts';

const timeouts = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

test('a promise that settles first clears the timer', async () => {
  const before = timeouts();
  await settledOrTimeout(Promise.resolve(), 60_000);
  await settledOrTimeout(Promise.reject(new Error('its owner handles it')), 60_000);
  assert.equal(timeouts(), before);
});

test('the time limit resolves while the promise is still pending', async () => {
  await settledOrTimeout(new Promise(() => {}), 5);
});

test('an abort rejects and clears the timer', async () => {
  const before = timeouts();
  const controller = new AbortController();
  const waiting = settledOrTimeout(new Promise(() => {}), 60_000, controller.signal);
  controller.abort();
  await assert.rejects(waiting);
  assert.equal(timeouts(), before);
});
