// A TCP proxy that sits between a Kafka client and a real broker and records every frame in both
// directions, so the protocol codec can be tested on bytes written by real peers.
//
// It reads the wire by hand, on purpose: a frame is a 4-byte big-endian size and that many bytes;
// of a request it reads only the header's first fields (int16 api key, int16 api version, int32
// correlation id), and of a response only the correlation id, which it matches to the request.
// Bytes are forwarded exactly as they arrive; recording never changes them.
//
// Clients learn broker addresses from Metadata responses. Rather than rewrite them, the broker is
// started with its advertised listener set to this proxy's address (so listen first, then start
// the broker, then setUpstream()).
import { createServer, Socket, type Server } from 'node:net';

export type Direction = 'request' | 'response';

export interface CapturedFrame {
  connection: number;
  dir: Direction;
  apiKey: number;
  apiVersion: number;
  correlationId: number;
  /** The frame without its 4-byte size prefix. */
  frame: Buffer;
}

/** Splits a byte stream into Kafka frames. */
export class FrameSplitter {
  private chunks: Buffer[] = [];
  private buffered = 0;
  broken: string | null = null;

  private readonly maxFrame: number;

  constructor(maxFrame = 256 * 1024 * 1024) {
    this.maxFrame = maxFrame;
  }

  push(chunk: Buffer): Buffer[] {
    if (this.broken) return [];
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const frames: Buffer[] = [];
    for (;;) {
      if (this.buffered < 4) break;
      const head = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
      this.chunks = [head];
      const size = head.readInt32BE(0);
      if (size < 0 || size > this.maxFrame) {
        this.broken = `frame size ${size} out of range`;
        this.chunks = [];
        this.buffered = 0;
        break;
      }
      if (this.buffered < 4 + size) break;
      frames.push(Buffer.from(head.subarray(4, 4 + size)));
      const rest = head.subarray(4 + size);
      this.chunks = rest.length ? [rest] : [];
      this.buffered = rest.length;
    }
    return frames;
  }
}

export interface RecordingProxyOptions {
  host?: string;
  /** 0 or absent: a free port. */
  port?: number;
  /** Called on anything odd (an unmatched response, a broken frame). Default: stderr. */
  warn?: (message: string) => void;
}

export class RecordingProxy {
  readonly host: string;
  port = 0;
  private server: Server;
  private upstream: { host: string; port: number } | null = null;
  private records: CapturedFrame[] = [];
  private nextConnection = 1;
  private sockets = new Set<Socket>();
  private open = 0;
  private readonly warn: (message: string) => void;
  /** While false, frames are forwarded but not recorded. */
  recording = true;

  private constructor(opts: RecordingProxyOptions) {
    this.host = opts.host ?? '127.0.0.1';
    this.warn = opts.warn ?? ((m) => process.stderr.write(`[recording-proxy] ${m}\n`));
    this.server = createServer((client) => this.accept(client));
  }

  static async start(opts: RecordingProxyOptions = {}): Promise<RecordingProxy> {
    const proxy = new RecordingProxy(opts);
    await new Promise<void>((resolve, reject) => {
      proxy.server.once('error', reject);
      proxy.server.listen(opts.port ?? 0, proxy.host, () => resolve());
    });
    const addr = proxy.server.address();
    proxy.port = typeof addr === 'object' && addr ? addr.port : 0;
    return proxy;
  }

  get address(): string {
    return `${this.host}:${this.port}`;
  }

  setUpstream(host: string, port: number): void {
    this.upstream = { host, port };
  }

  /** Connections currently open through the proxy. */
  get openConnections(): number {
    return this.open;
  }

  /** Returns the frames recorded since the last call, connections numbered from 1 in order of
   * their first frame, and forgets them. */
  take(): CapturedFrame[] {
    const out = this.records;
    this.records = [];
    const renumber = new Map<number, number>();
    return out.map((r) => {
      let n = renumber.get(r.connection);
      if (n === undefined) renumber.set(r.connection, (n = renumber.size + 1));
      return { ...r, connection: n };
    });
  }

  /** Resolves once no connection has been open for `quietMs`, or after `timeoutMs`. */
  async waitIdle(quietMs = 300, timeoutMs = 15_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    let quietSince = this.open === 0 ? Date.now() : 0;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      if (this.open > 0) quietSince = 0;
      else if (!quietSince) quietSince = Date.now();
      else if (Date.now() - quietSince >= quietMs) return true;
    }
    return false;
  }

  /** Closes the listener and every proxied connection. */
  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    if (!this.upstream) {
      this.warn('connection before setUpstream(); closing it');
      client.destroy();
      return;
    }
    const connection = this.nextConnection++;
    const upstream = new Socket();
    this.sockets.add(client);
    this.sockets.add(upstream);
    this.open++;
    let closed = 0;
    const onClose = (s: Socket) => () => {
      this.sockets.delete(s);
      if (++closed === 2) this.open--;
    };
    client.on('close', onClose(client));
    upstream.on('close', onClose(upstream));
    client.setNoDelay(true);
    upstream.setNoDelay(true);

    const pending = new Map<number, { apiKey: number; apiVersion: number }>();
    const requests = new FrameSplitter();
    const responses = new FrameSplitter();

    client.on('data', (chunk) => {
      upstream.write(chunk);
      for (const frame of requests.push(chunk)) {
        if (frame.length < 8) {
          this.warn(`connection ${connection}: request frame of ${frame.length} bytes`);
          continue;
        }
        const apiKey = frame.readInt16BE(0);
        const apiVersion = frame.readInt16BE(2);
        const correlationId = frame.readInt32BE(4);
        pending.set(correlationId, { apiKey, apiVersion });
        this.record({ connection, dir: 'request', apiKey, apiVersion, correlationId, frame });
      }
      if (requests.broken) this.warn(`connection ${connection}: requests: ${requests.broken}`);
    });
    upstream.on('data', (chunk) => {
      client.write(chunk);
      for (const frame of responses.push(chunk)) {
        const correlationId = frame.length >= 4 ? frame.readInt32BE(0) : -1;
        const req = pending.get(correlationId);
        if (!req) this.warn(`connection ${connection}: response to unknown correlation id ${correlationId}`);
        pending.delete(correlationId);
        this.record({
          connection,
          dir: 'response',
          apiKey: req?.apiKey ?? -1,
          apiVersion: req?.apiVersion ?? -1,
          correlationId,
          frame,
        });
      }
      if (responses.broken) this.warn(`connection ${connection}: responses: ${responses.broken}`);
    });
    client.on('end', () => upstream.end());
    upstream.on('end', () => client.end());
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    upstream.connect(this.upstream.port, this.upstream.host);
  }

  private record(frame: CapturedFrame): void {
    if (this.recording) this.records.push(frame);
  }
}

/** One line of a capture fixture (`<client>/<scenario>.jsonl`). */
export function toJsonLine(f: CapturedFrame): string {
  return JSON.stringify({
    connection: f.connection,
    dir: f.dir,
    apiKey: f.apiKey,
    apiVersion: f.apiVersion,
    correlationId: f.correlationId,
    frame: f.frame.toString('hex'),
  });
}
