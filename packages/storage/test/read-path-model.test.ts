// A model-based test of the read path. A partition log with small segments (hundreds of them) and
// a sparse index takes random appends (1 to 300 records, batches smaller and larger than the
// index interval, the segment size and the read budget, some compressed), interleaved with
// compaction, retention by time and size, DeleteRecords, truncation, restarts and — on the
// in-memory filesystem — failed writes and syncs, a full disk and power cuts. A plain array of
// the records that must exist is kept beside it. Consumers read as a client does, from random
// offsets with random budgets (tiny to large, minOneBatch on and off), each fetch starting after
// the last batch of the previous answer. Every answer must be whole batches within the budget,
// and its records must be exactly the model's next ones: nothing skipped, nothing repeated,
// nothing extra. A consumer reading to the end must have seen every record the model holds.
//
// Seeded: a failure names its seed; SEED=<n> replays that one scenario on both filesystems,
// SLUICE_READ_MODEL_SCENARIOS=<n> runs seeds 1000 to 1000+n-1 on both instead of the defaults, and
// SLUICE_READ_MODEL_OPERATIONS=<n> makes each scenario longer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BATCH_HEADER_SIZE, LOG_OVERHEAD, Offsets, decodeRecordBatches, encodeRecordBatch, encodeUncompressedRecordBatch, type KafkaRecordInput } from '@sluice/protocol';
import { Random } from '@sluice/test-kit/random';
import { FileCache, MemoryFileSystem, NodeFileSystem, OffsetOutOfRangeError, PartitionLog, compactLog, resolveTopicConfig, type FileSystem } from '../src/index.ts';

// By default, seeds whose scenarios are unlike each other. In memory: compact,delete on 1 KiB
// segments with much removed (every kind of change happens), and compact on 1 KiB segments with
// little removed (460 segments). On files, where every roll costs a few syncs and renames: delete
// on 4 KiB segments with little removed (260 segments, 20,000 records), and compact,delete on 1 KiB
// segments with much removed (compaction, retention and truncation on the real files too).
const CHOSEN =
  process.env.SEED !== undefined
    ? [Number(process.env.SEED)]
    : process.env.SLUICE_READ_MODEL_SCENARIOS !== undefined
      ? Array.from({ length: Number(process.env.SLUICE_READ_MODEL_SCENARIOS) }, (_, i) => 1000 + i)
      : null;
const MEMORY_SEEDS = CHOSEN ?? [1004, 1002];
const FILE_SEEDS = CHOSEN ?? [1009, 1004];
const OPERATIONS = Number(process.env.SLUICE_READ_MODEL_OPERATIONS ?? 300);
// A memory-backed kernel filesystem when there is one: the same system calls as on a disk, without
// waiting seconds for the syncs of hundreds of segment rolls, which the read path does not depend
// on. SLUICE_SCRATCH_DIR=<a folder on a disk> runs it there.
const SCRATCH = process.env.SLUICE_SCRATCH_DIR ?? (existsSync('/dev/shm') ? '/dev/shm' : tmpdir());

interface ModelRecord {
  offset: number;
  key: string | null;
  value: string | null;
}

/**
 * What must be readable: the records in offset order, the batches' offset ranges (truncation
 * points), the log start and the end. Every append here is awaited, so the high watermark is the end.
 */
class Model {
  records: ModelRecord[] = [];
  batches: { base: number; last: number }[] = [];
  logStart = 0;
  end = 0;

  /** Index of the first record at or after `offset`. */
  indexOf(offset: number): number {
    let lo = 0;
    let hi = this.records.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.records[mid]!.offset < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  append(base: number, batches: ModelRecord[][]): void {
    let next = base;
    for (const records of batches) {
      this.batches.push({ base: next, last: next + records.length - 1 });
      for (const r of records) this.records.push({ ...r, offset: next++ });
    }
    this.end = next;
  }

  /** The log start moved (retention, DeleteRecords): everything below it is gone. */
  startAt(offset: number): void {
    assert.ok(offset >= this.logStart, `the log start went back from ${this.logStart} to ${offset}`);
    this.logStart = offset;
    this.records = this.records.slice(this.indexOf(offset));
    this.batches = this.batches.filter((b) => b.last >= offset);
  }

  truncateTo(offset: number): void {
    this.records = this.records.slice(0, this.indexOf(offset));
    this.batches = this.batches.filter((b) => b.base < offset);
    this.end = offset;
  }

  /** Compaction cleaned the offsets below `upTo`: there, a keyed record goes if the same key comes later below `upTo`. */
  compact(upTo: number): void {
    const newest = new Map<string, number>();
    for (const r of this.records) if (r.offset < upTo && r.key !== null) newest.set(r.key, r.offset);
    this.records = this.records.filter((r) => r.offset >= upTo || r.key === null || newest.get(r.key) === r.offset);
  }
}

interface Scenario {
  seed: number;
  fs: FileSystem;
  dir: string;
  /** The in-memory filesystem to inject faults into, or null. */
  faults: MemoryFileSystem | null;
  /** Topic settings beyond the random ones. */
  settings?: Record<string, string>;
}

const BUDGETS: ((rnd: Random) => number)[] = [
  () => 0,
  (rnd) => rnd.int(1, 120),
  (rnd) => rnd.int(120, 2_000),
  (rnd) => rnd.int(2_000, 20_000),
  (rnd) => rnd.int(20_000, 200_000),
  () => 1 << 20,
  () => 8 << 20,
];

interface Outcome {
  summary: string;
  maxSegments: number;
  /** How often each thing that matters happened, so that a change of the generator cannot quietly stop testing it. */
  tally: Record<string, number>;
}

async function runScenario({ seed, fs, dir, faults, settings = {} }: Scenario): Promise<Outcome> {
  const rnd = new Random(seed);
  let now = 1_700_000_000_000;
  const clock = () => now;
  const compact = rnd.chance(0.5);
  const remove = !compact || rnd.chance(0.5);
  const overrides: Record<string, string> = {
    'cleanup.policy': [compact && 'compact', remove && 'delete'].filter(Boolean).join(','),
    'segment.bytes': String(rnd.pick([1_024, 1_024, 4_096, 16_384])),
    'index.interval.bytes': String(rnd.pick([64, 512, 4_096])),
    'segment.ms': String(rnd.pick([20_000, 200_000, 604_800_000])),
    'retention.ms': String(rnd.pick([-1, 300_000, 1_000_000])),
    'retention.bytes': String(rnd.pick([-1, 100_000, 400_000])),
    'min.cleanable.dirty.ratio': String(rnd.pick([0.01, 0.5])),
    // Tombstones stay for the whole run: the model does not follow delete horizons.
    'delete.retention.ms': String(1e12),
    ...settings,
  };
  const config = resolveTopicConfig(overrides);
  const open = () => PartitionLog.open({ cache: new FileCache(fs), dir, config, now: clock });
  let log = await open();
  const model = new Model();
  const keys = rnd.pick([10, 300, 3_000]);
  let counter = 0;
  let appended = 0;
  let maxSegments = 0;
  const tally: Record<string, number> = {};
  const count = (what: string) => (tally[what] = (tally[what] ?? 0) + 1);
  const history: string[] = [];
  const fail = (message: string): never => {
    const segments = log.segments.map((s) => `${s.baseOffset}-${s.nextOffset}:${s.size}B`);
    const layout = segments.length > 60 ? [...segments.slice(0, 30), '…', ...segments.slice(-30)] : segments;
    assert.fail(`${message}\n  seed ${seed} (SEED=${seed} replays it), ${JSON.stringify(overrides)}\n  last operations: ${history.slice(-12).join('; ')}\n  segments (offsets:bytes): ${layout.join(' ')}`);
  };

  function records(): ModelRecord[] {
    const shape = rnd.next();
    const count = shape < 0.6 ? rnd.int(1, 3) : shape < 0.9 ? rnd.int(4, 30) : rnd.int(31, 300);
    const size = rnd.chance(0.1) ? [200, 2_000] : rnd.pick([[0, 40], [40, 200]] as const);
    return Array.from({ length: count }, () => {
      const id = `${seed}:${counter++}`;
      const key = compact || rnd.chance(0.3) ? `k${rnd.int(0, keys)}` : null;
      const tombstone = key !== null && rnd.chance(0.05);
      return { offset: -1, key, value: tombstone ? null : `${id}|`.padEnd(id.length + 1 + rnd.int(size[0], size[1]), 'v') };
    });
  }

  async function encode(batch: ModelRecord[]): Promise<Buffer> {
    const input: KafkaRecordInput[] = batch.map((r) => ({ key: r.key, value: r.value }));
    const at = BigInt(now);
    return rnd.chance(0.2) ? encodeRecordBatch({ records: input, now: at, compression: 1 }) : encodeUncompressedRecordBatch({ records: input, now: at });
  }

  async function append(): Promise<void> {
    const batches = Array.from({ length: rnd.chance(0.2) ? rnd.int(2, 3) : 1 }, records);
    const bytes = Buffer.concat(await Promise.all(batches.map(encode)));
    let fault = '';
    if (faults !== null && rnd.chance(0.06)) {
      fault = rnd.pick(['write', 'sync', 'full'] as const);
      if (fault === 'write') faults.failNextWrite();
      else if (fault === 'sync') faults.failNextSync();
      else faults.setCapacity(faults.usedBytes() + rnd.int(0, bytes.length - 1));
    }
    history.push(`append ${batches.map((b) => b.length).join('+')} records (${bytes.length} B)${fault && `, failing (${fault})`} at ${model.end}`);
    try {
      const result = await log.append(bytes);
      if (Number(result.baseOffset) !== model.end) fail(`append got offset ${result.baseOffset}, the model expected ${model.end}`);
      model.append(model.end, batches);
      appended += batches.reduce((n, b) => n + b.length, 0);
      if (fault !== '') count('appends acknowledged despite a fault elsewhere');
    } catch (e) {
      // The fault may hit the append or a write or sync of the roll before it (whose failure
      // only delays the recovery point): an acknowledged append must be there, a failed one not.
      if (fault === '') throw e;
      count('appends failed');
    }
    // A fault not spent on this append (a background write took it, or none came) goes now.
    faults?.setCapacity(Infinity);
    faults?.failNextWrite(0);
    faults?.failNextSync(0);
  }

  /**
   * Reads as a client does from `start` up to `limit` (at most the end), checking every answer
   * against the model, and returns where it stopped.
   */
  async function consume(start: number, limit: number, maxReads = Infinity): Promise<number> {
    let next = start;
    const boundary = Math.min(limit, model.end);
    // A client keeps its fetch size; now and then it asks with another one.
    const usual = rnd.pick(BUDGETS);
    for (let reads = 0; next < boundary && reads < maxReads; reads++) {
      let minOne = rnd.chance(0.75);
      let budget = (rnd.chance(0.95) ? usual : rnd.pick(BUDGETS))(rnd);
      let chunks = await log.read(BigInt(next), budget, BigInt(limit), minOne);
      if (chunks.length === 0 && !minOne) {
        // Nothing fits this budget: as a client would, ask again allowing one batch over it.
        minOne = true;
        budget = rnd.pick(BUDGETS)(rnd);
        chunks = await log.read(BigInt(next), budget, BigInt(limit), minOne);
      }
      const what = `read(${next}, ${budget}, limit ${limit}, minOneBatch ${minOne})`;
      const data = Buffer.concat(chunks);
      // Whole batches, in offset order, the first holding or following `next`, none from `limit` on.
      const headers: { base: number; last: number; size: number }[] = [];
      for (let p = 0; p < data.length; ) {
        if (p + BATCH_HEADER_SIZE > data.length) fail(`${what} ends in a partial batch header at byte ${p}`);
        const size = data.readInt32BE(p + Offsets.batchLength) + LOG_OVERHEAD;
        if (p + size > data.length) fail(`${what} ends in a partial batch at byte ${p}`);
        const base = Number(data.readBigInt64BE(p + Offsets.baseOffset));
        headers.push({ base, last: base + data.readInt32BE(p + Offsets.lastOffsetDelta), size });
        p += size;
      }
      count('reads');
      const segmentOf = (offset: number) => log.segments.findLastIndex((s) => Number(s.baseOffset) <= offset);
      if (headers.length > 1 && segmentOf(headers[0]!.base) !== segmentOf(headers[headers.length - 1]!.base)) count('answers spanning segments');
      if (headers.length > 0 && headers[0]!.last < next) fail(`${what} starts with batch ${headers[0]!.base}-${headers[0]!.last}, wholly before the offset`);
      for (const h of headers) if (h.base >= limit) fail(`${what} returned batch ${h.base}-${h.last}, at or after the limit`);
      if (data.length > budget && !(minOne && headers.length === 1)) fail(`${what} returned ${data.length} bytes in ${headers.length} batches`);
      const first = model.indexOf(next);
      if (headers.length === 0) {
        // An empty answer (with minOneBatch, after the retry) is right only when nothing is left before the limit.
        const missed = model.records[first];
        if (missed !== undefined && missed.offset < boundary) fail(`${what} returned nothing, but offset ${missed.offset} exists`);
        return next;
      }
      const got = (await decodeRecordBatches(data)).flatMap((b) => b.records).filter((r) => r.offset >= BigInt(next));
      got.forEach((r, i) => {
        const want = model.records[first + i];
        const seen = { offset: Number(r.offset), key: r.key?.toString() ?? null, value: r.value?.toString() ?? null };
        if (want === undefined) fail(`${what} returned offset ${seen.offset}, which the model does not hold`);
        if (seen.offset !== want.offset) fail(`${what} jumped: it returned offset ${seen.offset} where the model holds ${want.offset} next`);
        if (seen.key !== want.key || seen.value !== want.value) fail(`${what} returned ${JSON.stringify(seen)} where the model holds ${JSON.stringify(want)}`);
      });
      // The next fetch starts after the answer's last batch, whatever its records.
      next = headers[headers.length - 1]!.last + 1;
    }
    return next;
  }

  // A few consumers keep their positions across everything else, as lagging readers do.
  const lagging = [0, 0, 0];
  // Some scenarios remove little (so hundreds of segments pile up), others much.
  const removal = rnd.pick([0.15, 1]);
  const operations = {
    append: 50,
    consume: 10,
    lagging: 10,
    compact: compact ? 2 : 0,
    retention: 6 * removal,
    deleteRecords: 3 * removal,
    truncate: 2 * removal,
    restart: 3,
    powerCut: faults !== null ? 2 : 0,
  };
  const total = Object.values(operations).reduce((a, b) => a + b, 0);
  const choose = (): keyof typeof operations => {
    let x = rnd.next() * total;
    for (const [name, weight] of Object.entries(operations) as [keyof typeof operations, number][]) {
      if ((x -= weight) < 0) return name;
    }
    return 'append';
  };
  for (let op = 0; op < OPERATIONS; op++) {
    now += rnd.int(0, 3_000);
    maxSegments = Math.max(maxSegments, log.segments.length);
    const operation = choose();
    if (operation === 'append') {
      for (let n = rnd.int(1, 6); n > 0; n--) await append();
    } else if (operation === 'consume') {
      // A consumer from the start, a random offset or near the end, reading everything that is there.
      const from = rnd.pick(['start', 'random', 'end'] as const);
      const start = from === 'start' ? model.logStart : from === 'end' ? Math.max(model.logStart, model.end - rnd.int(0, 300)) : rnd.int(model.logStart, model.end);
      const limit = rnd.chance(0.2) ? rnd.int(start, model.end) : model.end;
      history.push(`consume from ${start} to ${limit}`);
      await consume(start, limit);
    } else if (operation === 'lagging') {
      const which = rnd.int(0, lagging.length - 1);
      const position = lagging[which]!;
      history.push(`lagging consumer ${which} at ${position}`);
      if (position < model.logStart || position > model.end) {
        // Its position was removed (retention, DeleteRecords) or truncated away: the read says
        // so, and it starts again from the earliest offset (auto.offset.reset=earliest).
        await assert.rejects(log.read(BigInt(position), rnd.pick(BUDGETS)(rnd)), OffsetOutOfRangeError);
        lagging[which] = model.logStart;
      } else lagging[which] = await consume(position, model.end, rnd.int(1, 20));
    } else if (operation === 'compact') {
      const force = rnd.chance(0.5);
      history.push(`compact${force ? ' (forced)' : ''}`);
      const result = await compactLog(log, force);
      if (result !== null) {
        model.compact(Number(log.cleanerCheckpoint));
        count('compactions');
      }
    } else if (operation === 'retention') {
      history.push('retention');
      if ((await log.applyRetention()) > 0) count('retentions removing segments');
      model.startAt(Number(log.logStartOffset));
    } else if (operation === 'deleteRecords') {
      // Mostly a little, sometimes everything.
      const to = rnd.chance(0.1) ? model.end : rnd.int(model.logStart, model.logStart + Math.floor((model.end - model.logStart) / 20));
      history.push(`deleteRecordsBefore ${to}`);
      await log.deleteRecordsBefore(BigInt(to));
      if (Number(log.logStartOffset) !== to) fail(`deleteRecordsBefore(${to}) left the log start at ${log.logStartOffset}`);
      model.startAt(to);
      count('deleteRecords');
    } else if (operation === 'truncate') {
      // Truncation to a batch boundary at or after the log start.
      const points = [model.end, ...model.batches.filter((b) => b.base >= model.logStart).map((b) => b.base)];
      const to = rnd.pick(points.slice(-rnd.int(1, 20)));
      history.push(`truncateTo ${to}`);
      await log.truncateTo(BigInt(to));
      model.truncateTo(to);
      count('truncations');
    } else if (operation === 'restart') {
      history.push('restart');
      await log.close();
      log = await open();
      count('restarts');
    } else {
      // Everything was acknowledged and synced, so everything survives a power cut.
      history.push('power cut');
      await log.checkpointed();
      faults!.powerLoss();
      log = await open();
      count('power cuts');
    }
    if (Number(log.logStartOffset) !== model.logStart || Number(log.highWatermark) !== model.end) {
      fail(`the log holds [${log.logStartOffset}, ${log.highWatermark}), the model [${model.logStart}, ${model.end})`);
    }
  }
  // Finally, one consumer reads everything from the start, and the lagging ones catch up.
  await consume(model.logStart, model.end);
  for (const position of lagging) if (position >= model.logStart && position <= model.end) await consume(position, model.end);
  await log.close();
  const summary = `seed ${seed} (${overrides['cleanup.policy']}, segment.bytes ${overrides['segment.bytes']}, removal ${removal}): ${appended} records appended, ${model.records.length} left, up to ${maxSegments} segments`;
  return { summary, maxSegments, tally };
}

const EXPECTED_ON_FILES = ['answers spanning segments', 'deleteRecords', 'restarts', 'compactions', 'retentions removing segments', 'truncations'];
const EXPECTED_IN_MEMORY = [...EXPECTED_ON_FILES, 'appends failed', 'power cuts'];

/**
 * Runs the scenarios. With the default seeds, one must have piled up hundreds of segments, and
 * each kind of change must have happened.
 */
async function runAll(t: { diagnostic(message: string): void }, seeds: number[], expected: string[], run: (seed: number) => Promise<Outcome>): Promise<void> {
  let most = 0;
  const total: Record<string, number> = {};
  for (const seed of seeds) {
    const { summary, maxSegments, tally } = await run(seed);
    t.diagnostic(summary);
    most = Math.max(most, maxSegments);
    for (const [what, n] of Object.entries(tally)) total[what] = (total[what] ?? 0) + n;
  }
  t.diagnostic(Object.entries(total).map(([what, n]) => `${what}: ${n}`).join(', '));
  if (process.env.SEED === undefined) {
    assert.ok(most >= 200, `the scenarios reached only ${most} segments`);
    for (const what of expected) assert.ok((total[what] ?? 0) > 0, `no ${what} in these scenarios`);
  }
}

test('every record is read exactly once and in order across segments, on the in-memory filesystem with faults', async (t) => {
  await runAll(t, MEMORY_SEEDS, EXPECTED_IN_MEMORY, (seed) => {
    const fs = new MemoryFileSystem();
    return runScenario({ seed, fs, dir: '/data/t-0', faults: fs });
  });
});

test('every record is read exactly once and in order across segments, on the real filesystem', async (t) => {
  mkdirSync(SCRATCH, { recursive: true });
  await runAll(t, FILE_SEEDS, EXPECTED_ON_FILES, async (seed) => {
    const root = mkdtempSync(join(SCRATCH, 'read-model-'));
    try {
      // Kafka's interval flush policy: a datasync per append would make this minutes on a real
      // disk, and readers then see data once written, which the in-memory run does not cover.
      return await runScenario({ seed, fs: new NodeFileSystem(), dir: join(root, 't-0'), faults: null, settings: { 'flush.messages': '9223372036854775807' } });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
