/**
 * Puts a connection's response bytes on its socket, in order.
 *
 * Plaintext: everything ready goes to the kernel in one writev (corked writes), as before.
 *
 * TLS: Node encrypts a write whole before any of it leaves. A writev is first copied into one
 * buffer (TLSWrap joins its buffers), then all of it is encrypted, and only then is the first
 * record sent; a 6 MB fetch response reached the client as one late burst, and the client could
 * not decrypt one part while the broker encrypted the next. Here a TLS socket is given the bytes
 * in pieces of PIECE_BYTES, the next one once the one before has gone out to the kernel: a
 * piece within one chunk (a partition's records) is a view of it, without a copy; one across
 * chunks (the small fields around the records) is joined, so that they make no TLS record each.
 */
import type { Socket } from 'node:net';

/**
 * The size of a piece given to a TLS socket: 16 TLS records of 16 KiB, enough to amortize a
 * write's cost, small enough that the first bytes of a large response leave within a fraction of
 * a millisecond of encryption.
 */
export const PIECE_BYTES = 256 * 1024;

export class ResponseWriter {
  /** TLS only: pieces not yet given to the socket, oldest first. */
  private readonly pieces: Buffer[] = [];
  /** TLS only: bytes queued here or written and not yet gone out. */
  private pendingBytes = 0;
  private writing = false;
  private ending = false;

  private readonly socket: Socket;
  private readonly tls: boolean;
  /** Called when bytes that held reading back (needsDrain) have gone out. */
  private readonly onDrain: () => void;

  constructor(socket: Socket, tls: boolean, onDrain: () => void) {
    this.socket = socket;
    this.tls = tls;
    this.onDrain = onDrain;
  }

  /** True while the client has not taken enough of what was written: read no more requests. */
  get needsDrain(): boolean {
    return this.socket.writableNeedDrain || this.pendingBytes >= this.socket.writableHighWaterMark;
  }

  /** Queues `chunks`, whole and in order, after everything written before. */
  write(chunks: readonly Buffer[]): void {
    if (chunks.length === 0) return;
    if (!this.tls) {
      this.socket.cork();
      for (const c of chunks) this.socket.write(c);
      this.socket.uncork();
      return;
    }
    for (const piece of cutIntoPieces(chunks, PIECE_BYTES)) {
      this.pieces.push(piece);
      this.pendingBytes += piece.length;
    }
    this.pump();
  }

  /** Ends the socket (FIN) once everything written has gone out. */
  end(): void {
    this.ending = true;
    if (!this.writing && this.pieces.length === 0) this.socket.end();
  }

  private pump(): void {
    if (this.writing || this.socket.destroyed) return;
    const piece = this.pieces.shift();
    if (piece === undefined) {
      if (this.ending) this.socket.end();
      return;
    }
    this.writing = true;
    const held = this.needsDrain;
    // A failed write destroys the socket, whose 'error' and 'close' close the connection.
    this.socket.write(piece, (e) => {
      this.writing = false;
      this.pendingBytes -= piece.length;
      if (e) return;
      this.pump();
      if (held && !this.needsDrain) this.onDrain();
    });
  }
}

/**
 * The bytes of `chunks`, in order, as pieces of `size` bytes (the last one shorter): a piece that
 * lies within one chunk is a view of it, one that spans chunks joins its parts (a copy).
 */
export function cutIntoPieces(chunks: readonly Buffer[], size: number): Buffer[] {
  const out: Buffer[] = [];
  let parts: Buffer[] = [];
  let partBytes = 0;
  for (const chunk of chunks) {
    for (let at = 0; at < chunk.length; ) {
      const take = Math.min(size - partBytes, chunk.length - at);
      parts.push(at === 0 && take === chunk.length ? chunk : chunk.subarray(at, at + take));
      partBytes += take;
      at += take;
      if (partBytes === size) {
        out.push(parts.length === 1 ? parts[0]! : Buffer.concat(parts, partBytes));
        parts = [];
        partBytes = 0;
      }
    }
  }
  if (partBytes > 0) out.push(parts.length === 1 ? parts[0]! : Buffer.concat(parts, partBytes));
  return out;
}
