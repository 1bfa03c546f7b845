/**
 * Target: the broker's whole request path, from bytes on a connection to the answer: framing,
 * header, request decoding for every API and version, the handler, the response encoding. The
 * broker runs in this process (so its code is measured) on a temporary data folder, and the input
 * is written to it over loopback connections as a real client would.
 *
 * An input is a sequence of operations, each one request frame on one of four connections:
 *
 *   flags (u8) | length (u16, big-endian) | frame (length bytes, without the size prefix)
 *   flags: bits 0-1 the connection; bit 7: wait for that connection's answers before going on
 *
 * The harness writes each frame with its size prefix (an empty frame is `00 00 00 00`), then waits
 * for the connections' answers (a little while: a Fetch or a JoinGroup may rightly wait longer),
 * closes them, and checks the property: no error escaped into a timer or callback (it would end
 * the process), the broker logged no unexpected error and closed no connection over a bug (every
 * error must be a protocol answer or a connection closed on purpose), every request that does not
 * long-poll was answered, the broker still answers a request on a fresh connection, and its Fetch
 * answers neither jump inside a partition's records (unless the topic is compacted) nor refuse a
 * full fetch for its session (fetch-answers.ts).
 */
import { createConnection, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  Apis,
  FrameDecoder,
  Reader,
  Writer,
  apiByKey,
  decodeRequestHeader,
  encodeRequest,
  encodeRequestHeader,
  requestHeaderVersion,
} from '@sluice/protocol';
import { startBroker, type Broker } from '@sluice/broker';
import { codecFor, Random, randomStruct, RawConnection, schema, versionsOf } from '@sluice/test-kit';
import type { Mutator } from '../engine/mutate.ts';
import { PropertyViolation, type FuzzTarget } from '../engine/fuzzer.ts';
import { capturedScenarios } from '../seeds.ts';
import { checkFetchAnswer, fetchRequestOf, type FetchCheck, type FetchGap } from './fetch-answers.ts';

export interface Op {
  connection: number;
  wait: boolean;
  frame: Buffer;
}

const WAIT = 0x80;
const CONNECTIONS = 4;
/**
 * How long the harness waits for the answers of a connection that sent a request which may rightly
 * wait (a Fetch's long poll, a JoinGroup or SyncGroup during a rebalance) before it closes it.
 */
const LONG_POLL_WAIT_MS = 60;
/** Requests that may rightly wait for others; every other request is answered at once. */
const LONG_POLL_APIS = new Set([Apis.Fetch.apiKey, Apis.JoinGroup.apiKey, Apis.SyncGroup.apiKey]);
/** How long any other request may take to be answered before the broker counts as stuck. */
const ANSWER_TIMEOUT_MS = 30_000;
/**
 * Close reasons that are not a decision but a bug: a JavaScript runtime error, or an answer the
 * broker built but could not encode at the request's version (it must answer, not close).
 */
const BUG_CLOSE = /\b(TypeError|RangeError|ReferenceError|SyntaxError|Cannot read propert|is not a function|is not iterable|Maximum call stack)|cannot encode the/;
/** The correlation id of the harness's own ApiVersions, sent behind the input to see it answered. */
const SENTINEL = 0x5e5e5e5e;
/** Partitions beyond which a request has created partitions without bound. */
const MAX_PARTITIONS = 20_000;

/** Settings that keep the group timers short, so that they fire while the fuzzer watches. */
const FUZZ_BROKER_CONFIG: Record<string, string> = {
  'group.initial.rebalance.delay.ms': '20',
  'group.min.session.timeout.ms': '100',
  'offsets.topic.num.partitions': '2',
  'log.segment.bytes': '16384',
  'controlled.shutdown.timeout.ms': '1000',
};

export function encodeOps(ops: readonly Op[]): Buffer {
  const parts: Buffer[] = [];
  for (const op of ops) {
    const frame = op.frame.subarray(0, 0xffff);
    const head = Buffer.alloc(3);
    head[0] = (op.connection & 3) | (op.wait ? WAIT : 0);
    head.writeUInt16BE(frame.length, 1);
    parts.push(head, frame);
  }
  return Buffer.concat(parts);
}

/** Reads operations; a cut-short last one keeps what is there. */
export function decodeOps(input: Buffer): Op[] {
  const ops: Op[] = [];
  let pos = 0;
  while (pos + 3 <= input.length) {
    const flags = input[pos];
    const length = input.readUInt16BE(pos + 1);
    const frame = input.subarray(pos + 3, Math.min(input.length, pos + 3 + length));
    ops.push({ connection: flags & 3, wait: (flags & WAIT) !== 0, frame });
    pos += 3 + length;
  }
  return ops;
}

function sized(frame: Buffer): Buffer {
  const size = Buffer.alloc(4);
  size.writeInt32BE(frame.length);
  return Buffer.concat([size, frame]);
}

const sentinelFrame = sized(Buffer.concat(encodeRequest(Apis.ApiVersions, 0, SENTINEL, 'fuzz-sentinel', {})).subarray(4));

/** One of the input's connections: writes frames, and knows when its answers have all come. */
class InputConnection {
  private readonly decoder = new FrameDecoder(1 << 30);
  private sentinels: (() => void)[] = [];
  private closed = false;
  /** Fetch requests written, by correlation id, whose answers are checked; null when the id was used twice. */
  private readonly fetches = new Map<number, ReturnType<typeof fetchRequestOf> | null>();
  /** True once a request was written that may rightly wait (or whose API cannot be told). */
  mayWait = false;
  /** A request is waiting (rightly): answers come in order, so nothing more will come for now. */
  private stalled = false;

  private readonly socket: Socket;
  private readonly findings: FetchCheck;

  private constructor(socket: Socket, findings: FetchCheck) {
    this.socket = socket;
    this.findings = findings;
    socket.on('data', (chunk) => {
      let frames: Buffer[];
      try {
        frames = this.decoder.push(chunk);
      } catch {
        return; // an answer the harness cannot frame is the test client's concern, not the broker's
      }
      for (const f of frames) {
        if (f.length < 4) continue;
        const correlationId = f.readInt32BE(0);
        if (correlationId === SENTINEL) this.sentinels.shift()?.();
        else this.checkAnswer(correlationId, f);
      }
    });
    socket.on('close', () => {
      this.closed = true;
      for (const s of this.sentinels.splice(0)) s();
    });
    socket.on('error', () => {});
  }

  static open(port: number, findings: FetchCheck): Promise<InputConnection> {
    return new Promise((resolve, reject) => {
      const s = createConnection({ port, host: '127.0.0.1' }, () => resolve(new InputConnection(s, findings)));
      s.once('error', reject);
    });
  }

  write(frame: Buffer): void {
    if (frame.length < 2 || LONG_POLL_APIS.has(frame.readInt16BE(0))) this.mayWait = true;
    const fetch = fetchRequestOf(frame);
    if (fetch !== undefined) this.fetches.set(fetch.correlationId, this.fetches.has(fetch.correlationId) ? null : fetch);
    if (!this.closed) this.socket.write(sized(frame));
  }

  private checkAnswer(correlationId: number, frame: Buffer): void {
    const request = this.fetches.get(correlationId);
    if (request === null || request === undefined) return;
    this.fetches.delete(correlationId);
    const { problems, gaps } = checkFetchAnswer(request, frame);
    this.findings.problems.push(...problems);
    this.findings.gaps.push(...gaps);
  }

  /**
   * Resolves once everything written before has been answered or the broker closed the connection;
   * or, when a request may rightly wait, after a short while. Throws when a request that may not
   * wait is not answered in time.
   */
  async settle(): Promise<void> {
    if (this.closed || this.stalled) return;
    const answered = new Promise<'answered'>((resolve) => this.sentinels.push(() => resolve('answered')));
    this.socket.write(sentinelFrame);
    const timer = new AbortController();
    const waitMs = this.mayWait ? LONG_POLL_WAIT_MS : ANSWER_TIMEOUT_MS;
    const outcome = await Promise.race([answered, sleep(waitMs, 'timeout' as const, { signal: timer.signal }).catch(() => 'answered' as const)]);
    timer.abort();
    if (outcome === 'timeout') this.stalled = true;
    if (outcome === 'timeout' && !this.mayWait) throw new PropertyViolation(`a request was neither answered nor refused within ${ANSWER_TIMEOUT_MS} ms`);
  }

  close(): void {
    this.socket.destroy();
  }
}

interface BrokerTarget extends FuzzTarget {
  seeds(): Promise<Buffer[]>;
}

/**
 * @param settleMs how long to wait after each input for timers it started (the regression replay
 * waits past the group timers; the fuzzer does not, and a timer's failure shows in a later input,
 * which is why its reproducer is the last few inputs joined).
 */
export function brokerRequestsTarget(settleMs = 0): BrokerTarget {
  let broker: Broker | undefined;
  let health: RawConnection | undefined;
  const logged: string[] = [];
  let served: Map<number, [number, number]> = new Map();
  let inputs = 0;
  const fetchFindings: FetchCheck = { problems: [], gaps: [] };

  const log = {
    info() {},
    warn(message: string) {
      if (BUG_CLOSE.test(message)) logged.push(message);
    },
    error(message: string, e?: unknown) {
      logged.push(`${message}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    },
  };

  async function answersWithin(what: string, p: Promise<unknown>): Promise<unknown> {
    let timer: NodeJS.Timeout | undefined;
    const stuck = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new PropertyViolation(`the broker did not answer ${what} within ${ANSWER_TIMEOUT_MS} ms`)), ANSWER_TIMEOUT_MS);
    });
    try {
      return await Promise.race([p, stuck]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Whether the topic is compacted (a gap in its Fetch answers is then right), asked over the harness's own connection. */
  async function compacted(topic: FetchGap['topic']): Promise<boolean> {
    let name: string | undefined;
    if ('name' in topic) name = topic.name;
    else {
      const metadata = (await answersWithin('Metadata', health!.request(Apis.Metadata, 12, { topics: null, allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false }))) as {
        topics: { name: string | null; topicId: string }[];
      };
      name = metadata.topics.find((t) => t.topicId === topic.id)?.name ?? undefined;
    }
    // A topic deleted since cannot be asked about: it is given the benefit of the doubt.
    if (name === undefined) return true;
    const described = (await answersWithin('DescribeConfigs', health!.request(Apis.DescribeConfigs, 4, { resources: [{ resourceType: 2, resourceName: name, configurationKeys: ['cleanup.policy'] }], includeSynonyms: false, includeDocumentation: false }))) as {
      results: { errorCode: number; configs: { name: string; value: string | null }[] }[];
    };
    const result = described.results[0];
    if (result === undefined || result.errorCode !== 0) return true;
    return (result.configs.find((c) => c.name === 'cleanup.policy')?.value ?? '').includes('compact');
  }

  async function checkFetchAnswers(): Promise<void> {
    const problems = fetchFindings.problems.splice(0);
    const gaps = fetchFindings.gaps.splice(0);
    if (problems.length > 0) throw new PropertyViolation(problems.join('\n'));
    for (const gap of gaps) {
      if (await compacted(gap.topic)) continue;
      const topic = 'name' in gap.topic ? gap.topic.name : `topic id ${gap.topic.id}`;
      throw new PropertyViolation(`a Fetch answer for ${topic}-${gap.partition} jumped from offset ${gap.after} to ${gap.next} in a topic that is not compacted: a client takes that for compaction and never reads what lies between`);
    }
  }

  async function run(input: Buffer): Promise<void> {
    const ops = decodeOps(input);
    const connections = new Map<number, InputConnection>();
    try {
      // Every connection is open before the first frame, so that frames on different connections
      // written back to back reach the broker back to back.
      for (const n of new Set(ops.map((op) => op.connection))) connections.set(n, await InputConnection.open(broker!.port, fetchFindings));
      for (const op of ops) {
        const c = connections.get(op.connection)!;
        c.write(op.frame);
        if (op.wait) await c.settle();
      }
      await Promise.all([...connections.values()].map((c) => c.settle()));
    } finally {
      for (const c of connections.values()) c.close();
    }
    if (settleMs > 0) await sleep(settleMs);
    if (logged.length > 0) throw new PropertyViolation(`the broker logged an unexpected error (a bug, not a protocol answer): ${logged.splice(0).join('\n')}`);
    await checkFetchAnswers();
    // A fresh connection is answered: the broker still serves.
    const fresh = await RawConnection.open(broker!.port);
    try {
      await answersWithin('ApiVersions on a fresh connection', fresh.request(Apis.ApiVersions, 3, { clientSoftwareName: 'fuzz', clientSoftwareVersion: '1' }));
    } finally {
      fresh.close();
    }
    if (++inputs % 50 === 0 || settleMs > 0) {
      const metadata = (await answersWithin('Metadata', health!.request(Apis.Metadata, 12, { topics: null, allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false }))) as {
        topics: { partitions: unknown[] }[];
      };
      const partitions = metadata.topics.reduce((n, t) => n + t.partitions.length, 0);
      if (partitions > MAX_PARTITIONS) throw new PropertyViolation(`requests created ${partitions} partitions: nothing bounds them`);
    }
  }

  /** Captured client sessions (first 40 requests each, fetches made not to wait) and one generated request per served API version. */
  async function seeds(): Promise<Buffer[]> {
    const out: Buffer[] = [];
    for (const s of capturedScenarios()) {
      const ops = s.requests.slice(0, 40).map((r) => ({ connection: (r.connection - 1) & 3, wait: true, frame: r.apiKey === 1 ? fetchWithoutWait(r.frame) : r.frame }));
      out.push(encodeOps(ops));
    }
    const rnd = new Random(20261203);
    for (const m of schema.messages) {
      if (m.kind !== 'request' || !served.has(m.apiKey!)) continue;
      const [min, max] = served.get(m.apiKey!)!;
      const api = apiByKey.get(m.apiKey!)!;
      for (const version of versionsOf(m)) {
        if (version < min || version > max) continue;
        const w = new Writer();
        encodeRequestHeader(w, { apiKey: m.apiKey!, apiVersion: version, correlationId: 7, clientId: 'fuzz' }, api.requestHeaderVersion(version));
        codecFor(m).encode(w, randomStruct(m, m.name, version, rnd), version);
        out.push(encodeOps([{ connection: 0, wait: true, frame: w.finish() }]));
      }
    }
    return out;
  }

  return {
    name: 'broker-requests',
    maxInputBytes: 64 * 1024,
    covers: (url) => url.includes('/packages/broker/src/') || url.includes('/packages/protocol/src/') || url.includes('/packages/storage/src/'),
    async open() {
      // The real filesystem, in a temporary folder: its asynchronous calls let other connections'
      // requests run in between, as in production (an in-memory one answers within the same turn).
      broker = await startBroker({ port: 0, host: '127.0.0.1', config: FUZZ_BROKER_CONFIG, log });
      health = await RawConnection.open(broker.port);
      const versions = await health.request(Apis.ApiVersions, 3, { clientSoftwareName: 'fuzz', clientSoftwareVersion: '1' });
      served = new Map(versions.apiKeys.map((k: { apiKey: number; minVersion: number; maxVersion: number }) => [k.apiKey, [k.minVersion, k.maxVersion]]));
    },
    async close() {
      health?.close();
      await broker?.close();
    },
    run,
    seeds,
    mutate,
    reproducer: (recent) => encodeOps(recent.flatMap(decodeOps)),
  };
}

/** A captured Fetch with max_wait_ms 0, so that the fuzzer does not sit out every long poll. */
function fetchWithoutWait(frame: Buffer): Buffer {
  const out = Buffer.from(frame);
  const version = out.readInt16BE(2);
  const r = new Reader(out);
  decodeRequestHeader(r, requestHeaderVersion(1, version));
  // replica_id (int32) precedes max_wait_ms up to v14; v15 moved it into a tagged field.
  out.writeInt32BE(0, r.pos + (version <= 14 ? 4 : 0));
  return out;
}

/** Mutates one frame, or the sequence: a frame repeated, dropped, moved to another connection, taken from another input. */
function mutate(input: Buffer, m: Mutator): Buffer {
  const r = m.rnd;
  const ops = decodeOps(input);
  if (ops.length === 0) return m.mutate(input);
  const i = r.int(0, ops.length - 1);
  const choice = r.int(0, 19);
  if (choice < 13) {
    ops[i] = { ...ops[i], frame: m.mutate(ops[i].frame) };
  } else if (choice === 13) {
    ops.splice(r.int(0, ops.length), 0, ops[i]);
  } else if (choice === 14 && ops.length > 1) {
    ops.splice(i, 1);
  } else if (choice === 15) {
    ops[i] = { ...ops[i], connection: r.int(0, CONNECTIONS - 1) };
  } else if (choice === 16) {
    ops[i] = { ...ops[i], wait: !ops[i].wait };
  } else if (choice === 17 && ops.length > 1) {
    const j = r.int(0, ops.length - 1);
    [ops[i], ops[j]] = [ops[j], ops[i]];
  } else {
    // Another input's request, here.
    const donor = decodeOps(m.pick() ?? input);
    if (donor.length > 0) ops.splice(r.int(0, ops.length), 0, donor[r.int(0, donor.length - 1)]);
  }
  return encodeOps(ops);
}
