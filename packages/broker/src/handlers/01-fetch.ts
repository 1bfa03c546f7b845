/**
 * Fetch (key 1), versions 4-17.
 * v4: isolation level, last stable offset, aborted transactions; v5: log start offset;
 * v7: fetch sessions (we never create one: session id 0 means full fetches, which every client
 * accepts); v9: current leader epoch; v11: rack id, preferred read replica; v12: flexible;
 * v13: topic ids instead of names; v15: replica state (followers only).
 *
 * Waits for min_bytes up to max_wait_ms on delayed operations woken by appends. Every requested
 * partition is in the answer, in request order (the Java client drops a full response missing
 * one). Empty partitions carry empty records, never null. Batches are served as stored.
 */
import { Apis, ErrorCode, type FetchRequestFetchTopic, type FetchResponsePartitionDataInput } from '@sluice/protocol';
import { type BrokerCore, partitionKey } from '../core.js';
import type { PartitionView } from '../topics/types.js';
import { defineHandler } from './handler.js';
import { errorCodeOf } from './errors.js';

const READ_COMMITTED = 1;
const EMPTY = Buffer.alloc(0);

interface Wanted {
  topic: string;
  topicId: string;
  index: number;
  offset: bigint;
  maxBytes: number;
  partition: PartitionView | undefined;
  errorCode: number;
}

function resolveTopic(broker: BrokerCore, t: FetchRequestFetchTopic, version: number): { name: string; id: string; errorCode: number } {
  if (version >= 13) {
    const topic = broker.topics.getById(t.topicId);
    return topic ? { name: topic.name, id: t.topicId, errorCode: ErrorCode.NONE } : { name: '', id: t.topicId, errorCode: ErrorCode.UNKNOWN_TOPIC_ID };
  }
  const topic = broker.topics.get(t.topic);
  return { name: t.topic, id: topic?.topicId ?? t.topicId, errorCode: topic ? ErrorCode.NONE : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION };
}

/** Where reading may go: the high watermark, or the last stable offset for read_committed. */
function limitOf(p: PartitionView, isolation: number): bigint {
  return isolation === READ_COMMITTED ? p.lastStableOffset : p.highWatermark;
}

function checkPosition(w: Wanted, currentLeaderEpoch: number): number {
  const p = w.partition!;
  if (currentLeaderEpoch > 0) return ErrorCode.UNKNOWN_LEADER_EPOCH; // our only epoch is 0
  if (w.offset < p.logStartOffset || w.offset > p.logEndOffset) return ErrorCode.OFFSET_OUT_OF_RANGE;
  return ErrorCode.NONE;
}

export const fetchHandler = defineHandler({
  api: Apis.Fetch,
  minVersion: 4,
  maxVersion: 17,
  async handle({ broker, version }, request) {
    if (request.sessionId !== 0) {
      return { throttleTimeMs: 0, errorCode: ErrorCode.FETCH_SESSION_ID_NOT_FOUND, sessionId: 0, responses: [] };
    }
    const isolation = request.isolationLevel;
    const wanted: Wanted[] = [];
    for (const t of request.topics) {
      const resolved = resolveTopic(broker, t, version);
      for (const p of t.partitions) {
        const partition = resolved.errorCode === ErrorCode.NONE ? broker.topics.partition(resolved.name, p.partition) : undefined;
        const w: Wanted = {
          topic: resolved.name,
          topicId: resolved.id,
          index: p.partition,
          offset: p.fetchOffset,
          maxBytes: p.partitionMaxBytes,
          partition,
          errorCode: resolved.errorCode !== ErrorCode.NONE ? resolved.errorCode : partition === undefined ? ErrorCode.UNKNOWN_TOPIC_OR_PARTITION : ErrorCode.NONE,
        };
        if (w.errorCode === ErrorCode.NONE) w.errorCode = checkPosition(w, p.currentLeaderEpoch);
        wanted.push(w);
      }
    }

    const available = () => {
      let bytes = 0;
      for (const w of wanted) {
        if (w.errorCode !== ErrorCode.NONE) return true; // an error answers at once
        if (w.offset < limitOf(w.partition!, isolation)) bytes += w.partition!.bytesAvailable(w.offset);
      }
      return bytes >= Math.max(1, request.minBytes);
    };
    if (request.maxWaitMs > 0 && wanted.length > 0) {
      const keys = wanted.filter((w) => w.partition).map((w) => partitionKey(w.topic, w.index));
      await broker.delayed.wait(keys, request.maxWaitMs, available);
    }

    let budget = request.maxBytes;
    let first = true;
    const responses = new Map<string, { topic: string; topicId: string; partitions: FetchResponsePartitionDataInput[] }>();
    for (const w of wanted) {
      const key = `${w.topic}\u0000${w.topicId}`;
      let entry = responses.get(key);
      if (entry === undefined) responses.set(key, (entry = { topic: w.topic, topicId: w.topicId, partitions: [] }));
      const p = w.partition;
      const base: FetchResponsePartitionDataInput = {
        partitionIndex: w.index,
        errorCode: w.errorCode,
        highWatermark: p ? p.highWatermark : -1n,
        lastStableOffset: p ? p.lastStableOffset : -1n,
        logStartOffset: p ? p.logStartOffset : -1n,
        abortedTransactions: isolation === READ_COMMITTED ? [] : null,
        preferredReadReplica: -1,
        records: EMPTY,
      };
      entry.partitions.push(base);
      if (w.errorCode !== ErrorCode.NONE || p === undefined) continue;
      const limit = limitOf(p, isolation);
      if (w.offset >= limit || budget <= 0) continue;
      const maxBytes = Math.min(w.maxBytes, budget);
      try {
        const chunks = await p.read(w.offset, maxBytes, limit);
        let size = 0;
        for (const c of chunks) size += c.length;
        // Only the first partition with data may exceed the limits (KIP-74); later ones wait.
        if (size > maxBytes && !first) continue;
        if (size > 0) {
          base.records = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size);
          budget -= size;
          first = false;
        }
      } catch (e) {
        base.errorCode = errorCodeOf(e);
        if (base.errorCode === ErrorCode.UNKNOWN_SERVER_ERROR) broker.log.error(`fetch from ${w.topic}-${w.index} failed`, e);
      }
    }
    return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, sessionId: 0, responses: [...responses.values()] };
  },
});
