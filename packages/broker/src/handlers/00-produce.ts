/**
 * Produce (key 0), versions 3-12, advertised from 0 like Kafka 4 (librdkafka before 2.11.1 turns
 * off compression unless Produce v0 is in range) while v0-2 are refused.
 * v3: transactional id, record batches v2 only; v5: log start offset; v8: record errors and an
 * error message; v9: flexible; v10-12 change nothing on this path.
 *
 * acks=0 gets no response; acks=1 is answered once appended; acks=all once synced. Appends are
 * issued in request order before the handler returns, and the answer is deferred, so that a
 * connection can have several produce requests waiting for their sync at once.
 */
import {
  Apis,
  ErrorCode,
  InvalidRecordBatchError,
  LOG_OVERHEAD,
  type ProduceResponsePartitionProduceResponseInput,
  type ProduceResponseTopicProduceResponseInput,
  validateBatches,
} from '@sluice/protocol';
import type { BrokerCore } from '../core.js';
import { defer } from '../network/deferred.js';
import { INTERNAL_TOPICS } from '../topics/names.js';
import { defineHandler } from './handler.js';
import { errorCodeOf } from './errors.js';

type PartitionResult = ProduceResponsePartitionProduceResponseInput;

function failed(index: number, errorCode: number, errorMessage: string | null = null): PartitionResult {
  return { index, errorCode, baseOffset: -1n, logAppendTimeMs: -1n, logStartOffset: -1n, recordErrors: [], errorMessage };
}

function appendPartition(broker: BrokerCore, topic: string, index: number, records: Buffer | null, durable: boolean): PartitionResult | Promise<PartitionResult> {
  const partition = broker.topics.partition(topic, index);
  if (partition === undefined) return failed(index, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
  if (INTERNAL_TOPICS.has(topic)) return failed(index, ErrorCode.INVALID_TOPIC_EXCEPTION, `Producing to the internal topic ${topic} is not allowed`);
  if (records === null || records.length === 0) return failed(index, ErrorCode.INVALID_RECORD, 'Produce request has no records for this partition');
  const maxBatchBytes = Number(broker.topics.configValue(topic, 'max.message.bytes'));
  try {
    const headers = validateBatches(records);
    for (const h of headers) {
      if (h.batchLength + LOG_OVERHEAD > maxBatchBytes) {
        return failed(index, ErrorCode.MESSAGE_TOO_LARGE, `Record batch of ${h.batchLength + LOG_OVERHEAD} bytes exceeds max.message.bytes (${maxBatchBytes})`);
      }
    }
  } catch (e) {
    if (e instanceof InvalidRecordBatchError) return failed(index, e.errorCode, e.message);
    throw e;
  }
  return partition.append(records, durable).then(
    (r) => ({ index, errorCode: ErrorCode.NONE, baseOffset: r.baseOffset, logAppendTimeMs: r.logAppendTime, logStartOffset: r.logStartOffset, recordErrors: [], errorMessage: null }),
    (e) => {
      const code = errorCodeOf(e);
      if (code === ErrorCode.UNKNOWN_SERVER_ERROR) broker.log.error(`append to ${topic}-${index} failed`, e);
      return failed(index, code, (e as Error).message ?? null);
    },
  );
}

export const produceHandler = defineHandler({
  api: Apis.Produce,
  minVersion: 3,
  maxVersion: 12,
  advertisedMinVersion: 0,
  handle({ broker }, request) {
    const acks = request.acks;
    const validAcks = acks === 0 || acks === 1 || acks === -1;
    const topics = request.topicData.map((t) => ({
      name: t.name,
      partitions: t.partitionData.map((p) =>
        validAcks ? appendPartition(broker, t.name, p.index, p.records, acks === -1) : failed(p.index, ErrorCode.INVALID_REQUIRED_ACKS, `acks must be 0, 1 or -1, not ${acks}`),
      ),
    }));
    const response = Promise.all(
      topics.map(async (t): Promise<ProduceResponseTopicProduceResponseInput> => ({ name: t.name, partitionResponses: await Promise.all(t.partitions) })),
    ).then((responses) => (acks === 0 ? null : { responses, throttleTimeMs: 0 }));
    return defer(response);
  },
});
