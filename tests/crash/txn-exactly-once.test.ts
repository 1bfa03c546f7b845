// The exactly-once checker: a consume-transform-produce loop (read_committed consumer,
// transactional producer, the consumed offsets committed in each transaction with
// sendOffsetsToTransaction), once with the Java clients 4.3.1 (Tools.java `eos-copy`) and once
// with @sluice/client (support/eos-copy.ts, the same steps), copies N numbered records from a
// 3-partition input topic to a 6-partition output topic (a transaction spans up to 6 output
// partitions and the group's __consumer_offsets partition) while the broker process is killed with
// SIGKILL and restarted, and the loop's own process is killed and restarted (a new process with
// the same transactional.id fences the old epoch and resumes from the group's committed offsets).
// Each kill lands right after the loop says it ends a transaction: the broker dies somewhere in
// the two-phase commit (before the PrepareCommit record is synced, between the markers of the
// output partitions and __consumer_offsets, before CompleteCommit) and the loop dies with its
// transaction open or half committed. Some broker kills come instead as the loop sends the
// consumed offsets (TxnOffsetCommit, a transactional write to __consumer_offsets). Afterwards a read_committed reader must find every input record in the output
// exactly once (0 duplicates, 0 missing: a transaction committed on some partitions or in the
// offsets but not all of them shows up as one or the other), and a fresh loop must find the
// group's offsets at the input's end (nothing left to copy). Every 4th transaction of a loop is
// aborted on purpose (its records copied again in a later one), so kills also land in the
// middle of an abort (PrepareAbort, ABORT markers, CompleteAbort).
//
// The same test runs against Apache Kafka 4.3.1 (killed and restarted on its data folder): the
// expectations are Kafka's. It restarts in about 15 s where Sluice takes one, so it is not in the
// default runs; SLUICE_EOS_RUNS picks runs (`sluice/java,sluice/sluice,kafka/java`),
// SLUICE_EOS_RECORDS the record count. Kafka passed most runs, but twice a kill that left one of
// its transactions between markers or in an abort ended badly there: once 200 duplicates (one
// poll's records committed twice), once a transaction CompleteAbort in __transaction_state whose
// partitions (outputs and __consumer_offsets) never got the ABORT marker, so the LSO and the
// group's offsets (UNSTABLE_OFFSET_COMMIT) stayed blocked (Kafka's "hanging transaction"; its
// single node answers EndTxn before the markers, and a SIGKILL keeps the page cache).
import { spawn, type ChildProcess } from 'node:child_process';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeRecordBatch, decodeTransactionLogValue, isControl, Reader, type RecordBatch } from '@sluice/protocol';
import { createTopicsAndWait, javaTool, killableApacheKafka, killableSluiceBroker, onJsonLines, Random, spawnJavaTool } from '@sluice/test-kit';

type Target = 'sluice' | 'kafka';
type LoopClient = 'java' | 'sluice';
const PARTITIONS = 3;
/** Input partition p is copied to output partitions 2p and 2p+1: up to 6 partitions and the group's offsets in each transaction. */
const OUTPUT_PARTITIONS = 6;
/** Records, and what the k-th kill hits: the broker as the loop ends a transaction or as it
 * sends its offsets, or the copying loop itself. */
type Event = 'broker' | 'broker-offsets' | 'loop';
const PLAN: Record<Target, { count: number; events: readonly Event[] }> = {
  sluice: { count: 12_000, events: ['broker', 'loop', 'broker-offsets', 'broker', 'broker', 'loop', 'broker-offsets', 'broker', 'broker', 'loop', 'broker-offsets', 'broker', 'broker', 'loop', 'broker', 'broker-offsets'] },
  kafka: { count: 6000, events: ['broker', 'loop', 'broker', 'loop', 'broker'] },
};
const RUNS = (process.env.SLUICE_EOS_RUNS ?? 'sluice/java,sluice/sluice').split(',').filter(Boolean).map((r) => r.split('/') as [Target, LoopClient]);
const eosCopyScript = join(dirname(fileURLToPath(import.meta.url)), 'support', 'eos-copy.ts');

const TXN_STATES = ['Empty', 'Ongoing', 'PrepareCommit', 'PrepareAbort', 'CompleteCommit', 'CompleteAbort'];

/** The whole batches of a partition folder's .log files, in order; a batch cut short by the kill ends a file. */
async function* batchesIn(folder: string): AsyncGenerator<RecordBatch> {
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.log')).sort()) {
    const buf = readFileSync(join(folder, file));
    for (let pos = 0; pos + 12 <= buf.length; ) {
      const end = pos + 12 + buf.readInt32BE(pos + 8);
      if (end > buf.length) break;
      const batch = await decodeRecordBatch(buf.subarray(pos, end)).catch(() => null);
      if (!batch) break;
      pos = end;
      yield batch;
    }
  }
}

/**
 * Where a kill left the transaction of `transactionalId`: the state in its last record written to
 * __transaction_state (Kafka's TransactionLogKey/Value format, on both brokers), read from the
 * files of the stopped broker, and for PrepareCommit/PrepareAbort how many of its partitions have
 * their marker (the producer's last batch there is a control batch). Written, not necessarily
 * synced: the page cache survives a process kill. Tells kills before PrepareX (Ongoing), before,
 * between and after the markers, and after CompleteX.
 */
async function lastTransactionState(dataDir: string, transactionalId: string): Promise<string> {
  let last: ReturnType<typeof decodeTransactionLogValue> | null = null;
  for (const folder of readdirSync(dataDir).filter((f) => f.startsWith('__transaction_state-'))) {
    for await (const batch of batchesIn(join(dataDir, folder))) {
      for (const r of batch.records) {
        if (!r.key || r.key.readInt16BE(0) !== 0 || r.key.toString('utf8', 4, 4 + r.key.readInt16BE(2)) !== transactionalId) continue;
        last = r.value ? decodeTransactionLogValue(new Reader(r.value, 2), r.value.readInt16BE(0)) : null;
      }
    }
  }
  if (!last) return 'none';
  const state = TXN_STATES[last.transactionStatus] ?? 'unknown';
  if (!state.startsWith('Prepare')) return state;
  const partitions = (last.transactionPartitions ?? []).flatMap((t) => t.partitionIds.map((p) => `${t.topic}-${p}`));
  let marked = 0;
  for (const folder of partitions) {
    let lastIsMarker = false;
    for await (const batch of batchesIn(join(dataDir, folder))) if (batch.header.producerId === last.producerId) lastIsMarker = isControl(batch.header.attributes);
    if (lastIsMarker) marked++;
  }
  return `${state} with ${marked} of ${partitions.length} markers`;
}

/** One run of Tools.java eos-copy, followed line by line. */
class CopyLoop {
  /** Offsets the loop began to send (TxnOffsetCommit). */
  sendingOffsets = 0;
  /** Transactions the loop began to end (EndTxn), and those it saw ended. */
  ending = 0;
  ended = 0;
  copied = 0;
  /** Transactions this process aborted (after an abortable error). */
  aborts = 0;
  stderr = '';
  result: { done: boolean; copied: number; transactions: number; aborted: number } | undefined;
  killed = false;
  readonly exited: Promise<number | null>;
  private waiters: (() => void)[] = [];

  readonly child: ChildProcess;

  private constructor(child: ChildProcess) {
    this.child = child;
    onJsonLines(child.stdout!, (m) => (this.result = m));
    child.stderr!.on('data', (d) => {
      const text = String(d);
      this.stderr = (this.stderr + text).slice(-6000);
      this.sendingOffsets += [...text.matchAll(/^offsets \d+$/gm)].length;
      this.ending += [...text.matchAll(/^ending \d+ (?:commit|abort)$/gm)].length;
      this.ended += [...text.matchAll(/^aborted \d+$/gm)].length;
      this.aborts += [...text.matchAll(/^aborting after/gm)].length;
      for (const m of text.matchAll(/^committed \d+ (\d+)$/gm)) {
        this.ended++;
        this.copied = Math.max(this.copied, Number(m[1]));
      }
      for (const w of this.waiters.splice(0)) w();
    });
    this.exited = new Promise((resolve) => child.on('exit', (code) => {
      resolve(code);
      for (const w of this.waiters.splice(0)) w();
    }));
  }

  static async start(client: LoopClient, args: string[]): Promise<CopyLoop> {
    if (client === 'java') return new CopyLoop(await spawnJavaTool(['eos-copy', ...args]));
    return new CopyLoop(spawn(process.execPath, ['--conditions=sluice:source', eosCopyScript, ...args], { stdio: ['ignore', 'pipe', 'pipe'] }));
  }

  /** Resolves when `ready()` holds; fails if the loop exits first. */
  async until(what: string, ready: () => boolean): Promise<void> {
    while (!ready()) {
      if (this.child.exitCode !== null || this.child.signalCode !== null) throw new Error(`the copying loop exited (${this.child.exitCode}) before ${what}:\n${this.stderr}`);
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  async kill(): Promise<void> {
    this.killed = true;
    this.child.kill('SIGKILL');
    await this.exited;
  }
}

for (const [target, client] of RUNS) {
  const { count: COUNT, events: EVENTS } = PLAN[target];
  describe(`exactly-once copy on ${target === 'kafka' ? 'Apache Kafka 4.3.1' : 'Sluice'} by a loop with ${client === 'java' ? 'the Java clients' : '@sluice/client'}`, () => {
    test(`${COUNT} records copied in transactions through ${EVENTS.filter((e) => e !== 'loop').length} broker kills and ${EVENTS.filter((e) => e === 'loop').length} loop kills arrive exactly once`, { timeout: 600_000 }, async (t) => {
      const broker = target === 'kafka' ? await killableApacheKafka() : await killableSluiceBroker();
      const random = new Random(16);
      const run = `${Date.now().toString(36)}`;
      const [input, output, group, txnId] = ['eos-in', 'eos-out', 'eos-group', 'eos-txn'].map((n) => `${n}-${run}`) as [string, string, string, string];
      const loopArgs = [broker.bootstrap, input, output, group, txnId];
      let loop: CopyLoop | undefined;
      let aborts = 0;
      /** Broker kills that came before the loop saw its EndTxn answered. */
      let killsInEndTxn = 0;
      /** The loop's transaction state each broker kill left on disk, counted. */
      const leftIn = new Map<string, number>();
      const started = Date.now();
      try {
        await createTopicsAndWait(broker.bootstrap, [{ name: input, partitions: PARTITIONS }, { name: output, partitions: OUTPUT_PARTITIONS }]);
        const produced = await javaTool(['produce', broker.bootstrap, input, String(COUNT), 'none', 'idempotent']);
        assert.equal(produced.at(-1)?.acked, COUNT);

        loop = await CopyLoop.start(client, loopArgs);
        let loopRuns = 1;
        for (const [k, event] of EVENTS.entries()) {
          const current = loop;
          await current.until(`${Math.floor((COUNT * (k + 1)) / (EVENTS.length + 1))} records copied`, () => current.copied >= Math.floor((COUNT * (k + 1)) / (EVENTS.length + 1)));
          // The kill follows the loop's "ending" line by 0-10 ms: inside EndTxn or just before or after it (counted below).
          // A broker-offsets kill follows the loop's "offsets" line the same way: inside TxnOffsetCommit.
          const counter = () => (event === 'broker-offsets' ? current.sendingOffsets : current.ending);
          const seen = counter();
          await current.until(event === 'broker-offsets' ? 'the next offsets sent' : 'the next end of a transaction', () => counter() > seen);
          await new Promise((r) => setTimeout(r, random.int(0, 10)));
          if (event !== 'loop') {
            if (event === 'broker' && current.ended < current.ending) killsInEndTxn++;
            await broker.kill();
            const state = `${event === 'broker-offsets' ? 'at TxnOffsetCommit, ' : ''}${await lastTransactionState(broker.dataDir, txnId)}`;
            leftIn.set(state, (leftIn.get(state) ?? 0) + 1);
            await broker.restart();
          } else {
            await current.kill();
            aborts += current.aborts;
            loop = await CopyLoop.start(client, loopArgs);
            loopRuns++;
          }
          t.diagnostic(`event ${k + 1}: ${event} killed after ${current.copied} records copied`);
        }
        const code = await loop.exited;
        assert.equal(code, 0, `the copying loop failed:\n${loop.stderr}`);
        assert.equal(loop.result?.done, true);
        aborts += loop.aborts;

        // A new loop finds nothing left: the group's committed offsets are the input's end.
        const again = await CopyLoop.start(client, loopArgs);
        assert.equal(await again.exited, 0, `the last loop failed:\n${again.stderr}`);
        assert.deepEqual(again.result, { done: true, copied: COUNT, transactions: 0, aborted: 0 }, 'the group committed every input offset');

        const read = await javaTool(['txn-read', broker.bootstrap, output, String(COUNT)], 180_000);
        const timesSeen = new Uint32Array(COUNT);
        let foreign = 0;
        for (const r of read) {
          const n = Number(String(r.value).slice(1));
          if (String(r.value) === `v${n}` && n >= 0 && n < COUNT) timesSeen[n]!++;
          else foreign++;
        }
        const missing = timesSeen.filter((n) => n === 0).length;
        const duplicates = timesSeen.reduce((sum, n) => sum + Math.max(0, n - 1), 0);
        t.diagnostic(`N=${COUNT}, ${EVENTS.length} kill cycles (${EVENTS.join(', ')}; ${killsInEndTxn} broker kills before EndTxn was answered; transaction state left by the broker kills: ${[...leftIn].map(([state, n]) => `${state} ${n}`).join(', ')}), ${loopRuns} loop processes, ${aborts} transactions aborted after an error, the last process ${loop.result?.transactions} committed and ${loop.result?.aborted} aborted; read back ${read.length}: ${duplicates} duplicates, ${missing} missing; ${((Date.now() - started) / 1000).toFixed(0)} s`);
        // Where the copies of a duplicated value sit (output partition@offset), to tell which transactions overlap.
        const seenAt = (value: string) => read.filter((r) => r.value === value).map((r) => `${r.partition}@${r.offset}`).join(' and ');
        const firstDuplicates = [...timesSeen.keys()].filter((n) => timesSeen[n]! > 1).slice(0, 3).map((n) => `v${n} at ${seenAt(`v${n}`)}`);
        assert.deepEqual({ duplicates, missing, foreign }, { duplicates: 0, missing: 0, foreign: 0 }, `first duplicates: ${firstDuplicates.join('; ')}\nlast loop:\n${loop.stderr.slice(-3000)}`);
      } finally {
        if (loop && loop.child.exitCode === null) await loop.kill();
        await broker.stop();
      }
    });
  });
}
