/**
 * The Connect error catalogue, shared by the contract and the runtime (docs/errors.md lists every
 * package's). Each class is the Kafka Connect exception of the same name, so a connector ported
 * from Java throws and catches what it did there; `code` is the stable string to branch on.
 */
import { ConfigError } from '@sluice/config';

export const ConnectErrorCode = {
  /** A Connect operation failed (Kafka: ConnectException); the message says which and why. */
  CONNECT_FAILED: 'CONNECT_FAILED',
  /** A value does not match its schema, or data cannot be converted (Kafka: DataException). */
  INVALID_DATA: 'INVALID_DATA',
  /** A schema was built wrongly, e.g. a default that does not match its type (Kafka: SchemaBuilderException). */
  INVALID_SCHEMA: 'INVALID_SCHEMA',
  /** A failure that may pass if the operation is tried again (Kafka: RetriableException). */
  CONNECT_RETRIABLE: 'CONNECT_RETRIABLE',
} as const;
export type ConnectErrorCode = (typeof ConnectErrorCode)[keyof typeof ConnectErrorCode];

/** Kafka's ConnectException: the base of Connect's errors. */
export class ConnectException extends Error {
  override name = 'ConnectException';
  readonly code: ConnectErrorCode;

  constructor(message: string, options: { cause?: unknown } = {}, code: ConnectErrorCode = ConnectErrorCode.CONNECT_FAILED) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
  }
}

/** Kafka's DataException: a value that does not fit its schema, or bytes that do not convert. */
export class DataException extends ConnectException {
  override name = 'DataException';
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options, ConnectErrorCode.INVALID_DATA);
  }
}

/** Kafka's SchemaBuilderException. */
export class SchemaBuilderException extends DataException {
  override name = 'SchemaBuilderException';
  override readonly code = ConnectErrorCode.INVALID_SCHEMA;
}

/** Kafka's RetriableException: the runtime tries the operation again. */
export class RetriableException extends ConnectException {
  override name = 'RetriableException';
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options, ConnectErrorCode.CONNECT_RETRIABLE);
  }
}

/**
 * Kafka's ConfigException: a connector's, converter's or transform's setting is missing or
 * invalid. It is @sluice/config's ConfigError (code INVALID_CONFIG, Kafka's error 40), under the
 * name Connect's users catch, with Kafka's message `Invalid value X for configuration Y: why`.
 */
export class ConfigException extends ConfigError {
  override readonly name = 'ConfigException' as 'ConfigError';

  constructor(nameOrMessage: string, value?: unknown, why?: string) {
    super(value === undefined && why === undefined ? nameOrMessage : `Invalid value ${String(value)} for configuration ${nameOrMessage}${why ? `: ${why}` : ''}`);
  }
}
