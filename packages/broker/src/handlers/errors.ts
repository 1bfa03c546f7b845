/** Maps failures from lower layers to Kafka error codes for responses. */
import { ErrorCode } from '@sluice/protocol';

/**
 * The Kafka error code an error carries as `errorCode` (the broker's KafkaAnswerError, storage's
 * StorageError, the config's ConfigError and the protocol's InvalidRecordBatchError do), else
 * UNKNOWN_SERVER_ERROR.
 */
export function errorCodeOf(e: unknown): number {
  const code = e !== null && typeof e === 'object' ? (e as { errorCode?: unknown }).errorCode : undefined;
  return typeof code === 'number' ? code : ErrorCode.UNKNOWN_SERVER_ERROR;
}

export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
