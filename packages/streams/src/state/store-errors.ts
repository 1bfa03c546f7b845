/** The errors every store layer raises the same way. */
import { StreamsError, StreamsErrorCode } from '../errors.ts';

/** Java's `InvalidStateStoreException("Store <name> is currently closed.")`. */
export function storeClosed(name: string): StreamsError {
  return new StreamsError(StreamsErrorCode.INVALID_STATE_STORE, `Store ${name} is currently closed; it is usable between init() and close(), while its task runs`);
}

/** A store asked for before `init`, or a layer used without its context. */
export function storeNotInitialised(name: string): StreamsError {
  return new StreamsError(StreamsErrorCode.INVALID_STATE_STORE, `Store ${name} is not initialised; the task calls init() before its processors run`);
}
