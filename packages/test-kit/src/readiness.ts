/**
 * Whether a broker answers Kafka requests yet: the readiness probe both Apache Kafka's start
 * (apache-kafka.ts) and bench/broker's start-up timing use, so that Sluice and Kafka are timed to
 * the same answer. Written by hand, not with the protocol codec, so it depends on nothing the
 * broker under test shares.
 */
import { Socket } from 'node:net';

/** One Kafka request frame (request header v1: api key, version, correlation id, client id). */
function requestFrame(apiKey: number, apiVersion: number, correlationId: number, body: Buffer): Buffer {
  const clientId = Buffer.from('sluice-probe');
  const header = Buffer.alloc(10);
  header.writeInt16BE(apiKey, 0);
  header.writeInt16BE(apiVersion, 2);
  header.writeInt32BE(correlationId, 4);
  header.writeInt16BE(clientId.length, 8);
  const size = Buffer.alloc(4);
  size.writeInt32BE(header.length + clientId.length + body.length, 0);
  return Buffer.concat([size, header, clientId, body]);
}

/**
 * Resolves true when the broker on `host:port` answers ApiVersions v0 with no error and then
 * Metadata v1 (all topics) with at least one broker; false on a refusal, an error answer, a
 * closed connection or no answer within `timeoutMs`.
 */
export function answersKafkaRequests(port: number, host = '127.0.0.1', timeoutMs = 3000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    let buffered = Buffer.alloc(0);
    let step = 0;
    const done = (ok: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.on('error', () => done(false));
    socket.on('close', () => done(false));
    socket.on('data', (chunk) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (buffered.length < 4 || buffered.length < 4 + buffered.readInt32BE(0)) return;
      const frame = buffered.subarray(4, 4 + buffered.readInt32BE(0));
      buffered = buffered.subarray(4 + frame.length);
      if (step === 0) {
        // ApiVersions v0 response: correlation id, error code, api array.
        if (frame.readInt32BE(0) !== 1 || frame.readInt16BE(4) !== 0) return done(false);
        step = 1;
        const allTopics = Buffer.alloc(4);
        allTopics.writeInt32BE(-1, 0); // Metadata v1: null topics = all topics
        socket.write(requestFrame(3, 1, 2, allTopics));
      } else {
        // Metadata v1 response: correlation id, then the brokers array.
        done(frame.readInt32BE(0) === 2 && frame.readInt32BE(4) >= 1);
      }
    });
    socket.connect(port, host, () => socket.write(requestFrame(18, 0, 1, Buffer.alloc(0))));
  });
}
