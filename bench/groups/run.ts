/**
 * bench/groups: Sluice's group coordinator against Apache Kafka 4.3.1's, driven by the same
 * protocol-level members (member.ts) in one run.
 *
 *   node --conditions=sluice:source bench/groups/run.ts [--heartbeat-ms 100] [--sizes 2,10,50]
 *
 * Rebalance: a group of N members is stable; one more member joins; the time until every member
 * has finished SyncGroup in the new generation. Members heartbeat every --heartbeat-ms, which
 * bounds how soon existing members learn of the rebalance, on both brokers alike.
 * Offset commits: OffsetCommit requests of 10 partitions each, 16 in flight on one connection,
 * into an empty group (as a consumer without group management commits).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Apis, ErrorCode } from '@sluice/protocol';
import { startBroker } from '@sluice/broker';
import { RawConnection, startApacheKafka } from '@sluice/test-kit';
import { BenchMember } from './member.ts';

const { values } = parseArgs({ options: { 'heartbeat-ms': { type: 'string', default: '100' }, sizes: { type: 'string', default: '2,10,50' }, commits: { type: 'string', default: '20000' } } });
const HEARTBEAT = Number(values['heartbeat-ms']);
const SIZES = values.sizes!.split(',').map(Number);
const COMMITS = Number(values.commits);
const REPEATS = 3;

async function rebalanceMs(port: number, size: number, round: number): Promise<number> {
  const group = `bench-${size}-${round}`;
  const members: BenchMember[] = [];
  for (let i = 0; i < size; i++) members.push(await BenchMember.start(port, group, HEARTBEAT));
  // Wait until everyone is in the same, latest generation.
  for (;;) {
    const gens = new Set(members.map((m) => m.generation));
    if (gens.size === 1 && members.every((m) => m.synced.has(m.generation))) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const before = members[0].generation;
  const t0 = performance.now();
  const newcomer = await BenchMember.start(port, group, HEARTBEAT);
  const all = [...members, newcomer];
  for (;;) {
    const target = newcomer.generation;
    if (target > before && all.every((m) => m.synced.has(target))) {
      const done = Math.max(...all.map((m) => m.synced.get(target)!));
      await Promise.all(all.map((m) => m.stop()));
      return done - t0;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function commitsPerSecond(port: number): Promise<number> {
  const c = await RawConnection.open(port);
  const partitions = Array.from({ length: 10 }, (_, i) => ({ partitionIndex: i, committedOffset: 0n, committedLeaderEpoch: -1, committedMetadata: '' }));
  const request = (n: number) =>
    c.request(Apis.OffsetCommit, 9, {
      groupId: 'bench-commits',
      generationIdOrMemberEpoch: -1,
      memberId: '',
      groupInstanceId: null,
      topics: [{ name: 'bench-commits', partitions: partitions.map((p) => ({ ...p, committedOffset: BigInt(n) })) }],
    });
  // The first commits create and load the offsets topic; wait until they succeed.
  while ((await request(0)).topics[0].partitions[0].errorCode !== ErrorCode.NONE) await new Promise((r) => setTimeout(r, 100));
  const start = performance.now();
  let sent = 0;
  const inFlight = new Set<Promise<unknown>>();
  while (sent < COMMITS) {
    const p = request(sent++).then((r) => {
      if (r.topics[0].partitions[0].errorCode !== ErrorCode.NONE) throw new Error(`commit failed: ${r.topics[0].partitions[0].errorCode}`);
    });
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
    if (inFlight.size >= 16) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - start) / 1000;
  c.close();
  return COMMITS / seconds;
}

async function measure(port: number, create: (topic: string) => Promise<void>): Promise<{ rebalance: Map<number, number>; commits: number }> {
  await create('bench-commits');
  const rebalance = new Map<number, number>();
  for (const size of SIZES) {
    const runs: number[] = [];
    for (let r = 0; r < REPEATS; r++) runs.push(await rebalanceMs(port, size, r));
    runs.sort((a, b) => a - b);
    rebalance.set(size, runs[Math.floor(runs.length / 2)]);
  }
  return { rebalance, commits: await commitsPerSecond(port) };
}

async function createWith(port: number, topic: string): Promise<void> {
  const c = await RawConnection.open(port);
  await c.request(Apis.CreateTopics, 7, { topics: [{ name: topic, numPartitions: 10, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 30_000 });
  c.close();
}

const dir = mkdtempSync(join(tmpdir(), 'sluice-bench-groups-'));
const sluice = await startBroker({ port: 0, dataDir: dir, config: { 'group.initial.rebalance.delay.ms': '0' } });
const s = await measure(sluice.port, (t) => createWith(sluice.port, t));
await sluice.close();
rmSync(dir, { recursive: true, force: true });
const kafka = await startApacheKafka({ log: () => {} });
const k = await measure(kafka.port, (t) => createWith(kafka.port, t));
await kafka.stop();

console.log(`Heartbeat interval ${HEARTBEAT} ms; median of ${REPEATS} rebalances each\n`);
console.log(`${''.padEnd(44)} ${'Sluice'.padStart(10)} ${'Kafka 4.3.1'.padStart(12)}   Sluice/Kafka`);
for (const size of SIZES) {
  const a = s.rebalance.get(size)!;
  const b = k.rebalance.get(size)!;
  console.log(`${`member joins a group of ${size}: stable again`.padEnd(44)} ${a.toFixed(0).padStart(8)} ms ${b.toFixed(0).padStart(10)} ms   ${(a / b).toFixed(2)}× (lower is better)`);
}
console.log(`${'offset commits (10 partitions each)'.padEnd(44)} ${s.commits.toFixed(0).padStart(8)}/s ${k.commits.toFixed(0).padStart(10)}/s   ${(s.commits / k.commits).toFixed(2)}× (higher is better)`);
