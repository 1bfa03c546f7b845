// The fetch session cache on a manual clock: Kafka's epochs, its bound on sessions and which
// session a new one may evict. (tests/broker/fetch-sessions.test.ts checks the request rules
// against Apache Kafka.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FetchSessionCache, nextEpoch, type SessionPartition } from '../src/fetch/fetch-sessions.ts';

function partitions(count: number): SessionPartition[] {
  return Array.from({ length: count }, (_, i) => ({
    key: `t\u0000${i}`,
    topic: 't',
    topicId: 'AAAAAAAAAAAAAAAAAAAAAA',
    partition: i,
    fetchOffset: 0n,
    maxBytes: 1024,
    currentLeaderEpoch: -1,
    lastFetchedEpoch: -1,
    highWatermark: 0n,
    logStartOffset: 0n,
  }));
}

function cache(maxSessions: number) {
  const clock = { now: 0 };
  let nextId = 0;
  const sessions = new FetchSessionCache({ maxSessions, evictionMs: 120_000, now: () => clock.now, randomId: () => ++nextId });
  return { clock, sessions };
}

test('epochs: 0 is followed by 1, 2^31-1 wraps to 1, a negative epoch stays final', () => {
  assert.deepEqual([0, 1, 41, 0x7fffffff, -1, -5].map(nextEpoch), [1, 2, 42, 1, -1, -1]);
});

test('a new session starts at epoch 1 with a positive id never in use', () => {
  const ids = [0, -3, 7, 7, 8];
  const sessions = new FetchSessionCache({ maxSessions: 10, evictionMs: 120_000, now: () => 0, randomId: () => ids.shift()! });
  const a = sessions.maybeCreate(partitions(1), false)!;
  const b = sessions.maybeCreate(partitions(1), false)!;
  assert.deepEqual([a.id, a.epoch, b.id], [7, 1, 8], 'ids 0 and -3 are skipped, and 7 is not given twice');
});

test('max.incremental.fetch.session.cache.slots=0 never creates a session', () => {
  const { sessions } = cache(0);
  assert.equal(sessions.maybeCreate(partitions(3), false), undefined);
});

test('a full cache evicts a session idle longer than 120 s, else the smallest older one for a larger new one', () => {
  const { clock, sessions } = cache(2);
  const small = sessions.maybeCreate(partitions(2), false)!;
  const large = sessions.maybeCreate(partitions(5), false)!;
  clock.now = 60_000;
  assert.equal(sessions.maybeCreate(partitions(9), false), undefined, 'both sessions are young: nothing to evict');

  clock.now = 130_000;
  sessions.touch(small);
  sessions.touch(large);
  assert.equal(sessions.maybeCreate(partitions(2), false), undefined, 'not larger than the smallest session');
  const bigger = sessions.maybeCreate(partitions(3), false)!;
  assert.ok(bigger, 'three partitions may evict the older two-partition session');
  assert.deepEqual([sessions.get(small.id), sessions.get(large.id)?.id, sessions.size], [undefined, large.id, 2]);

  clock.now = 300_000;
  sessions.touch(bigger);
  const idleEvicter = sessions.maybeCreate(partitions(1), false);
  assert.ok(idleEvicter, 'the session idle since 130 s is evicted even for a smaller one');
  assert.equal(sessions.get(large.id), undefined);
});

test('an incremental update adds, updates and forgets partitions; answers with news move a partition last', () => {
  const { sessions } = cache(1);
  const s = sessions.maybeCreate(partitions(3), false)!;
  s.update([{ ...partitions(4)[3]!, fetchOffset: 9n }, { ...partitions(1)[0]!, fetchOffset: 5n }], ['t\u00001']);
  assert.deepEqual([...s.partitions.values()].map((p) => [p.partition, p.fetchOffset, p.highWatermark]), [[0, 5n, 0n], [2, 0n, 0n], [3, 9n, -1n]]);

  const quiet = { errorCode: 0, highWatermark: 0n, logStartOffset: 0n, recordsBytes: 0 };
  assert.equal(s.mustRespond('t\u00000', quiet), false, 'nothing new');
  assert.equal(s.mustRespond('t\u00003', quiet), true, 'a partition added by the update was never answered');
  assert.equal(s.mustRespond('t\u00003', quiet), false);
  assert.equal(s.mustRespond('t\u00000', { ...quiet, logStartOffset: 2n }), true, 'the log start offset moved');
  assert.equal(s.mustRespond('t\u00002', { ...quiet, errorCode: 1 }), true, 'an error');
  assert.equal(s.mustRespond('t\u00002', quiet), true, 'the error cleared');
  assert.equal(s.mustRespond('t\u00000', { ...quiet, logStartOffset: 2n, recordsBytes: 10 }), true, 'records');
  assert.deepEqual([...s.partitions.values()].map((p) => p.partition), [2, 3, 0], 'the partition that returned records is read last next time');
  assert.equal(s.mustRespond('t\u00001', { ...quiet, recordsBytes: 10 }), false, 'a forgotten partition is not answered');
});
