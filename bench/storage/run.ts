/**
 * bench/storage: the partition log's append and read throughput beside the machine's own limits,
 * measured in the same run with plain fs calls on the same disk.
 *
 *   node --conditions=sluice:source bench/storage/run.ts [--mb 256] [--dir /path/on/the/disk/to/test]
 *
 * Appends of 1 KiB records in 16 KiB and 256 KiB batches, 1 and 8 concurrent appenders:
 *   - flush.messages=1 (every append synced, Sluice's default) against a plain write+fdatasync loop;
 *   - an interval policy (flush.ms=1000) against plain writes.
 * Reads of the whole log, 1 MiB at a time, from a cold page cache (caches dropped, needs root)
 * and a warm one (median of several alternating passes), against plain sequential reads of the same files into fresh buffers (what any
 * server must do that hands the bytes to a socket) and, for scale, into one reused buffer.
 * The same warm reads of a log in 1 MiB segments, where most answers span two of them.
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { encodeUncompressedRecordBatch } from '@sluice/protocol';
import { FileCache, NodeFileSystem, PartitionLog, resolveTopicConfig } from '@sluice/storage';

const { values } = parseArgs({ options: { mb: { type: 'string', default: '256' }, dir: { type: 'string' } } });
const TOTAL = Number(values.mb) * 1024 * 1024;
const root = mkdtempSync(join(values.dir ?? tmpdir(), 'sluice-bench-storage-'));
const fs = new NodeFileSystem();
let dirCounter = 0;

function batchOf(bytes: number): Buffer {
  const records = Array.from({ length: bytes / 1024 }, (_, i) => ({ value: Buffer.alloc(1024 - 20, i % 256) }));
  return encodeUncompressedRecordBatch({ records });
}

const WARM_PASSES = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function mbps(bytes: number, ms: number): number {
  return bytes / 1e6 / (ms / 1000);
}

function dropCaches(): boolean {
  try {
    execSync('sync; echo 3 > /proc/sys/vm/drop_caches', { stdio: 'ignore', shell: '/bin/sh' });
    return true;
  } catch {
    return false;
  }
}

async function plainAppend(batchBytes: number, sync: boolean): Promise<number> {
  const path = join(root, `plain-${dirCounter++}.log`);
  const h = await open(path, 'w');
  const buf = batchOf(batchBytes);
  const start = performance.now();
  let pos = 0;
  while (pos < TOTAL) {
    await h.write(buf, 0, buf.length, pos);
    pos += buf.length;
    if (sync) await h.datasync();
  }
  if (!sync) await h.datasync();
  const ms = performance.now() - start;
  await h.close();
  return mbps(pos, ms);
}

async function logAppend(batchBytes: number, appenders: number, overrides: Record<string, string>): Promise<{ mbps: number; dir: string }> {
  const dir = join(root, `log-${dirCounter++}`);
  const log = await PartitionLog.open({ cache: new FileCache(fs), dir, config: resolveTopicConfig({ 'segment.bytes': String(256 * 1024 * 1024), ...overrides }) });
  const template = batchOf(batchBytes);
  let written = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: appenders }, async () => {
      while (written < TOTAL) {
        written += template.length;
        await log.append(Buffer.from(template));
      }
    }),
  );
  await log.flush();
  const ms = performance.now() - start;
  await log.close();
  return { mbps: mbps(written, ms), dir };
}

/**
 * Sequential 1 MiB reads of the log's files with plain fs calls. `fresh`: into a new buffer per
 * read, as any server must that hands the bytes on to a socket; otherwise into one reused buffer
 * (the page cache's copy speed).
 */
async function plainRead(dir: string, fresh: boolean): Promise<number> {
  const files = (await fs.list(dir)).filter((f) => f.endsWith('.log')).sort();
  let buf = Buffer.allocUnsafe(1 << 20);
  let total = 0;
  const start = performance.now();
  for (const f of files) {
    const h = await open(join(dir, f), 'r');
    for (let position = 0; ; ) {
      if (fresh) buf = Buffer.allocUnsafe(1 << 20);
      const { bytesRead } = await h.read(buf, 0, buf.length, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      total += bytesRead;
    }
    await h.close();
  }
  return mbps(total, performance.now() - start);
}

/** Writes TOTAL bytes of `batchBytes` batches into segments of `segmentBytes` (not timed). */
async function writeSegmented(batchBytes: number, segmentBytes: number): Promise<string> {
  const dir = join(root, `segmented-${dirCounter++}`);
  const log = await PartitionLog.open({ cache: new FileCache(fs), dir, config: resolveTopicConfig({ 'segment.bytes': String(segmentBytes), 'flush.messages': '9223372036854775807' }) });
  const template = batchOf(batchBytes);
  for (let written = 0; written < TOTAL; written += template.length) await log.append(Buffer.from(template));
  await log.close();
  return dir;
}

async function logRead(dir: string): Promise<number> {
  const log = await PartitionLog.open({ cache: new FileCache(fs), dir, config: resolveTopicConfig({ 'segment.bytes': String(256 * 1024 * 1024) }) });
  const offset = log.logStartOffset;
  let total = 0;
  const start = performance.now();
  const end = Number(log.highWatermark);
  let next = Number(offset);
  while (next < end) {
    const chunks = await log.read(BigInt(next), 1 << 20);
    for (const c of chunks) {
      total += c.length;
      // The next offset follows the last batch read (as a consumer finds it: from the headers).
      for (let p = 0; p + 27 <= c.length; p += c.readInt32BE(p + 8) + 12) {
        next = c.readUInt32BE(p) * 4294967296 + c.readUInt32BE(p + 4) + c.readInt32BE(p + 23) + 1;
      }
    }
    if (chunks.length === 0) break;
  }
  const ms = performance.now() - start;
  await log.close();
  return mbps(total, ms);
}

const rows: string[] = [];
const line = (what: string, ours: number, peerName: string, peer: number) => {
  const text = `${what.padEnd(58)} ${ours.toFixed(0).padStart(6)} MB/s   ${peerName.padEnd(26)} ${peer.toFixed(0).padStart(6)} MB/s   ${(ours / peer).toFixed(2)}×`;
  rows.push(text);
  console.log(text);
};

console.log(`${(TOTAL / 1048576).toFixed(0)} MiB per case, files in ${root}\n`);
const logDirs = new Map<number, string>();
for (const batchBytes of [16 * 1024, 256 * 1024]) {
  const plainSync = await plainAppend(batchBytes, true);
  const plainWrite = await plainAppend(batchBytes, false);
  for (const appenders of [1, 8]) {
    const always = await logAppend(batchBytes, appenders, {});
    line(`append ${batchBytes / 1024} KiB batches, ${appenders} appender(s), flush.messages=1`, always.mbps, 'write+fdatasync loop', plainSync);
    const interval = await logAppend(batchBytes, appenders, { 'flush.messages': '9223372036854775807', 'flush.ms': '1000' });
    line(`append ${batchBytes / 1024} KiB batches, ${appenders} appender(s), flush.ms=1000`, interval.mbps, 'plain writes', plainWrite);
    if (appenders === 1) logDirs.set(batchBytes, always.dir);
  }
}
for (const [batchBytes, logDir] of logDirs) {
  const what = `${batchBytes / 1024} KiB batches`;
  const cold = dropCaches();
  const coldLog = await logRead(logDir);
  dropCaches();
  const coldPlain = await plainRead(logDir, true);
  if (cold) line(`read ${what}, cold page cache`, coldLog, 'plain reads, cold', coldPlain);
  else console.log('read, cold page cache: not measured (dropping the page cache needs root)');
  // A warm pass takes tens of milliseconds: alternate the readers over several passes and keep
  // each one's median, so that a hiccup of the machine does not decide the ratio.
  await plainRead(logDir, true);
  const passes: { plain: number[]; reused: number[]; log: number[] } = { plain: [], reused: [], log: [] };
  for (let pass = 0; pass < WARM_PASSES; pass++) {
    passes.plain.push(await plainRead(logDir, true));
    passes.reused.push(await plainRead(logDir, false));
    passes.log.push(await logRead(logDir));
  }
  const warmPlain = median(passes.plain);
  const warmReused = median(passes.reused);
  const warmLog = median(passes.log);
  line(`read ${what}, warm page cache`, warmLog, 'plain reads, fresh buffers', warmPlain);
  line(`read ${what}, warm page cache`, warmLog, 'plain reads, one buffer', warmReused);
}
// Answers that span segments: each segment's files are opened and read on their own.
for (const batchBytes of [16 * 1024, 256 * 1024]) {
  const logDir = await writeSegmented(batchBytes, 1024 * 1024);
  await plainRead(logDir, true);
  const passes: { plain: number[]; log: number[] } = { plain: [], log: [] };
  for (let pass = 0; pass < WARM_PASSES; pass++) {
    passes.plain.push(await plainRead(logDir, true));
    passes.log.push(await logRead(logDir));
  }
  line(`read ${batchBytes / 1024} KiB batches in 1 MiB segments, warm page cache`, median(passes.log), 'plain reads, fresh buffers', median(passes.plain));
}
writeFileSync(join(root, 'results.txt'), rows.join('\n'));
rmSync(root, { recursive: true, force: true });
