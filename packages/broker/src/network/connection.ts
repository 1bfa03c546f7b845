/**
 * One client connection: frames in, responses out in request order.
 *
 * Requests are started one at a time in arrival order, like Kafka, which mutes a channel while a
 * request is in flight; a handler may hand back a Deferred response so that the next request can
 * start while this one waits (for a sync, say). Responses leave strictly in request order.
 * A malformed or oversized frame closes this connection only.
 */
import type { Socket } from 'node:net';
import { FrameDecoder, FrameTooLargeError } from '@sluice/protocol';
import { Deferred } from './deferred.js';

/** What a dispatcher makes of one request frame. */
export type Reply = Buffer[] | null | Deferred<Buffer[] | null>;

export interface Dispatcher {
  dispatch(connection: Connection, frame: Buffer): Promise<Reply> | Reply;
}

/** Thrown by a dispatcher for a request the connection cannot survive (Kafka closes it too). */
export class CloseConnection extends Error {
  override readonly name = 'CloseConnection';
}

export interface ConnectionLog {
  warn(message: string): void;
  error(message: string, error: unknown): void;
}

interface Slot {
  ready: boolean;
  chunks: Buffer[] | null;
}

/** Pause reading once this many requests are waiting to start or to be answered. */
const MAX_QUEUED_REQUESTS = 128;

export class Connection {
  private readonly decoder: FrameDecoder;
  private readonly inbox: Buffer[] = [];
  private readonly slots: Slot[] = [];
  private running = false;
  private paused = false;
  private closed = false;
  private idleWaiters: (() => void)[] = [];
  readonly remote: string;

  constructor(
    readonly id: number,
    readonly socket: Socket,
    private readonly dispatcher: Dispatcher,
    maxFrameBytes: number,
    private readonly log: ConnectionLog,
    private readonly onClose: (c: Connection) => void,
  ) {
    this.decoder = new FrameDecoder(maxFrameBytes);
    this.remote = `${socket.remoteAddress}:${socket.remotePort}`;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', () => this.close());
    socket.on('close', () => this.close());
    socket.on('drain', () => this.updateFlow());
  }

  private receive(chunk: Buffer): void {
    if (this.closed) return;
    let frames: Buffer[];
    try {
      frames = this.decoder.push(chunk);
    } catch (e) {
      if (e instanceof FrameTooLargeError) {
        this.log.warn(`closing ${this.remote}: request of ${e.size} bytes exceeds socket.request.max.bytes (${e.limit})`);
      } else {
        this.log.warn(`closing ${this.remote}: ${(e as Error).message}`);
      }
      this.close();
      return;
    }
    if (frames.length === 0) return;
    this.inbox.push(...frames);
    this.updateFlow();
    void this.run();
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.inbox.length > 0 && !this.closed) {
        const frame = this.inbox.shift()!;
        const slot: Slot = { ready: false, chunks: null };
        this.slots.push(slot);
        let reply: Reply;
        try {
          reply = await this.dispatcher.dispatch(this, frame);
        } catch (e) {
          this.fail(e);
          return;
        }
        if (reply instanceof Deferred) {
          reply.result.then(
            (chunks) => this.fill(slot, chunks),
            (e) => this.fail(e),
          );
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
    if (e instanceof CloseConnection) this.log.warn(`closing ${this.remote}: ${e.message}`);
    else this.log.error(`closing ${this.remote} after an unexpected error`, e);
    this.close();
  }

  private fill(slot: Slot, chunks: Buffer[] | null): void {
    slot.ready = true;
    slot.chunks = chunks;
    this.flush();
  }

  private flush(): void {
    if (this.closed) return;
    let wrote = false;
    while (this.slots.length > 0 && this.slots[0].ready) {
      const slot = this.slots.shift()!;
      if (slot.chunks === null) continue; // acks=0: no response
      if (!wrote) this.socket.cork();
      wrote = true;
      for (const c of slot.chunks) this.socket.write(c);
    }
    if (wrote) this.socket.uncork();
    this.updateFlow();
    this.checkIdle();
  }

  /** Stops reading while too much is queued or the client is not reading its responses. */
  private updateFlow(): void {
    if (this.closed) return;
    const busy = this.inbox.length + this.slots.length >= MAX_QUEUED_REQUESTS || this.socket.writableNeedDrain;
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
    this.socket.pause();
    this.paused = true;
    this.inbox.length = 0; // requests not started yet are dropped, as on a broker shutdown
    if (this.idle || this.closed) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.inbox.length = 0;
    this.socket.destroy();
    this.checkIdle();
    this.onClose(this);
  }
}
