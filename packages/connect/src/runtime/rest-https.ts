/**
 * An https listener of the REST API (Kafka's `listeners=https://host:port`). One port serves
 * TLS; a client speaking plain HTTP to it gets a plain-text 400 saying to use https (its first byte
 * is not a TLS handshake's), instead of a connection cut mid-handshake that tells it nothing.
 * With `ssl.client.auth=required` a client without a trusted certificate is refused during the
 * handshake; with `requested` a client may come without one, but one it presents must be trusted,
 * else its connection ends with the handshake, before any request is read: Kafka's Jetty (Java's
 * SSLEngine with wantClientAuth) fails that handshake, so such a client never gets an HTTP answer.
 * A client that connects and sends nothing, or stalls in its handshake, is dropped after the
 * handshake timeout (Node's TLS server's, 120 s by default): each holds one of the worker's sockets.
 */
import { createServer as createHttpsServer } from 'node:https';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import type { TLSSocket, TlsOptions } from 'node:tls';
import type { ClientAuth } from './rest-tls.ts';

export interface HttpsListenerOptions {
  options: TlsOptions;
  clientAuth: ClientAuth;
  /** How long a client has from connecting to the end of its TLS handshake (Node's handshakeTimeout, 120 s by default). */
  handshakeTimeoutMs?: number;
}

const DEFAULT_HANDSHAKE_TIMEOUT_MS = 120_000;

/** A TLS record of type handshake starts every TLS connection. */
const TLS_HANDSHAKE = 0x16;

export async function listenHttps(host: string, port: number, tls: HttpsListenerOptions, onRequest: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  const handshakeTimeout = tls.handshakeTimeoutMs ?? DEFAULT_HANDSHAKE_TIMEOUT_MS;
  const https = createHttpsServer({ ...tls.options, handshakeTimeout }, onRequest);
  // A failed handshake (no or an untrusted client certificate, a TLS version not enabled) ends that connection only.
  https.on('tlsClientError', (_e, socket) => socket.destroy());
  // OpenSSL lets an untrusted certificate through when certificates are only requested (Node
  // checks its verdict after the handshake); the connection is ended before a byte of it is read.
  if (tls.clientAuth === 'requested') {
    https.on('secureConnection', (socket: TLSSocket) => {
      if (presentsUntrustedCertificate(socket)) socket.destroy();
    });
  }
  const sockets = new Set<Socket>();
  const front = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    // Until its first byte the socket is nobody else's: the TLS server's handshake timeout starts only once it is handed over.
    const dropSilent = () => socket.destroy();
    socket.setTimeout(handshakeTimeout, dropSilent);
    socket.once('readable', () => {
      const first = socket.read(1) as Buffer | null;
      if (first === null) return void socket.destroy();
      socket.unshift(first);
      socket.setTimeout(0);
      socket.off('timeout', dropSilent);
      if (first[0] === TLS_HANDSHAKE) https.emit('connection', socket);
      else refusePlainHttp(socket, host, (front.address() as AddressInfo).port);
    });
  });
  await new Promise<void>((resolve, reject) => {
    front.once('error', reject);
    front.listen(port, host, () => {
      front.off('error', reject);
      resolve();
    });
  });
  return {
    server: https,
    port: (front.address() as AddressInfo).port,
    close: async () => {
      const closed = new Promise<void>((resolve) => front.close(() => resolve()));
      https.closeAllConnections();
      https.close();
      for (const s of sockets) s.destroy();
      await closed;
    },
  };
}

function presentsUntrustedCertificate(socket: TLSSocket): boolean {
  return !socket.authorized && socket.getPeerX509Certificate() !== undefined;
}

function refusePlainHttp(socket: Socket, host: string, port: number): void {
  const where = `${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${port}`;
  const body = JSON.stringify({ error_code: 400, message: `This port of the Connect REST API serves HTTPS (listeners=https://...), not plain HTTP: use https://${where}` });
  // The request is read and dropped, so that closing does not reset the connection before the client reads the answer.
  socket.resume();
  socket.setTimeout(5000, () => socket.destroy());
  socket.end(`HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
}
