/**
 * Produce (key 0), versions 3-12, advertised from 0 like Kafka 4 (librdkafka before 2.11.1 turns
 * off compression unless Produce v0 is in range) while v0-2 are refused.
 * v3: transactional id, record batches v2 only; v5: log start offset; v8: record errors and an
 * error message; v9: flexible; v10-12 change nothing on this path.
 *
 * Every record is validated before anything is stored (see checkPartition); a partition that fails
 * gets CORRUPT_MESSAGE or INVALID_RECORD (with record_errors from v8) and nothing is appended.
 *
 * Transactional batches (v3+ with a transactional id) are checked with the transaction
 * coordinator before they are appended (KIP-890; produce-transactions.ts): v12 adds the
 * partition to the transaction, older versions verify the client added it.
 *
 * acks=0 gets no response; acks=1 is answered once appended; acks=all once synced. Appends are
 * issued in request order before the handler returns (after decompressing compressed batches to
 * check their records, and asking the coordinator about transactional ones, the asynchronous
 * steps), and the answer is deferred, so that a connection can have several produce requests
 * waiting for their sync at once.
 */
import {
  Apis,
  Attributes,
  CompressionType,
  ErrorCode,
  InvalidRecordBatchError,
  LOG_OVERHEAD,
  Offsets,
  type ProduceRequest,
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
import type { BrokerCore } from '../core.ts';
import { produceChannel, type BrokerProduceMessage } from '../diagnostics.ts';
import { defer } from './deferred.ts';
import { INTERNAL_TOPICS } from '../topics/names.ts';
import { defineHandler } from './handler.ts';
import { authorized } from './authorize.ts';
import { AclOperation, ResourceType } from '../acl/model.ts';
import { errorCodeOf } from './errors.ts';
import {
  type TransactionalBatch,
  appendTransactionVersion,
  transactionalBatchOf,
  txnPartitionKey,
  verificationError,
  verifyModeOf,
  verifyPartitions,
} from './produce-transactions.ts';

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
  partitions: CheckedPartition[];
}

interface CheckedPartition {
  index: number;
  check: Buffer | PartitionResult;
  /** The producer of a transactional batch, once the request's transactional id is known to be given. */
  txn?: TransactionalBatch;
}

/** Whether the first batch of any partition is transactional (Kafka's RequestUtils.hasTransactionalRecords). */
function hasTransactionalRecords(request: ProduceRequest): boolean {
  for (const t of request.topicData) {
    for (const p of t.partitionData) {
      const r = p.records;
      if (r !== null && r.length > Offsets.attributes + 1 && (r.readInt16BE(Offsets.attributes) & Attributes.transactional) !== 0) return true;
    }
  }
  return false;
}

/** Every partition of the request refused with one error (Kafka's error response to a whole request). */
function refuseAll(request: ProduceRequest, errorCode: number, errorMessage: string | null) {
  const responses = request.topicData.map((t) => ({ name: t.name, partitionResponses: t.partitionData.map((p) => failed(p.index, errorCode, errorMessage)) }));
  return request.acks === 0 ? null : { responses, throttleTimeMs: 0 };
}

/**
 * Checks the request's transactional batches with the coordinator (produce-transactions.ts):
 * partitions it refuses get its mapped error instead of their records. Synchronous unless a
 * partition is not already in the producer's transaction.
 */
function verifyTransactional(broker: BrokerCore, version: number, transactionalId: string, checked: Checked[]): Checked[] | Promise<Checked[]> {
  const coordinator = broker.transactions;
  const toVerify: { topic: string; partition: number; entry: CheckedPartition }[] = [];
  let producer: TransactionalBatch | undefined;
  for (const t of checked) {
    for (const p of t.partitions) {
      if (p.txn === undefined) continue;
      producer = p.txn;
      if (!coordinator.isInTransaction(transactionalId, p.txn.producerId, p.txn.producerEpoch, t.name, p.index)) toVerify.push({ topic: t.name, partition: p.index, entry: p });
    }
  }
  if (toVerify.length === 0 || producer === undefined) return checked;
  const asked = verifyPartitions(coordinator, transactionalId, producer, toVerify, verifyModeOf(version)).catch((e: unknown) => {
    // A coordinator that fails (its log cannot be written) is not available: the producer retries.
    broker.log.error(`verifying the transaction of ${transactionalId} failed`, e);
    return new Map<string, number>(toVerify.map((v) => [txnPartitionKey(v.topic, v.partition), ErrorCode.COORDINATOR_NOT_AVAILABLE]));
  });
  return asked.then((answers) => {
    for (const v of toVerify) {
      const code = answers.get(txnPartitionKey(v.topic, v.partition)) ?? ErrorCode.NONE;
      if (code === ErrorCode.NONE) continue;
      const { errorCode, errorMessage } = verificationError(version, code);
      v.entry.check = failed(v.partition, errorCode, errorMessage);
    }
    return checked;
  });
}

function appendPartition(broker: BrokerCore, version: number, transactionalId: string | null, topic: string, entry: CheckedPartition, durable: boolean): PartitionResult | Promise<PartitionResult> {
  const { index, check: checked, txn } = entry;
  if (!Buffer.isBuffer(checked)) return checked;
  // Looked up again: the topic may have been deleted while compressed records were being checked.
  const partition = broker.topics.partition(topic, index);
  if (partition === undefined) return failed(index, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
  // Asked again in the turn that appends: the transaction may have moved on (EndTxn, a fencing)
  // while it was being verified, and its marker must not land before this batch's data.
  if (txn !== undefined && !broker.transactions.isInTransaction(transactionalId!, txn.producerId, txn.producerEpoch, topic, index)) {
    const { errorCode, errorMessage } = verificationError(version, ErrorCode.CONCURRENT_TRANSACTIONS);
    return failed(index, errorCode, errorMessage);
  }
  return partition.append(checked, durable, txn === undefined ? undefined : appendTransactionVersion(version)).then(
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
  handle(ctx, request) {
    const { broker, version } = ctx;
    const acks = request.acks;
    const validAcks = acks === 0 || acks === 1 || acks === -1;
    const transactionalId = request.transactionalId;
    const transactional = hasTransactionalRecords(request);
    if (transactional && transactionalId === null) return refuseAll(request, ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED, 'Transactional records need the request\'s transactional id');
    // As Kafka: the transactional id is checked only when the records are transactional.
    if (transactional && !authorized(ctx, AclOperation.WRITE, ResourceType.TRANSACTIONAL_ID, transactionalId!)) {
      return refuseAll(request, ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED, null);
    }
    const checks = request.topicData.map((t) => {
      // Checked before the topic's existence, as Kafka: an unauthorised client learns nothing of it.
      const writable = authorized(ctx, AclOperation.WRITE, ResourceType.TOPIC, t.name);
      return {
        name: t.name,
        partitions: t.partitionData.map((p) => ({
          index: p.index,
          check: !writable
            ? failed(p.index, ErrorCode.TOPIC_AUTHORIZATION_FAILED)
            : validAcks ? checkPartition(broker, version, t.name, p.index, p.records) : failed(p.index, ErrorCode.INVALID_REQUIRED_ACKS, `acks must be 0, 1 or -1, not ${acks}`),
        })),
      };
    });
    // Appends are issued together once every partition is checked, in request order, so that a
    // request checked asynchronously is still appended before the next one on its connection.
    const appendAll = (checked: Checked[]) => {
      const topics = checked.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => appendPartition(broker, version, transactionalId, t.name, p, acks === -1)) }));
      const response = Promise.all(
        topics.map(async (t): Promise<ProduceResponseTopicProduceResponseInput> => ({ name: t.name, partitionResponses: await Promise.all(t.partitions) })),
      ).then((responses) => (acks === 0 ? null : { responses, throttleTimeMs: 0 }));
      return defer(response);
    };
    const afterChecks = (checked: Checked[]) => {
      if (!transactional) return appendAll(checked);
      // Kafka verifies one producer per request: transactional batches of several are refused whole.
      const producers = new Set<string>();
      for (const t of checked) {
        for (const p of t.partitions) {
          if (!Buffer.isBuffer(p.check)) continue;
          const txn = transactionalBatchOf(p.check);
          if (txn === null) continue;
          p.txn = txn;
          producers.add(`${txn.producerId}:${txn.producerEpoch}`);
        }
      }
      if (producers.size > 1) return refuseAll(request, ErrorCode.INVALID_PRODUCER_ID_MAPPING, 'Transactional records contained more than one producer ID');
      const verified = verifyTransactional(broker, version, transactionalId!, checked);
      return verified instanceof Promise ? verified.then(appendAll) : appendAll(verified);
    };
    if (!checks.some((t) => t.partitions.some((p) => p.check instanceof Promise))) return afterChecks(checks as Checked[]);
    return Promise.all(
      checks.map(async (t) => ({ name: t.name, partitions: await Promise.all(t.partitions.map(async (p) => ({ index: p.index, check: await p.check }))) })),
    ).then(afterChecks);
  },
});
