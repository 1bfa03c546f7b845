/**
 * A port that cannot be listened on should stop the start at once, with a message that says why
 * and what to do, not after every partition of a large data folder was opened. The listener proper
 * is bound once the broker can serve, so the port is tried first with a throwaway listener; if it
 * is taken in between, the real bind reports the same error.
 */
import { createServer } from 'node:net';
import { BrokerErrorCode } from './errors.ts';

export class ListenError extends Error {
  override readonly name = 'ListenError';
  readonly code: typeof BrokerErrorCode.PORT_IN_USE | typeof BrokerErrorCode.LISTEN_FAILED;

  constructor(
    code: typeof BrokerErrorCode.PORT_IN_USE | typeof BrokerErrorCode.LISTEN_FAILED,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.code = code;
  }
}

/** A Node listen error as a message naming the address and what to do. */
export function listenError(host: string, port: number, e: unknown): ListenError {
  const code = (e as { code?: string })?.code;
  if (code === 'EADDRINUSE') {
    return new ListenError(
      BrokerErrorCode.PORT_IN_USE,
      `Port ${port} on ${host} is already in use (by another broker or another program). Stop what listens there, or choose another port with --port N (listeners=PLAINTEXT://${host}:N).`,
      { cause: e },
    );
  }
  if (code === 'EACCES') return new ListenError(BrokerErrorCode.LISTEN_FAILED, `Not allowed to listen on port ${port} on ${host} (ports below 1024 need privileges); choose another with --port N.`, { cause: e });
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return new ListenError(BrokerErrorCode.LISTEN_FAILED, `Cannot listen on ${host}: it is not an address of this machine; choose another with --host.`, { cause: e });
  return new ListenError(BrokerErrorCode.LISTEN_FAILED, `Cannot listen on ${host}:${port}: ${(e as Error)?.message ?? e}`, { cause: e });
}

/** Resolves if `host:port` can be listened on now (port 0 always can); else rejects with ListenError. */
export async function checkListenable(host: string, port: number): Promise<void> {
  if (port === 0) return;
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', (e) => reject(listenError(host, port, e)));
    probe.listen({ host, port, exclusive: true }, () => resolve());
  });
  await new Promise<void>((resolve) => probe.close(() => resolve()));
}
