/**
 * Reaching the cluster. Every command that talks to a cluster first checks, within
 * --connect-timeout (3 s by default), that the bootstrap servers answer as Kafka brokers, so that
 * a broker that is not running is reported in seconds with what to do, where the client's own
 * retries would wait out its 60 s API timeout in silence. A longer --connect-timeout is how a
 * user asks to keep retrying (e.g. while a broker starts).
 */
import { createConnection } from 'node:net';
import type { Admin } from '@sluice/client';
import { CliError, type Io, parseWholeNumber } from './args.ts';
import { isKafkaError } from './failures.ts';

/** The client, loaded when a command first talks to a cluster (not for --help). */
export const loadClient = () => import('@sluice/client');

export const DEFAULT_BOOTSTRAP = '127.0.0.1:9092';
export const CONNECT_TIMEOUT_MS = 3000;
export const CLIENT_ID = 'sluice-cli';

/** The options every cluster command takes. */
export const CONNECTION_OPTIONS = {
  'bootstrap-server': { type: 'string', short: 'b' },
  'connect-timeout': { type: 'string' },
} as const;

export const CONNECTION_USAGE = `  -b, --bootstrap-server HOST:PORT[,HOST:PORT]  default $KAFKA_BOOTSTRAP_SERVERS, else ${DEFAULT_BOOTSTRAP}
      --connect-timeout MS   how long to keep trying to reach the cluster (default ${CONNECT_TIMEOUT_MS})
`;

export interface Connection {
  bootstrapServers: string;
  connectTimeoutMs: number;
}

/** --bootstrap-server, else $KAFKA_BOOTSTRAP_SERVERS, else the local broker; and --connect-timeout. */
export function connectionFrom(values: { 'bootstrap-server'?: string; 'connect-timeout'?: string }, io: Io): Connection {
  const bootstrapServers = values['bootstrap-server'] ?? (io.env.KAFKA_BOOTSTRAP_SERVERS || DEFAULT_BOOTSTRAP);
  return { bootstrapServers, connectTimeoutMs: parseWholeNumber(values['connect-timeout'], '--connect-timeout', 1) ?? CONNECT_TIMEOUT_MS };
}

/**
 * Resolves once a bootstrap server has answered a Metadata request; otherwise throws a CliError
 * saying why, within about `connectTimeoutMs`. A probe client of its own, with every timeout
 * bounded by that window, so that the command's clients keep Kafka's defaults for their work.
 */
export async function checkReachable(connection: Connection): Promise<void> {
  const window = connection.connectTimeoutMs;
  const { Admin } = await loadClient();
  const probe = new Admin({
    bootstrapServers: connection.bootstrapServers,
    clientId: CLIENT_ID,
    connectionTimeoutMs: window,
    requestTimeoutMs: window,
    defaultApiTimeoutMs: window,
    reconnectBackoffMaxMs: Math.min(1000, window),
    retryBackoffMaxMs: Math.min(1000, window),
  });
  let brokers: { nodeId: number; host: string; port: number }[];
  try {
    await probe.connect();
    brokers = (await probe.describeCluster()).brokers;
  } catch (e) {
    throw new CliError(explainUnreachable(connection, e));
  } finally {
    await probe.close();
  }
  await checkAdvertised(connection, brokers);
}

/**
 * Clients go on to the addresses the brokers advertise, not the bootstrap address: a broker in a
 * container advertising a name only the container knows is the usual case. When none of them can
 * be reached, say so now rather than after the client's retries.
 */
async function checkAdvertised(connection: Connection, brokers: readonly { nodeId: number; host: string; port: number }[]): Promise<void> {
  const bootstrap = new Set(connection.bootstrapServers.split(',').map((s) => s.trim()));
  if (brokers.length === 0 || brokers.some((b) => bootstrap.has(`${b.host}:${b.port}`))) return;
  const failures = await Promise.all(brokers.map((b) => tcpFailure(b.host, b.port, connection.connectTimeoutMs)));
  if (failures.some((f) => f === null)) return;
  const listed = brokers.map((b, i) => `broker ${b.nodeId} at ${b.host}:${b.port} (${failures[i]})`).join(', ');
  throw new CliError(`${connection.bootstrapServers} answered, but the cluster's brokers cannot be reached at the addresses they advertise: ${listed}; check the brokers' advertised.listeners`);
}

/** Null when a TCP connection to host:port opens within `timeoutMs`, else why not. */
export function tcpFailure(host: string, port: number, timeoutMs: number): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    let settled = false;
    const done = (result: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    // Acted on after the event loop's next look at the network (setImmediate runs after its I/O
    // poll), as the client's connection does: after a pause of this process the timer is overdue,
    // and the connection may have opened, or been refused, meanwhile.
    const timer = setTimeout(() => setImmediate(() => done(`no answer within ${timeoutMs} ms`)), timeoutMs);
    socket.once('connect', () => done(null));
    socket.once('error', (e: NodeJS.ErrnoException) => done(ERRNO_TEXT[e.code ?? ''] ?? e.message));
  });
}

/** An admin client for a command, once the cluster has been found reachable. */
export async function openAdmin(connection: Connection): Promise<Admin> {
  await checkReachable(connection);
  const { Admin } = await loadClient();
  return new Admin({ bootstrapServers: connection.bootstrapServers, clientId: CLIENT_ID });
}

const ERRNO_TEXT: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'unknown host',
  EAI_AGAIN: 'the host name could not be resolved',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'timed out',
  EPIPE: 'connection closed',
};

/** The innermost cause of an error, following `cause` links. */
function causes(e: unknown): unknown[] {
  const out: unknown[] = [];
  for (let c: unknown = e; c !== undefined && c !== null && out.length < 10; c = (c as { cause?: unknown }).cause) out.push(c);
  return out;
}

/** The message for a cluster that could not be reached: where, why, and what to do. */
export function explainUnreachable(connection: Connection, e: unknown): string {
  const where = connection.bootstrapServers.includes(',') ? `any of ${connection.bootstrapServers}` : connection.bootstrapServers;
  const chain = causes(e);
  const errno = chain.map((c) => (c as { code?: unknown }).code).find((c): c is string => typeof c === 'string' && c in ERRNO_TEXT);
  const codes = new Set(chain.map((c) => (isKafkaError(c) ? c.code : undefined)));
  const local = connection.bootstrapServers.split(',').every((s) => /^(127\.\d+\.\d+\.\d+|localhost|\[?::1\]?)(:\d+)?$/.test(s.trim()));
  const startHint = local ? '; is a broker running? start one with `npx sluice broker`' : '; check --bootstrap-server (or $KAFKA_BOOTSTRAP_SERVERS) and that the cluster is up';
  if (errno !== undefined) return `cannot connect to ${where} (${ERRNO_TEXT[errno]})${errno === 'ENOTFOUND' || errno === 'EAI_AGAIN' ? '; check the host name in --bootstrap-server' : startHint}`;
  if (chain.some((c) => /no connection within/.test((c as Error)?.message ?? ''))) {
    return `cannot connect to ${where} (no answer within ${connection.connectTimeoutMs} ms)${startHint}; --connect-timeout MS waits longer`;
  }
  // 'HTTP' read as a Kafka frame's length: a web server or proxy, a common wrong port.
  if (chain.some((c) => /frame of 1213486160 bytes/.test((c as Error)?.message ?? ''))) {
    return `${where} answered, but in HTTP, not as a Kafka broker; check the port in --bootstrap-server`;
  }
  if (codes.has('REQUEST_TIMEOUT') || codes.has('PROTOCOL_ERROR') || codes.has('CONNECTION_CLOSED') || codes.has('UNSUPPORTED_API')) {
    return `${where} accepted the connection but did not answer as a Kafka broker within ${connection.connectTimeoutMs} ms; is it a Kafka listener (PLAINTEXT)? --connect-timeout MS waits longer`;
  }
  if (codes.has('TLS_HANDSHAKE_FAILED') || codes.has('AUTHENTICATION_FAILED') || codes.has('SASL_AUTHENTICATION_FAILED')) {
    return `cannot connect to ${where}: ${(e as Error).message}; the sluice command speaks PLAINTEXT only so far`;
  }
  return `cannot connect to ${where}: ${(e as Error)?.message ?? e}${startHint}`;
}

/** Runs `work` with an admin client once the cluster is reachable, and closes the client. */
export async function withAdmin<T>(values: { 'bootstrap-server'?: string; 'connect-timeout'?: string }, io: Io, work: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = await openAdmin(connectionFrom(values, io));
  try {
    return await work(admin);
  } finally {
    await admin.close();
  }
}
