/** Maps failures from lower layers to Kafka error codes for responses. */
import { ErrorCode } from '@sluice/protocol';

/** The Kafka error code an error carries (storage and topic errors do), else UNKNOWN_SERVER_ERROR. */
export function errorCodeOf(e: unknown): number {
  if (e !== null && typeof e === 'object') {
    const o = e as { errorCode?: unknown; kafkaErrorCode?: unknown };
    if (typeof o.errorCode === 'number') return o.errorCode;
    if (typeof o.kafkaErrorCode === 'number') return o.kafkaErrorCode;
  }
  return ErrorCode.UNKNOWN_SERVER_ERROR;
}

export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
