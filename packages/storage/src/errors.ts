/**
 * The storage error catalogue. Every error has a stable code, a message that says what happened
 * and what to do, and, where a broker answers with one, the Kafka error code.
 */
import { ErrorCode } from '@sluice/protocol';

export class StorageError extends Error {
  override readonly name: string = 'StorageError';
  constructor(
    readonly code: string,
    message: string,
    /** Kafka error code for a response (KAFKA_STORAGE_ERROR unless something more precise fits). */
    readonly errorCode: number = ErrorCode.KAFKA_STORAGE_ERROR,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export class DiskFullError extends StorageError {
  override readonly name = 'DiskFullError';
  constructor(path: string, cause: unknown) {
    super('SLUICE_STORAGE_DISK_FULL', `No space left on the device holding ${path}; the append was rejected and nothing of it is readable. Free space and retry.`, ErrorCode.KAFKA_STORAGE_ERROR, { cause });
  }
}

export class WriteFailedError extends StorageError {
  override readonly name = 'WriteFailedError';
  constructor(what: string, path: string, cause: unknown) {
    super('SLUICE_STORAGE_IO', `${what} of ${path} failed: ${(cause as Error)?.message ?? cause}. The append was rejected; check the disk.`, ErrorCode.KAFKA_STORAGE_ERROR, { cause });
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
      code === 'ENOSPC' ? 'SLUICE_STORAGE_DISK_FULL' : 'SLUICE_STORAGE_IO',
      `Closing the log ${path} failed: ${why}. Appends acknowledged under flush.messages=1 (the default) were synced before they were acknowledged; the next start scans this log instead of trusting its indexes.`,
      ErrorCode.KAFKA_STORAGE_ERROR,
      { cause },
    );
  }
}

/** Damage found in the middle of a log: never repaired silently. */
export class CorruptLogError extends StorageError {
  override readonly name = 'CorruptLogError';
  constructor(
    readonly file: string,
    readonly position: number,
    reason: string,
  ) {
    super(
      'SLUICE_STORAGE_CORRUPT',
      `Corrupt record batch in ${file} at byte ${position}: ${reason}. Records after it were acknowledged, so the log is not truncated automatically; restore the file from a backup or delete the partition folder to give up its data.`,
    );
  }
}

/**
 * A state file (recovery point, producer state, topic list…) written in a newer format than this
 * build reads: refused rather than taken for damage, since rebuilding around it could lose what
 * the newer format records.
 */
export class UnsupportedStateFileError extends StorageError {
  override readonly name = 'UnsupportedStateFileError';
  constructor(
    readonly file: string,
    readonly foundVersion: number,
    readonly newestReadable: number,
    whatToDo: string,
  ) {
    super(
      'SLUICE_STORAGE_UNSUPPORTED_FORMAT',
      `${file} is in format version ${foundVersion}, written by a newer Sluice; this Sluice reads versions 0 to ${newestReadable}. ${whatToDo}`,
    );
  }
}

/** Idempotent producer errors: the batch is refused and nothing is written. */
export class ProducerStateError extends StorageError {
  override readonly name = 'ProducerStateError';
  constructor(code: 'SLUICE_OUT_OF_ORDER_SEQUENCE' | 'SLUICE_INVALID_PRODUCER_EPOCH', message: string, errorCode: number) {
    super(code, message, errorCode);
  }
}

export class OffsetOutOfRangeError extends StorageError {
  override readonly name = 'OffsetOutOfRangeError';
  constructor(message: string) {
    super('SLUICE_OFFSET_OUT_OF_RANGE', message, ErrorCode.OFFSET_OUT_OF_RANGE);
  }
}

export class LogClosedError extends StorageError {
  override readonly name = 'LogClosedError';
  constructor(path: string) {
    super('SLUICE_STORAGE_CLOSED', `The log ${path} is closed (the broker is stopping or the topic was deleted)`, ErrorCode.NOT_LEADER_OR_FOLLOWER);
  }
}

export function asWriteError(what: string, path: string, e: unknown): StorageError {
  if (e instanceof StorageError) return e;
  if ((e as { code?: string })?.code === 'ENOSPC') return new DiskFullError(path, e);
  return new WriteFailedError(what, path, e);
}
