// The assignor's stateful rules: standby replicas on members other than the active owner, kept
// where they were; a stateful task without a live owner goes to the member with its standby or
// its state on disk; stateless tasks get no standbys.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StreamsAssignor } from '../src/runtime/assignor.ts';
import { Serdes, Topology, type KeyValueStore } from '@sluice/streams';
import { jsonFileStoreBuilder } from './support/json-file-store.ts';

const S = Serdes.String();

/** Sub-topology 0 counts (stateful, logged store), sub-topology 1 only copies (stateless). */
function topology(): Topology {
  return new Topology()
    .addSource('in', 'counted', { keyDeserializer: S, valueDeserializer: S })
    .addProcessor('count', () => {
      let store!: KeyValueStore<string, string>;
      return { init: (c) => void (store = c.getStateStore('counts')), process: (r) => store.put(String(r.key), '1') };
    }, 'in')
    .addStateStore(jsonFileStoreBuilder('counts'), 'count')
    .addSource('copy-in', 'copied')
    .addSink('copy-out', 'copies', {}, 'copy-in');
}

interface Info {
  tasks: string[];
  standbys?: string[];
  stateful?: string[];
}

function assign(replicas: number, members: { [id: string]: Info }): Map<string, { tasks: string[]; standbys: string[] }> {
  const assignor = new StreamsAssignor(topology(), 'app', { ownedTasks: () => [], shutdownRequested: () => false, onAssignmentInfo: () => {}, numStandbyReplicas: replicas });
  const out = assignor.assign({
    partitionsPerTopic: new Map([
      ['counted', 3],
      ['copied', 3],
    ]),
    members: new Map(Object.entries(members).map(([id, info]) => [id, { topics: ['counted', 'copied'], userData: Buffer.from(JSON.stringify({ v: 1, shutdown: false, ...info })), ownedPartitions: [] }])),
    rebalanceProtocol: 'eager',
    generationId: 1,
  } as never) as Map<string, { userData: Buffer }>;
  return new Map([...out].map(([id, a]) => {
    const info = JSON.parse(a.userData.toString()) as { tasks: string[]; standbys: string[] };
    return [id, { tasks: [...info.tasks].sort(), standbys: [...info.standbys].sort() }];
  }));
}

test('one standby of each stateful task, never on its active owner, none of stateless tasks', () => {
  const a = assign(1, { a: { tasks: [] }, b: { tasks: [] }, c: { tasks: [] } });
  const standbys = [...a.values()].flatMap((m) => m.standbys).sort();
  assert.deepEqual(standbys, ['0_0', '0_1', '0_2'], 'each counting task once; the copying tasks (1_*) none');
  for (const [id, m] of a) for (const s of m.standbys) assert.ok(!m.tasks.includes(s), `${id} has ${s} as active and standby`);
  // Two replicas over three members: every member but the owner.
  const b = assign(2, { a: { tasks: [] }, b: { tasks: [] }, c: { tasks: [] } });
  for (const t of ['0_0', '0_1', '0_2']) {
    const holders = [...b].filter(([, m]) => m.tasks.includes(t) || m.standbys.includes(t)).map(([id]) => id);
    assert.deepEqual(holders.sort(), ['a', 'b', 'c']);
  }
  // One member: nowhere to put a standby.
  assert.deepEqual(assign(1, { a: { tasks: [] } }).get('a')!.standbys, []);
});

test('standbys stay where they are, and a task whose owner left goes to its standby', () => {
  const before = { a: { tasks: ['0_0', '1_0'], standbys: ['0_1'] }, b: { tasks: ['0_1', '1_1'], standbys: ['0_2'] }, c: { tasks: ['0_2', '1_2'], standbys: ['0_0'] } };
  const same = assign(1, before);
  assert.deepEqual(same.get('a'), { tasks: ['0_0', '1_0'], standbys: ['0_1'] });
  assert.deepEqual(same.get('b'), { tasks: ['0_1', '1_1'], standbys: ['0_2'] });
  assert.deepEqual(same.get('c'), { tasks: ['0_2', '1_2'], standbys: ['0_0'] });
  // c leaves: its counting task 0_2 goes to b, which kept its standby.
  const after = assign(1, { a: before.a, b: before.b });
  assert.ok(after.get('b')!.tasks.includes('0_2'), JSON.stringify([...after]));
});

test('without a standby, a stateful task goes to the member that has its state on disk', () => {
  const a = assign(0, { a: { tasks: [], stateful: [] }, b: { tasks: [], stateful: ['0_0', '0_1', '0_2'] } });
  assert.deepEqual(a.get('b')!.tasks, ['0_0', '0_1', '0_2'], 'b has the counting tasks\' state');
  assert.deepEqual(a.get('a')!.tasks, ['1_0', '1_1', '1_2']);
});
