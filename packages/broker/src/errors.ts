/**
 * The broker's error catalogue. Requests are refused with Kafka's own errors, by name: a
 * KafkaAnswerError (GroupError, TopicError) carries Kafka's name as `code`, its number as
 * `errorCode` for the response, and a message that handlers put into the response's
 * error_message where the API version has that field. Failures of the broker process itself
 * (it cannot listen, its data folder is taken, a state file in it cannot be used) have the codes below.
 */
import { ErrorCode, type ErrorCodeName } from '@sluice/protocol';

/** Codes of the broker's own failures (docs/errors.md lists every package's). */
export const BrokerErrorCode = {
  /** The port is taken by another broker or program; stop it or choose another port. */
  PORT_IN_USE: 'PORT_IN_USE',
  /** The broker may not listen on that host and port (privileged port, address not of this machine). */
  LISTEN_FAILED: 'LISTEN_FAILED',
  /** Another broker holds the data folder's lock; stop it or choose another log.dirs. */
  DATA_DIR_LOCKED: 'DATA_DIR_LOCKED',
  /** A state file of the data folder (acls, scram-credentials, group-configs, client-quotas, finalized-features, dynamic-broker-configs) is not JSON or holds an entry that cannot be used; the start stops. Correct it, restore it from a backup, or remove it and set what it held again. */
  STATE_FILE_UNREADABLE: 'STATE_FILE_UNREADABLE',
  /** A state file of the data folder is in a newer format version than this build reads; the start stops. Start the newer Sluice that wrote it. */
  STATE_FILE_UNSUPPORTED_FORMAT: 'STATE_FILE_UNSUPPORTED_FORMAT',
} as const;
export type BrokerErrorCode = (typeof BrokerErrorCode)[keyof typeof BrokerErrorCode];

/** A request refused with a Kafka error, named as Kafka names it. */
export class KafkaAnswerError extends Error {
  override readonly name: string = 'KafkaAnswerError';
  /** Kafka's number for `code`, as the response carries it. */
  readonly errorCode: number;

  /** Kafka's name of the error the broker answers with. */
  readonly code: ErrorCodeName;

  constructor(code: ErrorCodeName, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.errorCode = ErrorCode[code];
  }
}

/** A group request refused: UNKNOWN_MEMBER_ID, FENCED_INSTANCE_ID, GROUP_ID_NOT_FOUND… */
export class GroupError extends KafkaAnswerError {
  override readonly name = 'GroupError';
}

/** A topic request refused: INVALID_TOPIC_EXCEPTION, TOPIC_ALREADY_EXISTS, INVALID_CONFIG… */
export class TopicError extends KafkaAnswerError {
  override readonly name = 'TopicError';
}
