/**
 * One client connection: frames in, responses out in request order.
 *
 * Requests are started one at a time in arrival order, like Kafka, which mutes a channel while a
 * request is in flight; a handler may hand back a Deferred response so that the next request can
 * start while this one waits (for a sync, say). Responses leave strictly in request order.
 * A malformed or oversized frame closes this connection only.
 *
 * Memory: each request's size is reserved from the broker-wide RequestMemory before its body is
 * read and given back once it has been handled; while the next request does not fit, the socket
 * is paused. A connection with nothing in flight and no traffic for connections.max.idle.ms is
 * closed.
 */
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { DecodeError, FrameDecoder, FrameTooLargeError } from '@sluice/protocol';
import { Deferred } from '../handlers/deferred.ts';
import { PLAINTEXT_LISTENER, type ListenerSecurity } from '../security/listener-security.ts';
import { Session } from '../security/session.ts';
import type { RateLimitedLog } from './rate-limited-log.ts';
import type { RequestMemory } from './request-memory.ts';
import { ResponseWriter } from './response-writer.ts';

/** What a dispatcher makes of one request frame. */
export type Reply = Buffer[] | null | Deferred<Buffer[] | null>;

export interface Dispatcher {
  dispatch(connection: Connection, frame: Buffer): Promise<Reply> | Reply;
}

/** Thrown by a dispatcher for a request the connection cannot survive (Kafka closes it too). */
export class CloseConnection extends Error {
  override readonly name = 'CloseConnection';

  readonly kind: string;

  /** `kind` groups the warning with others of its kind for the rate limit of the log. */
  constructor(message: string, kind = 'bad request') {
    super(message);
    this.kind = kind;
  }
}

/** A frame larger than sasl.server.max.receive.size from a SASL client that has not logged in. */
class UnauthenticatedFrameTooLargeError extends FrameTooLargeError {}

/** What every connection of a listener shares. */
export interface ConnectionContext {
  /** socket.request.max.bytes: a larger frame closes the connection before it is read. */
  readonly maxFrameBytes: number;
  readonly memory: RequestMemory;
  readonly warnings: RateLimitedLog;
  /** connections.max.idle.ms; negative for never. */
  readonly idleMs: number;
  /** Counts connections closed for idleness. */
  readonly idleClosed: { count: number };
}

interface Slot {
  ready: boolean;
  chunks: Buffer[] | null;
}

/** Pause reading once this many requests are waiting to start or to be answered. */
const MAX_QUEUED_REQUESTS = 128;

const EMPTY = Buffer.alloc(0);

export class Connection {
  private readonly decoder: FrameDecoder;
  private readonly inbox: Buffer[] = [];
  private readonly slots: Slot[] = [];
  private running = false;
  private paused = false;
  private draining = false;
  private closed = false;
  private idleWaiters: (() => void)[] = [];
  /** Bytes this connection holds in the RequestMemory: its queued, running and partly read requests. */
  private reserved = 0;
  /** The next request's size prefix has arrived but its memory has not been granted yet. */
  private waitingForMemory = false;
  private readonly retryRead = () => {
    this.waitingForMemory = false;
    this.receive(EMPTY);
  };
  readonly remote: string;
  /** Who the client is (its principal) and where its authentication stands. */
  readonly session: Session;
  /** Set once the connection is to close after the answers already owed (a failed authentication). */
  private ending = false;
  private authenticationTimer: NodeJS.Timeout | undefined;
  private endTimer: NodeJS.Timeout | undefined;
  /** Set while the client is throttled by a quota: nothing more is read or started until it fires. */
  private throttleTimer: NodeJS.Timeout | undefined;
  private throttledUntil = 0;
  private readonly writer: ResponseWriter;

  readonly id: number;
  readonly socket: Socket;
  private readonly dispatcher: Dispatcher;
  private readonly context: ConnectionContext;
  private readonly onClose: (c: Connection) => void;
  /** The listener the client came in on. */
  readonly listener: ListenerSecurity;

  constructor(
    id: number,
    socket: Socket,
    dispatcher: Dispatcher,
    context: ConnectionContext,
    onClose: (c: Connection) => void,
    listener: ListenerSecurity = PLAINTEXT_LISTENER,
    /** The raw TCP address, since a TLS socket's own may not be known until its handshake. */
    remote: string = `${socket.remoteAddress}:${socket.remotePort}`,
  ) {
    this.id = id;
    this.socket = socket;
    this.dispatcher = dispatcher;
    this.context = context;
    this.onClose = onClose;
    this.listener = listener;
    this.decoder = new FrameDecoder(context.maxFrameBytes, (size) => this.admit(size));
    this.remote = remote;
    this.writer = new ResponseWriter(socket, listener.tls !== undefined, () => this.updateFlow());
    this.session = new Session(listener.sasl !== undefined, listener.tls !== undefined);
    if (!this.session.authenticated) {
      // A client that never finishes its TLS handshake or SASL exchange does not keep its place.
      this.authenticationTimer = setTimeout(() => {
        if (this.session.authenticated || this.closed) return;
        this.context.warnings.warn('authentication timeout', `closing ${this.remote}: not authenticated within connections.authentication.timeout.ms (${listener.authenticationTimeoutMs} ms)`);
        this.close();
      }, listener.authenticationTimeoutMs);
      this.authenticationTimer.unref();
    }
    if (listener.tls !== undefined) {
      const tls = listener.tls;
      (socket as TLSSocket).once('secure', () => this.secured(tls));
    }
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', () => this.close());
    socket.on('close', () => this.close());
    socket.on('drain', () => this.updateFlow());
    if (context.idleMs >= 0) {
      // Node's socket timeout is reset by every read and write, which is Kafka's idea of activity.
      socket.setTimeout(Math.max(1, context.idleMs));
      socket.on('timeout', () => {
        // A request still being answered (a long fetch, a join) is not idleness.
        if (!this.idle || this.closed) return;
        this.context.idleClosed.count++;
        this.close();
      });
    }
  }

  /** The TLS handshake is done: check the client's certificate and take its principal. */
  private secured(tls: NonNullable<ListenerSecurity['tls']>): void {
    if (this.closed) return;
    const socket = this.socket as TLSSocket;
    let principal;
    try {
      // Both read what the client sent; whatever they throw closes this connection, never the broker.
      const problem = tls.clientCertificateProblem(socket);
      if (problem !== undefined) {
        this.context.warnings.warn('failed TLS authentication', `closing ${this.remote} on the listener ${this.listener.name}: ${problem}`);
        this.close();
        return;
      }
      principal = tls.certificatePrincipal(socket);
    } catch (e) {
      this.context.warnings.warn('failed TLS authentication', `closing ${this.remote} on the listener ${this.listener.name}: ${(e as Error).message}`);
      this.close();
      return;
    }
    // On SASL_SSL the SASL user is the principal; the certificate only opened the channel.
    if (!this.session.usesSasl) {
      if (principal !== undefined) this.session.principal = principal;
      this.authenticated();
    }
  }

  /** The client is who it says: every request is served from now on. */
  authenticated(): void {
    this.session.authenticated = true;
    clearTimeout(this.authenticationTimer);
  }

  /** A warning about this client, under the log's rate limit for `kind`. */
  warn(kind: string, message: string): void {
    this.context.warnings.warn(kind, message);
  }

  /**
   * Reads nothing more and closes once the answers already owed have been written (Kafka sends
   * the answer to a failed authentication, then closes).
   */
  closeAfterResponses(): void {
    if (this.closed || this.ending) return;
    this.ending = true;
    for (const frame of this.inbox.splice(0)) this.release(frame.length);
    this.socket.pause();
    this.paused = true;
    this.endIfAnswered();
  }

  private endIfAnswered(): void {
    if (!this.ending || this.closed || this.slots.length > 0) return;
    // The writer ends the socket (FIN) after what was written; its close event closes this connection.
    this.writer.end();
    // A client that never closes its side is cut off; the timer goes when the connection closes.
    this.endTimer = setTimeout(() => this.close(), 5000);
    this.endTimer.unref();
    // Reading again (receive() drops whatever comes while ending) lets the client's own close be
    // seen at once: a paused socket never reads the FIN behind a request the client sent after
    // its failed login, and held the connection until the timer.
    this.updateFlow();
  }

  /**
   * Mutes the connection for `ms` (a quota's throttle time, KIP-219): the answers already owed
   * still go out, but no further request is read or started until the time has passed.
   */
  throttle(ms: number): void {
    const until = Date.now() + ms;
    if (this.closed || until <= this.throttledUntil) return;
    this.throttledUntil = until;
    clearTimeout(this.throttleTimer);
    this.throttleTimer = setTimeout(() => {
      this.throttleTimer = undefined;
      this.updateFlow();
      // Requests read before the mute start now.
      if (this.inbox.length > 0) this.run().catch((e) => this.fail(e));
    }, ms);
    this.throttleTimer.unref();
    this.updateFlow();
  }

  /** True while a quota's throttle time runs. */
  get throttled(): boolean {
    return this.throttleTimer !== undefined;
  }

  private admit(size: number): boolean {
    // Before login only small frames (the SASL exchange) are read, as Kafka's sasl.server.max.receive.size:
    // otherwise a few size prefixes from strangers would hold queued.max.request.bytes.
    const limit = this.listener.saslMaxReceiveBytes;
    if (this.listener.sasl !== undefined && !this.session.authenticated && size > limit) throw new UnauthenticatedFrameTooLargeError(size, limit);
    if (this.context.memory.tryReserve(size)) {
      this.reserved += size;
      return true;
    }
    this.waitingForMemory = true;
    this.context.memory.waitFor(this.retryRead);
    return false;
  }

  private release(bytes: number): void {
    const n = Math.min(bytes, this.reserved);
    this.reserved -= n;
    this.context.memory.release(n);
  }

  /**
   * Runs on the socket's 'data' event (and when memory frees up), where nothing catches: whatever
   * it throws closes this connection only. Only the frame decoder's own errors are the client's
   * fault and warned about under the rate-limited kinds of bad requests; anything else is a bug
   * here and logged as an unexpected error, so that a flood of bad requests cannot hide it.
   */
  private receive(chunk: Buffer): void {
    if (this.closed || this.ending) return;
    try {
      const frames = this.decoder.push(chunk);
      this.inbox.push(...frames);
      this.updateFlow();
      // Nobody awaits the request loop: what escapes it would end the process, so it ends this connection.
      if (frames.length > 0) this.run().catch((e) => this.fail(e));
    } catch (e) {
      if (e instanceof UnauthenticatedFrameTooLargeError) {
        this.context.warnings.warn('oversized request', `closing ${this.remote}: request of ${e.size} bytes before authentication exceeds sasl.server.max.receive.size (${e.limit})`);
        this.close();
      } else if (e instanceof FrameTooLargeError) {
        this.context.warnings.warn('oversized request', `closing ${this.remote}: request of ${e.size} bytes exceeds socket.request.max.bytes (${e.limit})`);
        this.close();
      } else if (e instanceof DecodeError) {
        this.context.warnings.warn('malformed request', `closing ${this.remote}: ${e.message}`);
        this.close();
      } else {
        this.fail(e);
      }
    }
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.inbox.length > 0 && !this.closed && !this.ending && !this.throttled) {
        const frame = this.inbox.shift()!;
        const slot: Slot = { ready: false, chunks: null };
        this.slots.push(slot);
        let reply: Reply;
        try {
          reply = await this.dispatcher.dispatch(this, frame);
        } catch (e) {
          this.fail(e);
          return;
        } finally {
          // Handled (a deferred answer no longer needs the request's bytes): its memory goes back.
          this.release(frame.length);
        }
        if (reply instanceof Deferred) {
          reply.result
            .then(
              (chunks) => this.fill(slot, chunks),
              (e) => this.fail(e),
            )
            .catch((e) => this.fail(e));
        } else {
          this.fill(slot, reply);
        }
      }
    } finally {
      this.running = false;
      this.updateFlow();
      this.checkIdle();
    }
  }

  private fail(e: unknown): void {
    if (e instanceof CloseConnection) this.context.warnings.warn(e.kind, `closing ${this.remote}: ${e.message}`);
    else this.context.warnings.error('unexpected error', `closing ${this.remote} after an unexpected error`, e);
    this.close();
  }

  private fill(slot: Slot, chunks: Buffer[] | null): void {
    slot.ready = true;
    slot.chunks = chunks;
    this.flush();
  }

  private flush(): void {
    if (this.closed) return;
    const out: Buffer[] = [];
    while (this.slots.length > 0 && this.slots[0].ready) {
      const slot = this.slots.shift()!;
      if (slot.chunks === null) continue; // acks=0: no response
      for (const c of slot.chunks) out.push(c);
    }
    this.writer.write(out);
    this.endIfAnswered();
    this.updateFlow();
    this.checkIdle();
  }

  /** Stops reading while too much is queued, memory is short or the client is not reading its responses. */
  private updateFlow(): void {
    if (this.closed) return;
    const ended = this.ending && this.endTimer !== undefined;
    const busy = (this.ending && !ended) || this.draining || this.throttled || this.waitingForMemory || this.inbox.length + this.slots.length >= MAX_QUEUED_REQUESTS || this.writer.needsDrain;
    if (busy && !this.paused) {
      this.paused = true;
      this.socket.pause();
    } else if (!busy && this.paused) {
      this.paused = false;
      this.socket.resume();
    }
  }

  /** True when no request is waiting, running or unanswered. */
  get idle(): boolean {
    return this.inbox.length === 0 && this.slots.length === 0 && !this.running;
  }

  private checkIdle(): void {
    if (!this.idle && !this.closed) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  /** Stops reading new requests and resolves once everything already received is answered. */
  drain(): Promise<void> {
    this.draining = true;
    this.socket.pause();
    this.paused = true;
    this.context.memory.cancelWait(this.retryRead);
    // Requests not started yet are dropped, as on a broker shutdown.
    for (const frame of this.inbox.splice(0)) this.release(frame.length);
    if (this.idle || this.closed) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.authenticationTimer);
    clearTimeout(this.endTimer);
    clearTimeout(this.throttleTimer);
    this.throttleTimer = undefined;
    this.inbox.length = 0;
    this.context.memory.cancelWait(this.retryRead);
    this.waitingForMemory = false;
    // Everything still reserved (queued, running or partly read requests) goes back; a request
    // still running releases nothing more when it ends.
    this.release(this.reserved);
    this.socket.destroy();
    this.checkIdle();
    this.onClose(this);
  }
}
