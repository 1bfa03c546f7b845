/**
 * The client's error catalogue. Every failure the client reports is a KafkaError with a stable
 * `code`: a broker error keeps Kafka's own name for it (`NOT_LEADER_OR_FOLLOWER`), and failures
 * that happen on this side of the wire have the client codes below. `retriable` says whether
 * trying the same thing again may succeed (the client already retried what it could).
 */
import { ErrorCode, type KafkaErrorCategory, errorInfo, errorName } from '@sluice/protocol';

export type { KafkaErrorCategory } from '@sluice/protocol';

/** Codes for failures detected by the client itself (never the name of a Kafka error code). */
export const ClientErrorCode = {
  /** A TCP or TLS connection could not be opened. */
  CONNECTION_FAILED: 'CONNECTION_FAILED',
  /** A connection closed while requests were waiting for their responses. */
  CONNECTION_CLOSED: 'CONNECTION_CLOSED',
  /** No response arrived within `requestTimeoutMs`. */
  REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
  /** A record was not acknowledged within `deliveryTimeoutMs`. */
  DELIVERY_TIMEOUT: 'DELIVERY_TIMEOUT',
  /** Waiting for metadata or buffer space took longer than `maxBlockMs`. */
  MAX_BLOCK_TIMEOUT: 'MAX_BLOCK_TIMEOUT',
  /** An operation did not finish within the time it was given. */
  TIMEOUT: 'TIMEOUT',
  /** The caller's AbortSignal fired. */
  ABORTED: 'ABORTED',
  /** The producer, consumer or admin was closed. */
  CLIENT_CLOSED: 'CLIENT_CLOSED',
  /** The broker lacks an API the operation needs, or no version is usable by both sides. */
  UNSUPPORTED_API: 'UNSUPPORTED_API',
  /** A response could not be decoded, or did not match its request. */
  PROTOCOL_ERROR: 'PROTOCOL_ERROR',
  /** A bad argument or option. */
  INVALID_ARGUMENT: 'INVALID_ARGUMENT',
  /** The TLS handshake failed: the broker's certificate is not trusted or does not name the host,
   * or the TLS versions or ciphers do not match (Java: SslAuthenticationException). Not retriable. */
  TLS_HANDSHAKE_FAILED: 'TLS_HANDSHAKE_FAILED',
  /** SASL authentication failed on this side (the broker's own failure is SASL_AUTHENTICATION_FAILED). */
  AUTHENTICATION_FAILED: 'AUTHENTICATION_FAILED',
  /** A record is larger than `maxRequestSize` or `bufferMemory`. */
  RECORD_TOO_LARGE: 'RECORD_TOO_LARGE',
  /** `autoOffsetReset: 'none'` and a partition has no committed offset (Java: NoOffsetForPartitionException). */
  NO_OFFSET_FOR_PARTITION: 'NO_OFFSET_FOR_PARTITION',
  /** An offset commit failed because the group rebalanced (Java: CommitFailedException). */
  COMMIT_FAILED: 'COMMIT_FAILED',
  /** The topic does not exist and was not created (after metadata was refreshed for `maxBlockMs`). */
  UNKNOWN_TOPIC: 'UNKNOWN_TOPIC',
  /** The consumer's group membership was lost (session expired or fenced). */
  GROUP_MEMBERSHIP_LOST: 'GROUP_MEMBERSHIP_LOST',
  /** The producer hit an error it cannot recover from; it must be closed. */
  PRODUCER_FATAL: 'PRODUCER_FATAL',
} as const;
export type ClientErrorCode = (typeof ClientErrorCode)[keyof typeof ClientErrorCode];

export interface KafkaErrorOptions {
  retriable?: boolean;
  /** What the application should do about it (KIP-1050); default: the broker error's category, else 'unclassified' (or 'retriable'). */
  category?: KafkaErrorCategory;
  cause?: unknown;
  /** Kafka's numeric error code when the broker reported it. */
  errorCode?: number;
  /** Where the error applies, when it applies to one partition, group or resource. */
  topic?: string;
  partition?: number;
}

export class KafkaError extends Error {
  override readonly name = 'KafkaError';
  /** Kafka's error name for broker errors, else one of ClientErrorCode. */
  readonly code: string;
  readonly retriable: boolean;
  /**
   * What the application should do (KIP-1050's classes): `retriable` / `refresh-retriable` try
   * again; `abortable`: call the producer's abortTransaction() and start the transaction again,
   * the producer stays usable; `application-recoverable`: this producer (or member) cannot go on,
   * close it and create a new one (a fenced transactional producer); `invalid-configuration`: fix
   * the configuration or permissions; `unclassified`: fatal for a transactional producer.
   */
  readonly category: KafkaErrorCategory;
  /** Kafka's numeric error code, for errors reported by a broker. */
  readonly errorCode: number | undefined;
  readonly topic: string | undefined;
  readonly partition: number | undefined;

  constructor(code: string, message: string, options: KafkaErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retriable = options.retriable ?? false;
    this.errorCode = options.errorCode;
    this.category = options.category ?? (options.errorCode !== undefined ? errorInfo(options.errorCode).category : this.retriable ? 'retriable' : 'unclassified');
    this.topic = options.topic;
    this.partition = options.partition;
  }

  /** True when the broker reported this error (it then has an `errorCode`). */
  get fromBroker(): boolean {
    return this.errorCode !== undefined;
  }
}

/** The KafkaError for a broker error code (0 is not an error and must not be passed). */
export function brokerError(code: number, context?: string, extra: Omit<KafkaErrorOptions, 'errorCode' | 'retriable'> & { message?: string | null } = {}): KafkaError {
  const info = errorInfo(code);
  const name = errorName(code);
  const where = context ? `${context}: ` : '';
  const detail = extra.message ? ` (${extra.message})` : '';
  return new KafkaError(name, `${where}${name}${detail}`, { ...extra, errorCode: code, retriable: info.retriable });
}

export function clientError(code: ClientErrorCode, message: string, options: Omit<KafkaErrorOptions, 'errorCode'> = {}): KafkaError {
  return new KafkaError(code, message, options);
}

export function abortError(signal: AbortSignal | undefined, what: string): KafkaError {
  return new KafkaError(ClientErrorCode.ABORTED, `${what} was aborted`, { cause: signal?.reason });
}

export function closedError(what: string): KafkaError {
  return new KafkaError(ClientErrorCode.CLIENT_CLOSED, `the ${what} is closed`);
}

export function isRetriableError(e: unknown): boolean {
  return e instanceof KafkaError && e.retriable;
}

/*
 * What a broker error means for the client is decided in the protocol package's error table
 * (error-codes.ts), the one place that classifies Kafka's errors; these are its answers in the
 * words the client's code uses.
 */

/**
 * After this broker error the cached metadata is wrong and must be refreshed: Java's
 * InvalidMetadataException family, and UNKNOWN_LEADER_EPOCH, after which this client has always
 * refreshed too (the leader it knows may be newer than the broker's).
 */
export function isStaleMetadataCode(code: number): boolean {
  return errorInfo(code).refreshMetadata || code === ErrorCode.UNKNOWN_LEADER_EPOCH;
}

/** After this broker error the group or transaction coordinator must be found again (NOT_COORDINATOR, COORDINATOR_NOT_AVAILABLE). */
export function mustFindCoordinator(code: number): boolean {
  return errorInfo(code).findCoordinator;
}

export { isCoordinatorError } from '@sluice/protocol';
