// How consume notices a cluster that went away, with checks the test runs one interval at a time
// (the command itself: tests/e2e/cli-lost-cluster.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CONNECTION_CHECK_EVERY_MS, ConnectionWatch, connectionCheckInterval } from '../src/connection-watch.ts';

test('reports a lost cluster once, and once when it is back; records in an interval skip its check', async () => {
  let reachable = true;
  let checks = 0;
  const events: string[] = [];
  const watch = new ConnectionWatch(
    async () => {
      checks++;
      if (!reachable) throw new Error('cannot connect to 127.0.0.1:9092 (connection refused)');
    },
    (reason) => events.push(`lost: ${reason.message}`),
    () => events.push('back'),
  );
  await watch.tick();
  assert.equal(checks, 1);
  watch.sawRecords();
  await watch.tick();
  assert.equal(checks, 1, 'records arrived: no need to ask');
  reachable = false;
  await watch.tick();
  await watch.tick();
  await watch.tick();
  assert.deepEqual(events, ['lost: cannot connect to 127.0.0.1:9092 (connection refused)']);
  assert.equal(checks, 4);
  reachable = true;
  await watch.tick();
  await watch.tick();
  assert.deepEqual(events, ['lost: cannot connect to 127.0.0.1:9092 (connection refused)', 'back']);
});

test('one check at a time, however slow', async () => {
  let release!: () => void;
  let checks = 0;
  const watch = new ConnectionWatch(
    () => {
      checks++;
      return new Promise<void>((resolve) => (release = resolve));
    },
    () => assert.fail('not lost'),
  );
  const first = watch.tick();
  await watch.tick();
  assert.equal(checks, 1);
  release();
  await first;
  void watch.tick();
  assert.equal(checks, 2);
  release();
});

test('SLUICE_CONNECTION_CHECK_MS sets the interval', () => {
  assert.equal(connectionCheckInterval({}), CONNECTION_CHECK_EVERY_MS);
  assert.equal(connectionCheckInterval({ SLUICE_CONNECTION_CHECK_MS: '250' }), 250);
  assert.throws(() => connectionCheckInterval({ SLUICE_CONNECTION_CHECK_MS: '0' }), /SLUICE_CONNECTION_CHECK_MS must be a whole number of milliseconds of at least 1, got "0"/);
});
