/**
 * A response that will be ready later, returned by a handler once every state change of its
 * request has been issued. The connection starts the next request straight away, while responses
 * still leave in request order. Produce uses it: appends are issued in arrival order and the
 * answer waits for the sync, so one connection can have several produce requests syncing at once.
 * It is part of the handler contract (handler.ts's HandlerResult), which the connection and the
 * dispatcher honour, so it lives beside it.
 */
export class Deferred<T> {
  readonly result: Promise<T>;

  constructor(result: Promise<T>) {
    this.result = result;
  }
}

export function defer<T>(result: Promise<T>): Deferred<T> {
  return new Deferred(result);
}
