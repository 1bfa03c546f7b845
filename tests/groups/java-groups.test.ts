// The Java KafkaConsumer 4.3 with subscribe() against Sluice's group coordinator: the range and
// cooperative-sticky assignors share the partitions, a static member restarted within its session
// timeout causes no rebalance, a member killed with kill -9 has its partitions moved to the others
// after the session timeout, and the AdminClient lists, describes, resets and deletes groups.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startBroker, type Broker } from '@sluice/broker';
import { eventually, javaTool } from '@sluice/test-kit';
import { JavaMember } from './members.ts';

let broker: Broker;
before(async () => {
  broker = await startBroker({ port: 0, config: { 'group.initial.rebalance.delay.ms': '0' } });
});
after(() => broker.close());

async function topicWith(name: string, records: number): Promise<void> {
  await javaTool(['create-topic', broker.bootstrap, name, '6']);
  if (records > 0) await javaTool(['produce', broker.bootstrap, name, String(records), 'none']);
}

function union(members: JavaMember[]): string[] {
  return members.flatMap((m) => m.values()).sort();
}

for (const assignor of ['range', 'cooperative-sticky']) {
  test(`three Java consumers with the ${assignor} assignor share 6 partitions and consume everything once`, { timeout: 120_000 }, async () => {
    const topic = `java-${assignor}`;
    await topicWith(topic, 0);
    const members = await Promise.all([0, 1, 2].map(() => JavaMember.start(broker.bootstrap, topic, `g-${assignor}`, assignor, null, 60)));
    await eventually('each member owning 2 partitions', () => members.every((m) => m.owned().size === 2));
    const owned = members.flatMap((m) => [...m.owned()]).sort();
    assert.deepEqual(owned, [0, 1, 2, 3, 4, 5]);
    await javaTool(['produce', broker.bootstrap, topic, '600', 'none']);
    await eventually('600 records consumed', () => union(members).length >= 600);
    await Promise.all(members.map((m) => m.stop()));
    const values = union(members);
    assert.equal(values.length, 600, 'each record exactly once');
    assert.equal(new Set(values).size, 600);
  });
}

test('a static member restarted within its session timeout causes no rebalance', { timeout: 120_000 }, async () => {
  const topic = 'java-static';
  await topicWith(topic, 0);
  const a = await JavaMember.start(broker.bootstrap, topic, 'g-static', 'range', 'instance-a', 60);
  const b = await JavaMember.start(broker.bootstrap, topic, 'g-static', 'range', 'instance-b', 60);
  await eventually('a stable group of two static members', () => a.owned().size === 3 && b.owned().size === 3);
  const aOwned = [...a.owned()].sort();
  const bEvents = b.events.length;
  await a.kill();
  const a2 = await JavaMember.start(broker.bootstrap, topic, 'g-static', 'range', 'instance-a', 60);
  await a2.until(() => a2.owned().size === 3, 'the restarted member getting its partitions back');
  assert.deepEqual([...a2.owned()].sort(), aOwned, 'the same partitions come back');
  await new Promise((r) => setTimeout(r, 2000));
  assert.deepEqual(b.events.slice(bEvents).filter((e) => e.event !== 'record'), [], 'the other member saw no rebalance');
  await Promise.all([a2.stop(), b.stop()]);
});

test('a member killed with kill -9 has its partitions moved to the others after the session timeout', { timeout: 120_000 }, async () => {
  const topic = 'java-kill9';
  await topicWith(topic, 300);
  const members = await Promise.all([0, 1, 2].map(() => JavaMember.start(broker.bootstrap, topic, 'g-kill9', 'range', null, 60)));
  await eventually('the first 300 records consumed by three members', () => members.every((m) => m.owned().size === 2) && union(members).length >= 300);
  const [victim, ...rest] = members;
  await victim.kill();
  await eventually('the survivors owning all 6 partitions', () => rest.every((m) => m.owned().size === 3), 60_000);
  await javaTool(['produce', broker.bootstrap, topic, '300', 'none']);
  // Both rounds send values v0..v299: every value must now have been seen at least twice (a record
  // the victim read but had not committed may be read again by its successor: at least once).
  const seenTwice = () => {
    const counts = new Map<string, number>();
    for (const v of union(members)) counts.set(v, (counts.get(v) ?? 0) + 1);
    return counts.size === 300 && [...counts.values()].every((n) => n >= 2);
  };
  await eventually('every record of both rounds consumed', seenTwice);
  await Promise.all(rest.map((m) => m.stop()));
  // Nothing committed was lost: a new member of the group finds nothing left to read.
  const late = await JavaMember.start(broker.bootstrap, topic, 'g-kill9', 'range', null, 3);
  await late.exited;
  assert.deepEqual(late.values(), []);
});

test('AdminClient: list, describe, list and alter offsets, delete groups', { timeout: 120_000 }, async () => {
  const topic = 'java-admin-groups';
  await topicWith(topic, 120);
  const m = await JavaMember.start(broker.bootstrap, topic, 'g-admin', 'range', null, 3);
  await m.exited;
  assert.equal(m.values().length, 120);
  const out = await javaTool(['group-admin', broker.bootstrap, 'g-admin', topic]);
  assert.deepEqual(out[0], { listed: true, state: 'Empty', members: 0, assignor: '' });
  assert.deepEqual(out[1], { committedPartitions: 6, committedTotal: 120 });
  assert.deepEqual(out[2], { afterResetTotal: 0, metadata: 'reset' });
  assert.deepEqual(out[3], { deleted: true, stillListed: false });
});
