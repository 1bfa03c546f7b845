/**
 * A TCP proxy in front of a real broker that can refuse chosen requests: instead of forwarding
 * one, it answers it itself (say, Produce with NOT_LEADER_OR_FOLLOWER, as a broker whose new
 * partition is not ready yet does). Everything else is forwarded byte for byte, and answers go
 * back in request order, as a broker sends them.
 */
import { createServer, Socket, type Server } from 'node:net';
import { FrameDecoder, peekRequestHeader } from '@sluice/protocol';

export interface RefusingProxy {
  port: number;
  close(): Promise<void>;
}

/** Returns the answer frame (size prefix included) to send instead of forwarding, or null to forward. */
export type Refuse = (request: { apiKey: number; apiVersion: number; correlationId: number; frame: Buffer }) => Buffer[] | null;

/** `upstreamPort` is asked when a client connects, so the broker may start after the proxy (it must advertise the proxy's port). */
export async function startRefusingProxy(upstreamPort: () => number, refuse: Refuse): Promise<RefusingProxy> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = new Socket();
    sockets.add(client).add(upstream);
    upstream.connect(upstreamPort(), '127.0.0.1');
    // Answers in request order: refused requests' answers wait for earlier forwarded ones.
    const order: { correlationId: number; answer: Buffer[] | null }[] = [];
    const flush = () => {
      while (order.length > 0 && order[0].answer) for (const chunk of order.shift()!.answer!) client.write(chunk);
    };
    const requests = new FrameDecoder(1 << 30);
    client.on('data', (chunk) => {
      for (const frame of requests.push(chunk)) {
        const header = peekRequestHeader(frame);
        const answer = refuse({ ...header, frame });
        order.push({ correlationId: header.correlationId, answer });
        if (answer) flush();
        else {
          const size = Buffer.alloc(4);
          size.writeInt32BE(frame.length);
          upstream.write(Buffer.concat([size, frame]));
        }
      }
    });
    const responses = new FrameDecoder(1 << 30);
    upstream.on('data', (chunk) => {
      for (const frame of responses.push(chunk)) {
        const correlationId = frame.readInt32BE(0);
        const entry = order.find((e) => e.correlationId === correlationId && e.answer === null);
        if (!entry) throw new Error(`the broker answered correlation id ${correlationId}, which nothing is waiting for`);
        const size = Buffer.alloc(4);
        size.writeInt32BE(frame.length);
        entry.answer = [size, frame];
      }
      flush();
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
