/**
 * Fetch (key 1), versions 4-17.
 * v4: isolation level, last stable offset, aborted transactions; v5: log start offset;
 * v7: fetch sessions (KIP-227, ../fetch/fetch-sessions.ts); v9: current leader epoch; v11: rack
 * id, preferred read replica; v12: flexible; v13: topic ids instead of names; v15: replica state
 * (followers only).
 *
 * read_committed (isolation level 1) reads below the last stable offset only, and reports the
 * aborted transactions whose data may be in what it returns (from the segments' aborted
 * transaction indexes, as Kafka's collectAbortedTransactions): an empty list when none or nothing
 * is returned, null for read_uncommitted and for a read that failed (an unknown partition gets an
 * empty list at both levels, as from Kafka). Control batches (transaction markers) are returned at
 * both levels: clients skip them.
 *
 * Waits for min_bytes up to max_wait_ms on delayed operations woken by appends (and, for
 * read_committed, by the last stable offset moving). A full fetch
 * answers every requested partition, in request order (the Java client drops a full response
 * missing one); an incremental one only the session's partitions with news. Empty partitions
 * carry empty records, never null. Batches are served as stored.
 *
 * Special values as Kafka treats them: max_bytes 0 still returns the first batch (KIP-74), a
 * negative partition limit is refused, a fetch from a replica id (a follower) gets
 * NOT_LEADER_OR_FOLLOWER since this node has no followers, a last fetched epoch after ours (0) is
 * out of range, and a partition answered with an error carries -1 offsets. An isolation level
 * other than 0 and 1 refuses the whole request (Kafka fails it with UNKNOWN_SERVER_ERROR; we say
 * INVALID_REQUEST).
 *
 * Quotas, as Kafka's: a consumer's max_bytes is capped at what one consumer_byte_rate window
 * holds; a consumer over consumer_byte_rate or request_percentage gets no partitions and the
 * throttle time (its session keeps its positions).
 */
import { Apis, ErrorCode, LOG_OVERHEAD, Offsets, type FetchRequest, type FetchResponsePartitionDataInput } from '@sluice/protocol';
import { type BrokerCore, partitionKey } from '../core.ts';
import { FINAL_EPOCH, type FetchSession, INITIAL_EPOCH, INVALID_SESSION_ID, nextEpoch, type SessionPartition } from '../fetch/fetch-sessions.ts';
import { fetchChannel, type BrokerFetchMessage } from '../diagnostics.ts';
import { boundedThrottleTimeMs, quotaUser } from '../quotas/index.ts';
import type { PartitionView } from '../topics/types.ts';
import { defineHandler } from './handler.ts';
import { authorized } from './authorize.ts';
import { AclOperation, ResourceType } from '../acl/model.ts';
import { errorCodeOf } from './errors.ts';

const READ_UNCOMMITTED = 0;
const READ_COMMITTED = 1;
const EMPTY = Buffer.alloc(0);
/** Topic id of a request by name (before v13). */
const ZERO_UUID = 'AAAAAAAAAAAAAAAAAAAAAA';

interface Wanted {
  /** The partition's key in a fetch session: by topic id from v13, by name before. */
  key: string;
  topic: string;
  topicId: string;
  index: number;
  offset: bigint;
  maxBytes: number;
  partition: PartitionView | undefined;
  errorCode: number;
}

/** Where a request's partitions are answered from: outside any session, a new one, or an existing one. */
type FetchContext = { kind: 'sessionless' } | { kind: 'full' } | { kind: 'incremental'; session: FetchSession; requestEpoch: number };

function sessionKey(usesTopicIds: boolean, topic: string, topicId: string, partition: number): string {
  return `${usesTopicIds ? topicId : topic}\u0000${partition}`;
}

/**
 * The request's partitions as session entries (what the request says of each). A partition listed
 * twice is one entry, in the place of its first listing with what its last says, as Kafka's
 * FetchRequest reads them into a LinkedHashMap: it is answered once.
 */
function listedPartitions(request: FetchRequest, usesTopicIds: boolean): SessionPartition[] {
  const listed = new Map<string, SessionPartition>();
  for (const t of request.topics) {
    const topic = usesTopicIds ? '' : t.topic;
    const topicId = usesTopicIds ? t.topicId : ZERO_UUID;
    for (const p of t.partitions) {
      const key = sessionKey(usesTopicIds, topic, topicId, p.partition);
      listed.set(key, {
        key,
        topic,
        topicId,
        partition: p.partition,
        fetchOffset: p.fetchOffset,
        maxBytes: p.partitionMaxBytes,
        currentLeaderEpoch: p.currentLeaderEpoch,
        lastFetchedEpoch: p.lastFetchedEpoch,
        highWatermark: -1n,
        logStartOffset: -1n,
      });
    }
  }
  return [...listed.values()];
}

function forgottenKeys(request: FetchRequest, usesTopicIds: boolean): string[] {
  return request.forgottenTopicsData.flatMap((t) => t.partitions.map((p) => sessionKey(usesTopicIds, t.topic, t.topicId, p)));
}

/** Finds the partition a session entry names, now (a topic may have gone since it was added). */
function resolve(broker: BrokerCore, p: SessionPartition, usesTopicIds: boolean, fromFollower: boolean): Wanted {
  const topic = usesTopicIds ? broker.topics.getById(p.topicId) : broker.topics.get(p.topic);
  const partition = topic === undefined ? undefined : broker.topics.partition(topic.name, p.partition);
  const unknownTopic = usesTopicIds ? ErrorCode.UNKNOWN_TOPIC_ID : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
  const w: Wanted = {
    key: p.key,
    topic: topic?.name ?? p.topic,
    topicId: usesTopicIds ? p.topicId : (topic?.topicId ?? p.topicId),
    index: p.partition,
    offset: p.fetchOffset,
    maxBytes: p.maxBytes,
    partition,
    errorCode: topic === undefined ? unknownTopic : partition === undefined ? ErrorCode.UNKNOWN_TOPIC_OR_PARTITION : ErrorCode.NONE,
  };
  if (w.errorCode === ErrorCode.NONE) w.errorCode = fromFollower ? ErrorCode.NOT_LEADER_OR_FOLLOWER : checkPosition(w, p);
  return w;
}

/** Where reading may go: the high watermark, or the last stable offset for read_committed. */
function limitOf(p: PartitionView, isolation: number): bigint {
  return isolation === READ_COMMITTED ? p.lastStableOffset : p.highWatermark;
}

function checkPosition(w: Wanted, asked: SessionPartition): number {
  const p = w.partition!;
  if (asked.currentLeaderEpoch > 0) return ErrorCode.UNKNOWN_LEADER_EPOCH; // our only epoch is 0
  // Kafka finds no end offset for an epoch after its latest: the position cannot be checked.
  if (asked.lastFetchedEpoch > 0) return ErrorCode.OFFSET_OUT_OF_RANGE;
  if (w.offset < p.logStartOffset || w.offset > p.logEndOffset) return ErrorCode.OFFSET_OUT_OF_RANGE;
  return ErrorCode.NONE;
}

/** Every requested partition refused with the request's error, as Kafka answers a request it cannot read. */
function refusedWhole(request: FetchRequest, errorCode: number) {
  const partition = (partitionIndex: number): FetchResponsePartitionDataInput => ({ partitionIndex, errorCode, highWatermark: -1n, lastStableOffset: -1n, logStartOffset: -1n, abortedTransactions: [], preferredReadReplica: -1, records: EMPTY });
  return { throttleTimeMs: 0, errorCode, sessionId: INVALID_SESSION_ID, responses: request.topics.map((t) => ({ topic: t.topic, topicId: t.topicId, partitions: t.partitions.map((p) => partition(p.partition)) })) };
}

/** An answer without partitions: the session named cannot be used (Kafka's SessionErrorContext). */
function sessionError(errorCode: number, sessionId = INVALID_SESSION_ID) {
  return { throttleTimeMs: 0, errorCode, sessionId, responses: [] };
}

export const fetchHandler = defineHandler({
  api: Apis.Fetch,
  minVersion: 4,
  maxVersion: 17,
  async handle(ctx, request) {
    const { broker, version } = ctx;
    if (request.isolationLevel !== READ_UNCOMMITTED && request.isolationLevel !== READ_COMMITTED) return refusedWhole(request, ErrorCode.INVALID_REQUEST);
    const usesTopicIds = version >= 13;
    const sessions = broker.fetchSessions;
    const listed = listedPartitions(request, usesTopicIds);
    let context: FetchContext;
    let positions: readonly SessionPartition[] = listed;
    if (request.sessionEpoch === INITIAL_EPOCH || request.sessionEpoch === FINAL_EPOCH) {
      // A full fetch, whatever the id: the session it names is closed.
      if (request.sessionId !== INVALID_SESSION_ID) sessions.remove(request.sessionId);
      context = request.sessionEpoch === FINAL_EPOCH ? { kind: 'sessionless' } : { kind: 'full' };
    } else {
      const session = sessions.get(request.sessionId);
      if (session === undefined) return sessionError(ErrorCode.FETCH_SESSION_ID_NOT_FOUND);
      if (session.epoch !== request.sessionEpoch) return sessionError(ErrorCode.INVALID_FETCH_SESSION_EPOCH);
      if (session.usesTopicIds !== usesTopicIds) return sessionError(ErrorCode.FETCH_SESSION_TOPIC_ID_ERROR);
      session.update(listed, forgottenKeys(request, usesTopicIds));
      if (session.partitions.size === 0) {
        sessions.remove(session.id);
        context = { kind: 'sessionless' };
      } else {
        sessions.touch(session);
        session.epoch = nextEpoch(session.epoch);
        context = { kind: 'incremental', session, requestEpoch: request.sessionEpoch };
        positions = [...session.partitions.values()];
      }
    }
    const replicaId = version >= 15 ? request.replicaState.replicaId : request.replicaId;
    const user = quotaUser(ctx.principal);
    const clientId = ctx.header.clientId ?? '';
    const fetchQuota = broker.quotas.fetch;
    // As Kafka: a consumer never gets more at once than its quota's window can hold.
    const quotaWindowBytes = replicaId >= 0 ? Infinity : fetchQuota.maxValueInQuotaWindow(user, clientId);
    if (quotaWindowBytes < request.maxBytes) {
      request.maxBytes = Math.floor(quotaWindowBytes);
      request.minBytes = Math.min(request.minBytes, request.maxBytes);
    }
    const wanted = positions.map((p) => resolve(broker, p, usesTopicIds, replicaId >= 0));
    // READ on each topic found (an unknown topic id stays unknown), decided once per topic.
    const readable = new Map<string, boolean>();
    for (const w of wanted) {
      if (w.partition === undefined && w.errorCode === ErrorCode.UNKNOWN_TOPIC_ID) continue;
      let may = readable.get(w.topic);
      if (may === undefined) readable.set(w.topic, (may = authorized(ctx, AclOperation.READ, ResourceType.TOPIC, w.topic)));
      if (!may) w.errorCode = ErrorCode.TOPIC_AUTHORIZATION_FAILED;
    }

    const isolation = request.isolationLevel;
    const available = () => {
      let bytes = 0;
      for (const w of wanted) {
        if (w.errorCode !== ErrorCode.NONE) return true; // an error answers at once
        // For read_committed this counts past the LSO too: the offset index is sparse, so the bytes
        // below it cannot be told cheaply, and answering early is safe where waiting too long is not.
        if (w.offset < limitOf(w.partition!, isolation)) bytes += w.partition!.bytesAvailable(w.offset);
      }
      return bytes >= Math.max(1, request.minBytes);
    };
    let waitedMs = 0;
    if (request.maxWaitMs > 0 && wanted.length > 0) {
      const keys = wanted.filter((w) => w.partition).map((w) => partitionKey(w.topic, w.index));
      const waitStarted = performance.now();
      await broker.delayed.wait(keys, request.maxWaitMs, available);
      waitedMs = performance.now() - waitStarted;
    }

    const answers = await readAll(broker, wanted, request);
    if (replicaId < 0) {
      // As Kafka's handleFetch: the bytes (consumer_byte_rate) and the request's own time
      // (request_percentage) are recorded before answering. Over either, the answer is Kafka's
      // throttled one, no partitions and the throttle time, and the bytes are unrecorded since
      // none are sent: a client told to back off gets no records, and its next fetch (its session
      // keeps its positions) asks for the same ones again.
      const bytes = answers.reduce((sum, a) => sum + (a.data.records?.length ?? 0), 0);
      const now = broker.quotas.clock();
      const bandwidthMs = boundedThrottleTimeMs(fetchQuota.recordAndGetThrottleTimeMs(user, clientId, bytes, now));
      const requestMs = ctx.recordRequestTime(waitedMs);
      const throttleMs = Math.max(bandwidthMs, requestMs);
      if (throttleMs > 0) {
        fetchQuota.unrecord(user, clientId, bytes, now);
        ctx.throttled(bandwidthMs > requestMs ? 'consumer_byte_rate' : 'request_percentage', throttleMs);
        return throttledResponse(context, throttleMs);
      }
    }
    let sessionId = INVALID_SESSION_ID;
    let included = answers;
    if (context.kind === 'full') {
      const created = sessions.maybeCreate(
        answers.map(({ wanted: w, data }, i) => ({
          ...positions[i]!,
          // An error leaves -1 so that the partition is answered again when the error clears.
          highWatermark: data.errorCode === ErrorCode.NONE ? data.highWatermark : -1n,
          logStartOffset: data.logStartOffset ?? -1n,
          key: w.key,
        })),
        usesTopicIds,
      );
      sessionId = created?.id ?? INVALID_SESSION_ID;
    } else if (context.kind === 'incremental') {
      const { session, requestEpoch } = context;
      // Another request on this session overtook this one while it waited (a duplicate).
      if (session.epoch !== nextEpoch(requestEpoch)) return sessionError(ErrorCode.INVALID_FETCH_SESSION_EPOCH, session.id);
      included = answers.filter(({ wanted: w, data }) =>
        session.mustRespond(w.key, { errorCode: data.errorCode, highWatermark: data.highWatermark, logStartOffset: data.logStartOffset ?? -1n, recordsBytes: data.records?.length ?? 0 }),
      );
      sessionId = session.id;
    }

    const responses = new Map<string, { topic: string; topicId: string; partitions: FetchResponsePartitionDataInput[] }>();
    for (const { wanted: w, data } of included) {
      const key = `${w.topic}\u0000${w.topicId}`;
      let entry = responses.get(key);
      if (entry === undefined) responses.set(key, (entry = { topic: w.topic, topicId: w.topicId, partitions: [] }));
      entry.partitions.push(data);
    }
    if (fetchChannel.hasSubscribers) publishFetch(included);
    return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, sessionId, responses: [...responses.values()] };
  },
});

/**
 * Kafka's getThrottledResponse: no partitions and no new session; an incremental fetch keeps its
 * session's id, or is INVALID_FETCH_SESSION_EPOCH when another request on it overtook this one.
 */
function throttledResponse(context: FetchContext, throttleTimeMs: number) {
  if (context.kind !== 'incremental') return { throttleTimeMs, errorCode: ErrorCode.NONE, sessionId: INVALID_SESSION_ID, responses: [] };
  const { session, requestEpoch } = context;
  const errorCode = session.epoch === nextEpoch(requestEpoch) ? ErrorCode.NONE : ErrorCode.INVALID_FETCH_SESSION_EPOCH;
  return { throttleTimeMs, errorCode, sessionId: session.id, responses: [] };
}

/** Reads every wanted partition within max_bytes, in order. */
async function readAll(broker: BrokerCore, wanted: readonly Wanted[], request: FetchRequest): Promise<{ wanted: Wanted; data: FetchResponsePartitionDataInput }[]> {
  const isolation = request.isolationLevel;
  let budget = request.maxBytes;
  let first = true;
  const answers: { wanted: Wanted; data: FetchResponsePartitionDataInput }[] = [];
  for (const w of wanted) {
    const p = w.partition;
    const data: FetchResponsePartitionDataInput = {
      partitionIndex: w.index,
      errorCode: w.errorCode,
      highWatermark: p ? p.highWatermark : -1n,
      lastStableOffset: p ? p.lastStableOffset : -1n,
      logStartOffset: p ? p.logStartOffset : -1n,
      abortedTransactions: isolation === READ_COMMITTED ? [] : null,
      preferredReadReplica: -1,
      records: EMPTY,
    };
    answers.push({ wanted: w, data });
    const maxBytes = Math.min(w.maxBytes, budget);
    budget = Math.max(0, budget); // as Kafka: only the first partition sees a negative max_bytes
    if (w.errorCode !== ErrorCode.NONE || p === undefined) {
      withoutOffsets(data);
      // Kafka answers a partition it does not know before reading, with its answer's defaults (an
      // empty list at both levels); one whose read fails, with no list.
      if (p === undefined) data.abortedTransactions = [];
      continue;
    }
    if (maxBytes < 0) {
      data.errorCode = ErrorCode.INVALID_REQUEST; // Kafka fails such a read ("Invalid max size")
      withoutOffsets(data);
      continue;
    }
    const limit = limitOf(p, isolation);
    // Only the first partition with data may exceed the limits (KIP-74); later ones wait.
    if (w.offset >= limit || (maxBytes === 0 && !first)) continue;
    try {
      const chunks = await p.read(w.offset, maxBytes, limit);
      let size = 0;
      for (const c of chunks) size += c.length;
      if (size > maxBytes && !first) continue;
      if (size > 0) {
        data.records = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
        budget = Math.max(0, budget - size);
        first = false;
        if (isolation === READ_COMMITTED) data.abortedTransactions = p.abortedTransactions(w.offset, endOffsetOf(chunks));
      }
    } catch (e) {
      data.errorCode = errorCodeOf(e);
      withoutOffsets(data);
      if (data.errorCode === ErrorCode.UNKNOWN_SERVER_ERROR) broker.log.error(`fetch from ${w.topic}-${w.index} failed`, e);
    }
  }
  return answers;
}

/**
 * The offset after the last batch of `chunks` (whole batches, as read): the upper bound of the
 * aborted transactions a read_committed answer reports. Kafka takes the next offset index entry
 * after the bytes returned, which may lie further on and report more; any transaction whose data
 * was returned starts below this bound, which is all a reader needs to drop aborted records.
 */
function endOffsetOf(chunks: readonly Buffer[]): bigint {
  let last = chunks.length - 1;
  while (chunks[last]!.length === 0) last--;
  const chunk = chunks[last]!;
  let position = 0;
  for (;;) {
    const next = position + LOG_OVERHEAD + chunk.readInt32BE(position + Offsets.batchLength);
    if (next >= chunk.length) return chunk.readBigInt64BE(position) + BigInt(chunk.readInt32BE(position + Offsets.lastOffsetDelta)) + 1n;
    position = next;
  }
}

/** A partition answered with an error says nothing of its offsets or transactions, as in Kafka's answers. */
function withoutOffsets(data: FetchResponsePartitionDataInput): void {
  data.abortedTransactions = null;
  data.highWatermark = -1n;
  data.lastStableOffset = -1n;
  data.logStartOffset = -1n;
}

function publishFetch(answered: readonly { wanted: Wanted; data: FetchResponsePartitionDataInput }[]): void {
  const partitions = answered.map(({ wanted: w, data }) => ({ topic: w.topic, partition: w.index, errorCode: data.errorCode, bytes: data.records?.length ?? 0 }));
  const message: BrokerFetchMessage = { partitions, bytes: partitions.reduce((sum, p) => sum + p.bytes, 0) };
  fetchChannel.publish(message);
}
