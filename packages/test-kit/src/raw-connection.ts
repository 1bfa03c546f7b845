/** A tiny Kafka client over our own codec, for driving the broker at exact API versions in tests. */
import { createConnection, type Socket } from 'node:net';
import { FrameDecoder, apiByKey, decodeResponse, encodeRequest, type AnyApi } from '@sluice/protocol';

export class RawConnection {
  private readonly decoder = new FrameDecoder(1 << 30);
  private readonly waiting: ((frame: Buffer | Error) => void)[] = [];
  private correlation = 0;
  closed = false;

  readonly socket: Socket;

  private constructor(socket: Socket) {
    this.socket = socket;
    socket.on('data', (chunk) => {
      for (const frame of this.decoder.push(chunk)) this.waiting.shift()?.(frame);
    });
    socket.on('close', () => {
      this.closed = true;
      for (const w of this.waiting.splice(0)) w(new Error('connection closed by the broker'));
    });
    socket.on('error', () => {});
  }

  static open(port: number, host = '127.0.0.1'): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const s = createConnection({ port, host }, () => resolve(new RawConnection(s)));
      s.once('error', reject);
    });
  }

  /** Sends a request and resolves with the decoded response body. */
  async request<A extends AnyApi>(api: A, version: number, body: unknown): Promise<any> {
    const correlationId = ++this.correlation;
    const frame = await this.send(encodeRequest(api as never, version, correlationId, 'sluice-test', body as never));
    const decoded = decodeResponse(api as never, version, frame);
    if (decoded.correlationId !== correlationId) throw new Error(`correlation id ${decoded.correlationId}, expected ${correlationId}`);
    return decoded.body;
  }

  /** Writes raw bytes and resolves with the next frame received. */
  send(chunks: Buffer[] | Buffer): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      this.waiting.push((f) => (f instanceof Error ? reject(f) : resolve(f)));
      for (const c of Array.isArray(chunks) ? chunks : [chunks]) this.socket.write(c);
    });
  }

  close(): void {
    this.socket.destroy();
  }
}

export { apiByKey };

/**
 * A sessionless Fetch v12 request body for partitions of one topic (partition 0 from offset 0 with
 * 1 MiB, unless `partitions` says otherwise), `fields` overriding the request's own fields.
 */
export function fetchRequestV12(topic: string, partitions: Record<string, unknown>[] = [{}], fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    replicaId: -1,
    maxWaitMs: 0,
    minBytes: 0,
    maxBytes: 1 << 20,
    isolationLevel: 0,
    sessionId: 0,
    sessionEpoch: -1,
    topics: [{ topic, partitions: partitions.map((p) => ({ partition: 0, fetchOffset: 0n, partitionMaxBytes: 1 << 20, currentLeaderEpoch: -1, logStartOffset: -1n, lastFetchedEpoch: -1, ...p })) }],
    forgottenTopicsData: [],
    rackId: '',
    ...fields,
  };
}
