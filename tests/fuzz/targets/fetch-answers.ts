/**
 * What the broker target checks in the Fetch answers it gets, beyond "answered without a bug":
 *
 * - Within one partition's records, each batch starts right after the one before. The broker
 *   once went on into the next segment after stopping early in the current one (its next batch
 *   did not fit the budget), and the answer jumped over the rest of that segment; clients take a
 *   jump for compaction and never come back for what was skipped (issue 13, item 1). Compaction
 *   is the one thing that rightly leaves gaps, so a gap is only a suspect until the topic is
 *   known not to be compacted (`FetchGap`, resolved by the target over its own connection).
 * - A full fetch (session epoch 0 or -1, whatever the session id) is never refused for its
 *   session: only an incremental one (epoch above 0) can name an unknown session or the wrong
 *   epoch (issue 13, item 10).
 */
import { Apis, BATCH_HEADER_SIZE, ErrorCode, LOG_OVERHEAD, Offsets, decodeRequest, decodeResponse, type FetchRequest } from '@sluice/protocol';

/** A jump inside one partition's answer: wrong unless the topic is compacted. */
export interface FetchGap {
  /** The topic's name (Fetch up to v12) or id (v13 on). */
  topic: { name: string } | { id: string };
  partition: number;
  /** The last offset of the batch before the gap, and the base offset of the batch after it. */
  after: bigint;
  next: bigint;
}

export interface FetchCheck {
  /** Answers that are wrong whatever the topic. */
  problems: string[];
  gaps: FetchGap[];
}

/** The Fetch request in `frame` (without its size prefix), or undefined for anything else or anything undecodable. */
export function fetchRequestOf(frame: Buffer): { correlationId: number; version: number; body: FetchRequest } | undefined {
  if (frame.length < 8 || frame.readInt16BE(0) !== Apis.Fetch.apiKey) return undefined;
  try {
    const decoded = decodeRequest(frame);
    return { correlationId: decoded.header.correlationId, version: decoded.header.apiVersion, body: decoded.body as FetchRequest };
  } catch {
    return undefined; // the broker refuses it too; its answer is not a Fetch answer
  }
}

/** Batch offset ranges in a partition's records, in order; a cut-off last batch is left out. */
function batchRanges(records: Buffer): { base: bigint; last: bigint }[] {
  const out: { base: bigint; last: bigint }[] = [];
  for (let p = 0; p + BATCH_HEADER_SIZE <= records.length; ) {
    const size = records.readInt32BE(p + Offsets.batchLength) + LOG_OVERHEAD;
    if (records[p + Offsets.magic] !== 2 || size < BATCH_HEADER_SIZE) break;
    const base = records.readBigInt64BE(p + Offsets.baseOffset);
    out.push({ base, last: base + BigInt(records.readInt32BE(p + Offsets.lastOffsetDelta)) });
    p += size;
  }
  return out;
}

/** Checks the answer (`frame`, without its size prefix) to a Fetch request. */
export function checkFetchAnswer(request: { version: number; body: FetchRequest }, frame: Buffer): FetchCheck {
  const check: FetchCheck = { problems: [], gaps: [] };
  let body;
  try {
    body = decodeResponse(Apis.Fetch, request.version, frame).body;
  } catch {
    return check; // an answer the harness cannot read is the request-path property's concern
  }
  const epoch = request.body.sessionEpoch;
  if (request.version >= 7 && (epoch === 0 || epoch === -1) && (body.errorCode === ErrorCode.FETCH_SESSION_ID_NOT_FOUND || body.errorCode === ErrorCode.INVALID_FETCH_SESSION_EPOCH)) {
    check.problems.push(`a full Fetch v${request.version} (session id ${request.body.sessionId}, epoch ${epoch}) was refused with error ${body.errorCode} for its session; Kafka serves it as a full fetch`);
  }
  for (const t of body.responses) {
    for (const p of t.partitions) {
      if (p.records === null || p.records.length === 0) continue;
      const ranges = batchRanges(p.records);
      for (let i = 1; i < ranges.length; i++) {
        if (ranges[i].base !== ranges[i - 1].last + 1n) {
          check.gaps.push({ topic: request.version >= 13 ? { id: t.topicId } : { name: t.topic }, partition: p.partitionIndex, after: ranges[i - 1].last, next: ranges[i].base });
          break;
        }
      }
    }
  }
  return check;
}
