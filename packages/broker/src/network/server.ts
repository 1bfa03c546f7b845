/**
 * The listening socket and its connections. Stopping is graceful: stop accepting, stop reading,
 * answer what is in flight, then close.
 */
import { createServer, type Server } from 'node:net';
import { Connection, type ConnectionLog, type Dispatcher } from './connection.js';

export interface ListenOptions {
  host: string;
  port: number;
  maxFrameBytes: number;
}

export class KafkaServer {
  private readonly server: Server;
  private readonly connections = new Set<Connection>();
  private nextId = 1;

  constructor(
    private readonly dispatcher: Dispatcher,
    private readonly options: ListenOptions,
    private readonly log: ConnectionLog,
  ) {
    this.server = createServer({ noDelay: true }, (socket) => {
      const c = new Connection(this.nextId++, socket, this.dispatcher, this.options.maxFrameBytes, this.log, (closed) => this.connections.delete(closed));
      this.connections.add(c);
    });
  }

  listen(): Promise<{ host: string; port: number }> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port, this.options.host, () => {
        this.server.off('error', reject);
        const address = this.server.address();
        if (address === null || typeof address === 'string') return reject(new Error('server has no TCP address'));
        resolve({ host: address.address, port: address.port });
      });
    });
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /** Stops accepting, lets in-flight requests finish (up to `timeoutMs`), closes every connection. */
  async stop(timeoutMs: number): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    const drained = Promise.all([...this.connections].map((c) => c.drain()));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([drained, new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
    for (const c of this.connections) c.close();
    await closed;
  }
}
