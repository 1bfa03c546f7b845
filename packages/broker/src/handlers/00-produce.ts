/**
 * Produce (key 0), versions 3-12, advertised from 0 like Kafka 4 (librdkafka before 2.11.1 turns
 * off compression unless Produce v0 is in range) while v0-2 are refused.
 * v3: transactional id, record batches v2 only; v5: log start offset; v8: record errors and an
 * error message; v9: flexible; v10-12 change nothing on this path.
 *
 * Every record is validated before anything is stored (see checkPartition); a partition that fails
 * gets CORRUPT_MESSAGE or INVALID_RECORD (with record_errors from v8) and nothing is appended.
 *
 * acks=0 gets no response; acks=1 is answered once appended; acks=all once synced. Appends are
 * issued in request order before the handler returns (after decompressing compressed batches to
 * check their records, the one asynchronous step), and the answer is deferred, so that a
 * connection can have several produce requests waiting for their sync at once.
 */
import {
  Apis,
  CompressionType,
  ErrorCode,
  InvalidRecordBatchError,
  LOG_OVERHEAD,
  type ProduceResponsePartitionProduceResponseInput,
  type ProduceResponseTopicProduceResponseInput,
  type RecordBatchHeader,
  type ValidateOptions,
  compressionOf,
  hasCompressedBatch,
  validateBatches,
  validateCompressedRecords,
} from '@sluice/protocol';
import type { LogConfig } from '@sluice/storage';
import type { BrokerCore } from '../core.js';
import { produceChannel, type BrokerProduceMessage } from '../diagnostics.js';
import { defer } from './deferred.js';
import { INTERNAL_TOPICS } from '../topics/names.js';
import { defineHandler } from './handler.js';
import { errorCodeOf } from './errors.js';

type PartitionResult = ProduceResponsePartitionProduceResponseInput;

function failed(index: number, errorCode: number, errorMessage: string | null = null, recordErrors: PartitionResult['recordErrors'] = []): PartitionResult {
  return { index, errorCode, baseOffset: -1n, logAppendTimeMs: -1n, logStartOffset: -1n, recordErrors, errorMessage };
}

function refused(index: number, e: InvalidRecordBatchError): PartitionResult {
  // Produce v8+ name the record at fault (KIP-467); older versions drop the field when encoding.
  const recordErrors = e.recordIndex === null ? [] : [{ batchIndex: e.recordIndex, batchIndexErrorMessage: e.message }];
  return failed(index, e.errorCode, e.message, recordErrors);
}

/** What a produce is checked against, from the partition's parsed topic settings. */
function produceSettings(settings: Readonly<LogConfig>) {
  const now = Date.now();
  return {
    maxMessageBytes: settings.maxMessageBytes,
    compacted: settings.cleanupPolicy.compact,
    // Kafka checks producers' timestamps only where it keeps them (CreateTime).
    timestampRange: settings.logAppendTime ? undefined : { min: now - settings.timestampBeforeMaxMs, max: now + settings.timestampAfterMaxMs },
  };
}

/**
 * Everything checked before a partition's records are appended, as Kafka's ProduceRequest and
 * LogValidator check them: the partition, the batch (one per partition), and every record in it
 * (validate.ts). Resolves to the records to append, or to the partition's error; asynchronous only
 * when compressed records must be decompressed to be checked.
 */
function checkPartition(broker: BrokerCore, version: number, topic: string, index: number, records: Buffer | null): Buffer | PartitionResult | Promise<Buffer | PartitionResult> {
  const partition = broker.topics.partition(topic, index);
  if (partition === undefined) return failed(index, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
  if (INTERNAL_TOPICS.has(topic)) return failed(index, ErrorCode.INVALID_TOPIC_EXCEPTION, `Producing to the internal topic ${topic} is not allowed`);
  if (records === null || records.length === 0) return failed(index, ErrorCode.INVALID_RECORD, 'Produce request has no records for this partition');
  const settings = produceSettings(partition.settings);
  const maxBatchBytes = settings.maxMessageBytes;
  const options: ValidateOptions = { requireKeys: settings.compacted, timestampRange: settings.timestampRange };
  let headers: RecordBatchHeader[];
  try {
    headers = validateBatches(records, options);
  } catch (e) {
    if (e instanceof InvalidRecordBatchError) return refused(index, e);
    throw e;
  }
  if (headers.length !== 1) {
    return failed(index, ErrorCode.INVALID_RECORD, `Produce requests with version ${version} are only allowed to contain exactly one record batch per partition, not ${headers.length}`);
  }
  const h = headers[0];
  if (h.batchLength + LOG_OVERHEAD > maxBatchBytes) {
    return failed(index, ErrorCode.MESSAGE_TOO_LARGE, `Record batch of ${h.batchLength + LOG_OVERHEAD} bytes exceeds max.message.bytes (${maxBatchBytes})`);
  }
  if (compressionOf(h.attributes) === CompressionType.Zstd && version < 7) {
    return failed(index, ErrorCode.UNSUPPORTED_COMPRESSION_TYPE, `Produce requests with version ${version} are not allowed to use ZStandard compression`);
  }
  if (!hasCompressedBatch(headers)) return records;
  return validateCompressedRecords(records, options).then(
    () => records,
    (e) => {
      if (e instanceof InvalidRecordBatchError) return refused(index, e);
      throw e;
    },
  );
}

/** A topic's partitions once checked: the records to append, or the error to answer with. */
interface Checked {
  name: string;
  partitions: { index: number; check: Buffer | PartitionResult }[];
}

function appendPartition(broker: BrokerCore, topic: string, index: number, checked: Buffer | PartitionResult, durable: boolean): PartitionResult | Promise<PartitionResult> {
  if (!Buffer.isBuffer(checked)) return checked;
  // Looked up again: the topic may have been deleted while compressed records were being checked.
  const partition = broker.topics.partition(topic, index);
  if (partition === undefined) return failed(index, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
  return partition.append(checked, durable).then(
    (r) => {
      if (produceChannel.hasSubscribers) {
        const message: BrokerProduceMessage = { topic, partition: index, baseOffset: r.baseOffset, lastOffset: r.lastOffset, records: Number(r.lastOffset - r.baseOffset) + 1, bytes: checked.length };
        produceChannel.publish(message);
      }
      return { index, errorCode: ErrorCode.NONE, baseOffset: r.baseOffset, logAppendTimeMs: r.logAppendTime, logStartOffset: r.logStartOffset, recordErrors: [], errorMessage: null };
    },
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
  handle({ broker, version }, request) {
    const acks = request.acks;
    const validAcks = acks === 0 || acks === 1 || acks === -1;
    const checks = request.topicData.map((t) => ({
      name: t.name,
      partitions: t.partitionData.map((p) => ({
        index: p.index,
        check: validAcks ? checkPartition(broker, version, t.name, p.index, p.records) : failed(p.index, ErrorCode.INVALID_REQUIRED_ACKS, `acks must be 0, 1 or -1, not ${acks}`),
      })),
    }));
    // Appends are issued together once every partition is checked, in request order, so that a
    // request checked asynchronously is still appended before the next one on its connection.
    const appendAll = (checked: Checked[]) => {
      const topics = checked.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => appendPartition(broker, t.name, p.index, p.check, acks === -1)) }));
      const response = Promise.all(
        topics.map(async (t): Promise<ProduceResponseTopicProduceResponseInput> => ({ name: t.name, partitionResponses: await Promise.all(t.partitions) })),
      ).then((responses) => (acks === 0 ? null : { responses, throttleTimeMs: 0 }));
      return defer(response);
    };
    if (!checks.some((t) => t.partitions.some((p) => p.check instanceof Promise))) return appendAll(checks as Checked[]);
    return Promise.all(
      checks.map(async (t) => ({ name: t.name, partitions: await Promise.all(t.partitions.map(async (p) => ({ index: p.index, check: await p.check }))) })),
    ).then(appendAll);
  },
});
