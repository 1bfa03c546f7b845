/**
 * The protocol package's error catalogue. Everything that goes wrong while reading bytes is a
 * DecodeError (the bytes are at fault); everything that goes wrong while writing is an
 * EncodeError (the value is at fault, e.g. a field the chosen version cannot carry). A record
 * batch that decodes but breaks Kafka's rules is an InvalidRecordBatchError (records/validate.ts).
 * Kafka's own errors are in error-codes.ts.
 */

/** Codes of the protocol package's errors (docs/errors.md lists every package's). */
export const ProtocolErrorCode = {
  /** Bytes could not be read as the message they claim to be (truncated, out of range, or a frame over the size limit). */
  DECODE_FAILED: 'DECODE_FAILED',
  /** A value could not be written at the chosen version (a field that version lacks, a number out of range). */
  ENCODE_FAILED: 'ENCODE_FAILED',
  /** A record batch breaks Kafka's rules (bad CRC, bad offsets, a malformed record); the broker answers CORRUPT_MESSAGE or INVALID_RECORD. */
  INVALID_RECORD_BATCH: 'INVALID_RECORD_BATCH',
} as const;
export type ProtocolErrorCode = (typeof ProtocolErrorCode)[keyof typeof ProtocolErrorCode];

export class DecodeError extends Error {
  override readonly name = 'DecodeError';
  readonly code = ProtocolErrorCode.DECODE_FAILED;
  /** Byte position in the buffer being read where the problem was found. */
  readonly offset: number;

  constructor(message: string, offset: number) {
    super(`${message} (at byte ${offset})`);
    this.offset = offset;
  }
}

export class EncodeError extends Error {
  override readonly name = 'EncodeError';
  readonly code = ProtocolErrorCode.ENCODE_FAILED;
}

/** Writing a non-default value for a field that the target version does not have. */
export class UnsupportedFieldVersionError extends EncodeError {
  readonly messageName: string;
  readonly field: string;
  readonly version: number;

  constructor(messageName: string, field: string, version: number) {
    super(`${messageName} v${version} has no field ${field}; it must be left at its default to be written at this version`);
    this.messageName = messageName;
    this.field = field;
    this.version = version;
  }
}
