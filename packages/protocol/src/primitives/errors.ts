/**
 * The two errors the codec raises. Everything that goes wrong while reading bytes is a
 * DecodeError (the bytes are at fault); everything that goes wrong while writing is an
 * EncodeError (the value is at fault, e.g. a field the chosen version cannot carry).
 */

export class DecodeError extends Error {
  override readonly name = 'DecodeError';
  readonly code = 'SLUICE_PROTOCOL_DECODE';
  constructor(
    message: string,
    /** Byte position in the buffer being read where the problem was found. */
    readonly offset: number,
  ) {
    super(`${message} (at byte ${offset})`);
  }
}

export class EncodeError extends Error {
  override readonly name = 'EncodeError';
  readonly code = 'SLUICE_PROTOCOL_ENCODE';
}

/** Writing a non-default value for a field that the target version does not have. */
export class UnsupportedFieldVersionError extends EncodeError {
  constructor(
    readonly messageName: string,
    readonly field: string,
    readonly version: number,
  ) {
    super(`${messageName} v${version} has no field ${field}; it must be left at its default to be written at this version`);
  }
}
