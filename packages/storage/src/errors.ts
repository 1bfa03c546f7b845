/**
 * The storage error catalogue. Every error has a stable code, a message that says what happened
 * and what to do, and, where a broker answers with one, the Kafka error code.
 */
import { ErrorCode } from '@sluice/protocol';

/**
 * Codes of storage's errors (docs/errors.md lists every package's). Where the condition is one
 * Kafka names, the code is Kafka's name; conditions of the disk and the data folder start with
 * STORAGE_.
 */
export const StorageErrorCode = {
  /** No space left on the device; the append was rejected and nothing of it is readable. Free space and retry. */
  STORAGE_DISK_FULL: 'STORAGE_DISK_FULL',
  /** A write, sync or rename failed for another reason than a full disk; the append was rejected. Check the disk. */
  STORAGE_IO_FAILED: 'STORAGE_IO_FAILED',
  /** Damage in the middle of a log; never repaired silently. Restore the file or delete the partition folder. */
  STORAGE_CORRUPT: 'STORAGE_CORRUPT',
  /** The log is closed (the broker is stopping or the topic was deleted); the broker answers NOT_LEADER_OR_FOLLOWER. */
  STORAGE_CLOSED: 'STORAGE_CLOSED',
  /** Some partitions could not be closed cleanly; the next start scans them. */
  STORAGE_CLOSE_INCOMPLETE: 'STORAGE_CLOSE_INCOMPLETE',
  /** A truncation offset lies inside a record batch; logs are truncated at batch boundaries only. */
  STORAGE_INVALID_TRUNCATION: 'STORAGE_INVALID_TRUNCATION',
  /** The topic list (topics.json) cannot be read; the start stops. Restore it from a backup. */
  STORAGE_TOPIC_LIST_UNREADABLE: 'STORAGE_TOPIC_LIST_UNREADABLE',
  /** A state file is in a newer format version than this build reads; run the newer Sluice. */
  STORAGE_UNSUPPORTED_FORMAT: 'STORAGE_UNSUPPORTED_FORMAT',
  /** An idempotent producer's batch does not follow its last sequence; refused, nothing written. */
  OUT_OF_ORDER_SEQUENCE_NUMBER: 'OUT_OF_ORDER_SEQUENCE_NUMBER',
  /** A producer's epoch (or a transaction marker's) is older than the partition's; refused, nothing written. */
  INVALID_PRODUCER_EPOCH: 'INVALID_PRODUCER_EPOCH',
  /** A producer's batch does not fit its transaction on this partition (a plain batch while its transaction is open); refused, nothing written. */
  INVALID_TXN_STATE: 'INVALID_TXN_STATE',
  /** A transaction marker from a coordinator older than the one that wrote this producer's last marker; refused, nothing written. */
  TRANSACTION_COORDINATOR_FENCED: 'TRANSACTION_COORDINATOR_FENCED',
  /** A batch append does not take: a control batch (transaction markers are written by the coordinator through appendMarker). */
  INVALID_RECORD: 'INVALID_RECORD',
  /** A read asked for an offset outside the log. */
  OFFSET_OUT_OF_RANGE: 'OFFSET_OUT_OF_RANGE',
  /** A topic of that name already exists. */
  TOPIC_ALREADY_EXISTS: 'TOPIC_ALREADY_EXISTS',
  /** No topic of that name exists. */
  UNKNOWN_TOPIC_OR_PARTITION: 'UNKNOWN_TOPIC_OR_PARTITION',
  /** A partition count that cannot be applied (partitions can only grow). */
  INVALID_PARTITIONS: 'INVALID_PARTITIONS',
} as const;
export type StorageErrorCode = (typeof StorageErrorCode)[keyof typeof StorageErrorCode];

export class StorageError extends Error {
  override readonly name: string = 'StorageError';
  readonly code: StorageErrorCode;
  /** Kafka error code for a response (KAFKA_STORAGE_ERROR unless something more precise fits). */
  readonly errorCode: number;

  constructor(code: StorageErrorCode, message: string, errorCode: number = ErrorCode.KAFKA_STORAGE_ERROR, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.errorCode = errorCode;
  }
}

export class DiskFullError extends StorageError {
  override readonly name = 'DiskFullError';
  constructor(path: string, cause: unknown) {
    super('STORAGE_DISK_FULL', `No space left on the device holding ${path}; the append was rejected and nothing of it is readable. Free space and retry.`, ErrorCode.KAFKA_STORAGE_ERROR, { cause });
  }
}

export class WriteFailedError extends StorageError {
  override readonly name = 'WriteFailedError';
  constructor(what: string, path: string, cause: unknown) {
    super('STORAGE_IO_FAILED', `${what} of ${path} failed: ${(cause as Error)?.message ?? cause}. The append was rejected; check the disk.`, ErrorCode.KAFKA_STORAGE_ERROR, { cause });
  }
}

/**
 * A log could not be closed cleanly (typically a full disk while syncing or writing its indexes).
 * Its files are closed anyway and no clean-shutdown marker is left, so the next open scans it.
 */
export class LogCloseError extends StorageError {
  override readonly name = 'LogCloseError';
  constructor(path: string, cause: unknown) {
    const code = (cause as { code?: string })?.code;
    const why = code === 'ENOSPC' ? 'no space left on the device' : ((cause as Error)?.message ?? String(cause));
    super(
      code === 'ENOSPC' ? 'STORAGE_DISK_FULL' : 'STORAGE_IO_FAILED',
      `Closing the log ${path} failed: ${why}. Appends acknowledged under flush.messages=1 (the default) were synced before they were acknowledged; the next start scans this log instead of trusting its indexes.`,
      ErrorCode.KAFKA_STORAGE_ERROR,
      { cause },
    );
  }
}

/** Damage found in the middle of a log: never repaired silently. */
export class CorruptLogError extends StorageError {
  override readonly name = 'CorruptLogError';
  readonly file: string;
  readonly position: number;

  constructor(file: string, position: number, reason: string) {
    super(
      'STORAGE_CORRUPT',
      `Corrupt record batch in ${file} at byte ${position}: ${reason}. Records after it were acknowledged, so the log is not truncated automatically; restore the file from a backup or delete the partition folder to give up its data.`,
    );
    this.file = file;
    this.position = position;
  }
}

/**
 * A state file (recovery point, producer state, topic list…) written in a newer format than this
 * build reads: refused rather than taken for damage, since rebuilding around it could lose what
 * the newer format records.
 */
export class UnsupportedStateFileError extends StorageError {
  override readonly name = 'UnsupportedStateFileError';
  readonly file: string;
  readonly foundVersion: number;
  readonly newestReadable: number;

  constructor(file: string, foundVersion: number, newestReadable: number, whatToDo: string) {
    super(
      'STORAGE_UNSUPPORTED_FORMAT',
      `${file} is in format version ${foundVersion}, written by a newer Sluice; this Sluice reads versions 0 to ${newestReadable}. ${whatToDo}`,
    );
    this.file = file;
    this.foundVersion = foundVersion;
    this.newestReadable = newestReadable;
  }
}

/** Idempotent and transactional producer errors: the batch or marker is refused and nothing is written. */
export class ProducerStateError extends StorageError {
  override readonly name = 'ProducerStateError';
  constructor(
    code: typeof StorageErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER | typeof StorageErrorCode.INVALID_PRODUCER_EPOCH | typeof StorageErrorCode.INVALID_TXN_STATE | typeof StorageErrorCode.TRANSACTION_COORDINATOR_FENCED,
    message: string,
    errorCode: number,
  ) {
    super(code, message, errorCode);
  }
}

export class OffsetOutOfRangeError extends StorageError {
  override readonly name = 'OffsetOutOfRangeError';
  constructor(message: string) {
    super('OFFSET_OUT_OF_RANGE', message, ErrorCode.OFFSET_OUT_OF_RANGE);
  }
}

export class LogClosedError extends StorageError {
  override readonly name = 'LogClosedError';
  constructor(path: string) {
    super('STORAGE_CLOSED', `The log ${path} is closed (the broker is stopping or the topic was deleted)`, ErrorCode.NOT_LEADER_OR_FOLLOWER);
  }
}

export function asWriteError(what: string, path: string, e: unknown): StorageError {
  if (e instanceof StorageError) return e;
  if ((e as { code?: string })?.code === 'ENOSPC') return new DiskFullError(path, e);
  return new WriteFailedError(what, path, e);
}
