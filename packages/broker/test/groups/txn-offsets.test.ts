// Transactional offset commits in the group coordinator over the real __consumer_offsets (the
// storage engine on an in-memory filesystem): offsets written in a producer's transaction stay
// pending until the marker its transaction coordinator asks for (completeTransaction) commits or
// drops them, the partition's producer state fences an old epoch, and a restart rebuilds the same
// answers from the records and markers. The transaction coordinator's own verification is passed
// in by TxnOffsetCommit's handler; here it is a function answering what the test says, and the
// requests over the wire are in txn-offset-commit-requests.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Attributes, ControlRecordType, ErrorCode, decodeControlKey, decodeRecordBatches } from '@sluice/protocol';
import { LogManager, MemoryFileSystem } from '@sluice/storage';
import { Random } from '@sluice/test-kit';
import { BrokerConfig } from '../../src/config/broker-config.ts';
import { DelayedOperations } from '../../src/delayed/delayed-operations.ts';
import { GroupCoordinator, type JoinRequest, type TxnOffsetCommitRequest } from '../../src/groups/coordinator.ts';
import { OFFSETS_TOPIC, OffsetsTopicStore } from '../../src/groups/offsets-topic.ts';
import { offsetsPartitionFor } from '../../src/groups/records.ts';
import { ManualTimer } from '../../src/groups/timer.ts';
import { TopicManager } from '../../src/topics/topic-manager.ts';
import { TEST_GROUP_CONFIG } from '../group-config.ts';

const PARTITIONS = 3;
const GROUP = 'g';
const OFFSETS_PARTITION = offsetsPartitionFor(GROUP, PARTITIONS);
const quiet = { info() {}, warn() {}, error() {} };
const NONE = async () => ErrorCode.NONE;

async function open(fs = new MemoryFileSystem()) {
  const config = new BrokerConfig();
  config.applyStatic({});
  const logs = await LogManager.open({ fs, dataDir: '/data', brokerDefaults: config.topicDefaults(), maintenanceIntervalMs: 0, log: quiet });
  const topics = new TopicManager(logs, config, new DelayedOperations(quiet));
  if (topics.get('t') === undefined) await topics.create('t', { partitions: 2, configs: {} });
  const store = new OffsetsTopicStore(topics, () => PARTITIONS);
  const timer = new ManualTimer();
  const groups = new GroupCoordinator(TEST_GROUP_CONFIG, store, timer);
  await store.load(groups);
  return { fs, logs, topics, groups, timer, reopen: () => open(fs) };
}

function txnCommit(producerId: bigint, producerEpoch: number, offsets: Record<number, bigint>, member: Partial<TxnOffsetCommitRequest> = {}): TxnOffsetCommitRequest {
  return {
    groupId: GROUP,
    transactionalId: 'tx',
    producerId,
    producerEpoch,
    memberId: '',
    groupInstanceId: null,
    generationId: -1,
    offsets: Object.entries(offsets).map(([partition, offset]) => ({ topic: 't', partition: Number(partition), offset, leaderEpoch: -1, metadata: null })),
    ...member,
  };
}

function plainCommit(groups: GroupCoordinator, offsets: Record<number, bigint>) {
  return groups.commitOffsets({ groupId: GROUP, memberId: '', groupInstanceId: null, generationId: -1, offsets: Object.entries(offsets).map(([p, offset]) => ({ topic: 't', partition: Number(p), offset, leaderEpoch: -1, metadata: null })) });
}

/** What OffsetFetch would answer for t-0 and t-1, and whether require_stable would refuse them. */
function view(groups: GroupCoordinator) {
  return [0, 1].map((p) => `${groups.committed(GROUP, 't', p)?.offset ?? '-'}${groups.hasPendingTransactionalOffset(GROUP, 't', p) ? ' unstable' : ''}`);
}

/** The group's __consumer_offsets partition as batches: 'plain', 'txn <pid>/<epoch>' or 'COMMIT/ABORT <pid>/<epoch>'. */
async function offsetsLog(h: Awaited<ReturnType<typeof open>>): Promise<string[]> {
  const p = h.topics.partition(OFFSETS_TOPIC, OFFSETS_PARTITION)!;
  const batches = await decodeRecordBatches(Buffer.concat(await p.read(p.logStartOffset, 1 << 20, p.logEndOffset)));
  return batches.map((b) => {
    const who = `${b.header.producerId}/${b.header.producerEpoch}`;
    if ((b.header.attributes & Attributes.control) !== 0) return `${decodeControlKey(b.records[0].key).type === ControlRecordType.Commit ? 'COMMIT' : 'ABORT'} ${who}`;
    return (b.header.attributes & Attributes.transactional) !== 0 ? `txn ${who}` : 'plain';
  });
}

const marker = (commit: boolean, producerEpoch = 0) => [OFFSETS_PARTITION, 7n, producerEpoch, 0, commit] as const;

test('offsets committed in a transaction stay pending, and a COMMIT marker makes them the committed ones', async () => {
  const h = await open();
  assert.deepEqual(await plainCommit(h.groups, { 0: 1n }), [ErrorCode.NONE]);
  assert.deepEqual(await h.groups.commitTransactionalOffsets(txnCommit(7n, 0, { 0: 5n, 1: 6n }), NONE), [ErrorCode.NONE, ErrorCode.NONE]);
  assert.deepEqual(view(h.groups), ['1 unstable', '- unstable']);
  await h.groups.completeTransaction(...marker(true));
  assert.deepEqual(view(h.groups), ['5', '6']);
  assert.deepEqual(await offsetsLog(h), ['plain', 'txn 7/0', 'COMMIT 7/0']);
  // The partition's producer state saw the marker: the transaction is closed there too.
  assert.equal(h.topics.partition(OFFSETS_TOPIC, OFFSETS_PARTITION)!.lastStableOffset, h.topics.partition(OFFSETS_TOPIC, OFFSETS_PARTITION)!.highWatermark);
});

test('an ABORT marker drops them: the committed offsets are unchanged', async () => {
  const h = await open();
  await plainCommit(h.groups, { 0: 1n });
  await h.groups.commitTransactionalOffsets(txnCommit(7n, 0, { 0: 5n, 1: 6n }), NONE);
  await h.groups.completeTransaction(...marker(false));
  assert.deepEqual(view(h.groups), ['1', '-']);
  assert.deepEqual(await offsetsLog(h), ['plain', 'txn 7/0', 'ABORT 7/0']);
  const again = await h.reopen();
  assert.deepEqual(view(again.groups), ['1', '-']);
});

test('several transactions of one producer (same epoch) follow each other in the partition', async () => {
  const h = await open();
  for (const [i, commit] of [true, false, true].entries()) {
    assert.deepEqual(await h.groups.commitTransactionalOffsets(txnCommit(7n, 0, { 0: BigInt(10 + i) }), NONE), [ErrorCode.NONE]);
    assert.deepEqual(await h.groups.commitTransactionalOffsets(txnCommit(7n, 0, { 1: BigInt(20 + i) }), NONE), [ErrorCode.NONE]);
    await h.groups.completeTransaction(...marker(commit));
  }
  assert.deepEqual(view(h.groups), ['12', '22']);
  assert.deepEqual(view((await h.reopen()).groups), ['12', '22']);
});

test('a plain commit written between a transaction\'s offset and its marker wins, live and after a restart', async () => {
  const h = await open();
  await h.groups.commitTransactionalOffsets(txnCommit(7n, 0, { 0: 5n, 1: 6n }), NONE);
  await plainCommit(h.groups, { 0: 9n });
  await h.groups.completeTransaction(...marker(true));
  assert.deepEqual(view(h.groups), ['9', '6']);
  assert.deepEqual(view((await h.reopen()).groups), ['9', '6']);
});

test('an epoch older than the one the partition knows is refused with INVALID_PRODUCER_EPOCH and writes nothing', async () => {
  const h = await open();
  await h.groups.commitTransactionalOffsets(txnCommit(7n, 3, { 0: 5n }), NONE);
  await h.groups.completeTransaction(...marker(true, 3));
  const before = await offsetsLog(h);
  assert.deepEqual(await h.groups.commitTransactionalOffsets(txnCommit(7n, 2, { 0: 99n }), NONE), [ErrorCode.INVALID_PRODUCER_EPOCH]);
  assert.deepEqual(await offsetsLog(h), before);
  assert.deepEqual(view(h.groups), ['5', '-']);
  // A newer epoch starts again.
  assert.deepEqual(await h.groups.commitTransactionalOffsets(txnCommit(7n, 4, { 0: 6n }), NONE), [ErrorCode.NONE]);
});

test('the verification\'s refusal is every partition\'s answer, and nothing is written', async () => {
  const h = await open();
  const asked: number[] = [];
  const codes = await h.groups.commitTransactionalOffsets(txnCommit(7n, 0, { 0: 5n, 1: 6n }), async (p) => {
    asked.push(p);
    return ErrorCode.INVALID_PRODUCER_EPOCH;
  });
  assert.deepEqual(codes, [ErrorCode.INVALID_PRODUCER_EPOCH, ErrorCode.INVALID_PRODUCER_EPOCH]);
  assert.deepEqual(asked, [OFFSETS_PARTITION], 'asked about the group\'s partition of __consumer_offsets');
  assert.deepEqual(await offsetsLog(h), []);
  assert.deepEqual(view(h.groups), ['-', '-']);
  assert.equal(h.groups.groups.get(GROUP), undefined, 'no group is made by a refused commit');
});

test('a restart in the middle of a transaction keeps its offsets pending; its marker then commits them', async () => {
  const h = await open();
  await plainCommit(h.groups, { 0: 1n });
  await h.groups.commitTransactionalOffsets(txnCommit(7n, 0, { 0: 5n, 1: 6n }), NONE);
  // A power cut: only what was acknowledged (durable) survives.
  h.fs.powerLoss();
  const again = await h.reopen();
  assert.deepEqual(view(again.groups), ['1 unstable', '- unstable']);
  await again.groups.completeTransaction(...marker(true));
  assert.deepEqual(view(again.groups), ['5', '6']);
  h.fs.powerLoss();
  const third = await again.reopen();
  assert.deepEqual(view(third.groups), ['5', '6']);
});

test('a group with members takes a transactional commit without member fields, and checks them when given (v3+)', async () => {
  const h = await open();
  const join = (r: Partial<JoinRequest>) => {
    const joined = h.groups.join({ groupId: GROUP, memberId: '', groupInstanceId: null, protocolType: 'consumer', protocols: [{ name: 'range', metadata: Buffer.from('m') }], sessionTimeoutMs: 10_000, rebalanceTimeoutMs: 30_000, clientId: 'c', clientHost: '/127.0.0.1', requireKnownMemberId: false, supportsSkipAssignment: true, ...r });
    h.timer.advance(0);
    return joined;
  };
  const member = await join({});
  assert.equal(member.errorCode, ErrorCode.NONE);
  await h.groups.sync({ groupId: GROUP, memberId: member.memberId, groupInstanceId: null, generationId: member.generationId, protocolType: 'consumer', protocolName: 'range', assignments: [] });
  assert.equal(h.groups.groups.get(GROUP)!.state, 'Stable');
  // A plain commit without member fields is refused by a group with members; a transactional one is not (Kafka's ClassicGroup.validateOffsetCommit).
  assert.deepEqual(await plainCommit(h.groups, { 0: 1n }), [ErrorCode.UNKNOWN_MEMBER_ID]);
  assert.deepEqual(await h.groups.commitTransactionalOffsets(txnCommit(7n, 0, { 0: 2n }), NONE), [ErrorCode.NONE]);
  assert.deepEqual(await h.groups.commitTransactionalOffsets(txnCommit(7n, 0, { 0: 3n }, { memberId: member.memberId, generationId: member.generationId }), NONE), [ErrorCode.NONE]);
  assert.deepEqual(await h.groups.commitTransactionalOffsets(txnCommit(7n, 0, { 0: 3n }, { memberId: member.memberId, generationId: member.generationId + 1 }), NONE), [ErrorCode.ILLEGAL_GENERATION]);
  assert.deepEqual(await h.groups.commitTransactionalOffsets(txnCommit(7n, 0, { 0: 3n }, { memberId: 'nobody', generationId: member.generationId }), NONE), [ErrorCode.UNKNOWN_MEMBER_ID]);
  // An unknown group takes a generation only from a simple consumer (-1).
  assert.deepEqual(await h.groups.commitTransactionalOffsets({ ...txnCommit(7n, 0, { 0: 3n }), groupId: 'other', generationId: 1 }, NONE), [ErrorCode.ILLEGAL_GENERATION]);
  await h.groups.completeTransaction(...marker(true));
  assert.deepEqual(view(h.groups), ['3', '-']);
});

test('a group\'s deletion tombstones the partitions of its open transactions too', async () => {
  const h = await open();
  await h.groups.commitTransactionalOffsets(txnCommit(7n, 0, { 1: 6n }), NONE);
  assert.equal(await h.groups.deleteGroup(GROUP), ErrorCode.NONE);
  assert.deepEqual(view(h.groups), ['-', '-']);
  await h.groups.completeTransaction(...marker(true));
  assert.deepEqual(view(h.groups), ['-', '-']);
  assert.deepEqual(view((await h.reopen()).groups), ['-', '-']);
});

test('a power cut at any write of a transactional commit and its marker: after the restart the transaction is wholly pending, committed, or never written', async () => {
  // Counts the mutating file operations of one run, then cuts the power before each of them in turn.
  const run = async (h: Awaited<ReturnType<typeof open>>, acknowledged: string[]) => {
    if ((await plainCommit(h.groups, { 0: 1n }))[0] !== ErrorCode.NONE) return;
    acknowledged.push('plain');
    if ((await h.groups.commitTransactionalOffsets(txnCommit(7n, 0, { 0: 5n, 1: 6n }), NONE)).some((c) => c !== ErrorCode.NONE)) return;
    acknowledged.push('txn');
    await h.groups.completeTransaction(...marker(true));
    acknowledged.push('marker');
  };
  const cuts = new Set<string>();
  let everyPointTried = false;
  for (let cutAt = 0; cutAt < 200; cutAt++) {
    const fs = new MemoryFileSystem();
    const h = await open(fs);
    const acknowledged: string[] = [];
    fs.scheduleCrash(cutAt);
    await run(h, acknowledged).catch(() => {});
    if (!fs.crashed) {
      everyPointTried = true; // the whole run fit before the cut
      break;
    }
    fs.restart();
    const again = await open(fs);
    const seen = view(again.groups);
    const expected = acknowledged.includes('marker')
      ? [['5', '6']]
      : acknowledged.includes('txn')
        ? [['1 unstable', '- unstable'], ['5', '6']] // the marker may be durable without its answer
        : acknowledged.includes('plain')
          ? [['1', '-'], ['1 unstable', '- unstable'], ['5', '6']]
          : [['-', '-'], ['1', '-'], ['1 unstable', '- unstable'], ['5', '6']];
    assert.ok(expected.some((e) => e.join() === seen.join()), `cut at write ${cutAt} after ${acknowledged.join(',') || 'nothing'} acknowledged: ${seen.join(', ')}`);
    // Its coordinator completes a transaction found open (here: commits it), and the answer is then the transaction's.
    if (seen[1] === '- unstable') {
      await again.groups.completeTransaction(...marker(true));
      assert.deepEqual(view(again.groups), ['5', '6']);
      assert.deepEqual(view((await again.reopen()).groups), ['5', '6']);
    }
    cuts.add(acknowledged.join(',') || 'nothing');
  }
  assert.ok(everyPointTried, 'a cut before every write of the run');
  assert.deepEqual([...cuts].sort(), ['nothing', 'plain', 'plain,txn'].sort(), 'cuts before each acknowledgement');
});

test('seeded runs of plain commits, transactional commits of two producers in two groups, commits, aborts and restarts answer as Kafka\'s rules say', async () => {
  // The reference: committed offsets with the position of their record; pending ones by producer;
  // a marker makes a pending offset committed only if its record is later than the committed one's.
  type Entry = { offset: bigint; at: number };
  const groupsUsed = [GROUP, ...Array.from({ length: 50 }, (_, i) => `h${i}`).filter((g) => offsetsPartitionFor(g, PARTITIONS) !== OFFSETS_PARTITION).slice(0, 1)];
  const producers = [11n, 12n];
  for (let seed = 1; seed <= 8; seed++) {
    const rnd = new Random(seed);
    let h = await open();
    const committed = new Map<string, Entry>();
    const pending = new Map<bigint, Map<string, Entry>>(producers.map((p) => [p, new Map()]));
    let at = 0;
    const expected = () =>
      groupsUsed.flatMap((g) =>
        [0, 1].map((p) => {
          const key = `${g}/${p}`;
          const unstable = producers.some((pid) => pending.get(pid)!.has(key));
          return `${key}=${committed.get(key)?.offset ?? '-'}${unstable ? ' unstable' : ''}`;
        }),
      );
    const actual = () =>
      groupsUsed.flatMap((g) => [0, 1].map((p) => `${g}/${p}=${h.groups.committed(g, 't', p)?.offset ?? '-'}${h.groups.hasPendingTransactionalOffset(g, 't', p) ? ' unstable' : ''}`));
    for (let step = 0; step < 40; step++) {
      const group = groupsUsed[rnd.int(0, groupsUsed.length - 1)];
      const partition = rnd.int(0, 1);
      const offset = BigInt(rnd.int(0, 999));
      const producer = producers[rnd.int(0, 1)];
      const what = rnd.int(0, 9);
      let did: string;
      if (what < 3) {
        did = `plain ${group}/${partition}@${offset}`;
        const codes = await h.groups.commitOffsets({ groupId: group, memberId: '', groupInstanceId: null, generationId: -1, offsets: [{ topic: 't', partition, offset, leaderEpoch: -1, metadata: null }] });
        assert.deepEqual(codes, [ErrorCode.NONE], did);
        committed.set(`${group}/${partition}`, { offset, at: at++ });
      } else if (what < 7) {
        did = `txn ${producer} ${group}/${partition}@${offset}`;
        const codes = await h.groups.commitTransactionalOffsets({ ...txnCommit(producer, 0, { [partition]: offset }), groupId: group }, NONE);
        assert.deepEqual(codes, [ErrorCode.NONE], did);
        pending.get(producer)!.set(`${group}/${partition}`, { offset, at: at++ });
      } else if (what < 9) {
        const commit = rnd.chance(0.6);
        did = `${commit ? 'commit' : 'abort'} ${producer}`;
        // The coordinator writes a marker to each offsets partition in the transaction.
        const touched = new Set([...pending.get(producer)!.keys()].map((k) => offsetsPartitionFor(k.split('/')[0], PARTITIONS)));
        for (const p of touched) await h.groups.completeTransaction(p, producer, 0, 0, commit);
        if (commit) {
          for (const [key, e] of pending.get(producer)!) {
            const c = committed.get(key);
            if (c === undefined || e.at > c.at) committed.set(key, e);
          }
        }
        pending.get(producer)!.clear();
        at++;
      } else {
        did = 'restart';
        if (rnd.chance(0.5)) h.fs.powerLoss(); // all of it was acknowledged, so durable
        h = await h.reopen();
      }
      assert.deepEqual(actual(), expected(), `seed ${seed}, step ${step}: ${did}`);
    }
  }
});
