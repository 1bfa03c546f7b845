/**
 * The options every client (producer, consumer, admin) shares: where the cluster is, how to
 * reach it and how to retry. Each client's own table spreads these in.
 */
import type { ConnectionOptions as TlsOptions } from 'node:tls';
import { opt, tuned } from '../options.ts';
import type { SaslMechanism } from './sasl.ts';

export const commonOptions = {
  bootstrapServers: opt.required<string | readonly string[]>('string \\| string[]', 'bootstrap.servers', 'Brokers to start from, `host:port`', (v) =>
    (typeof v === 'string' && v.length > 0) || (Array.isArray(v) && v.length > 0 && v.every((s) => typeof s === 'string')) ? undefined : 'must be a host:port string or a non-empty array of them',
  ),
  clientId: opt.string('sluice', 'client.id', 'Sent with every request; shows in broker logs and quotas'),
  requestTimeoutMs: opt.int(30_000, 'request.timeout.ms', 'How long to wait for a response before closing the connection and retrying', { min: 1 }),
  connectionTimeoutMs: opt.int(10_000, 'socket.connection.setup.timeout.ms', 'How long a TCP/TLS connection may take to open', { min: 1 }),
  reconnectBackoffMs: tuned(opt.int(50, 'reconnect.backoff.ms', 'First wait before reconnecting to a broker; doubles per failure, with jitter'), { importance: 'low' }),
  reconnectBackoffMaxMs: tuned(opt.int(1000, 'reconnect.backoff.max.ms', 'Longest wait between reconnection attempts'), { importance: 'low' }),
  retryBackoffMs: tuned(opt.int(100, 'retry.backoff.ms', 'First wait before retrying a failed request; doubles per attempt, with jitter'), { importance: 'low' }),
  retryBackoffMaxMs: tuned(opt.int(1000, 'retry.backoff.max.ms', 'Longest wait between retries'), { importance: 'low' }),
  metadataMaxAgeMs: tuned(opt.int(300_000, 'metadata.max.age.ms', 'Refresh metadata at least this often, even without errors'), { importance: 'low' }),
  tls: opt.custom<TlsOptions | boolean | undefined>('tls.ConnectionOptions \\| boolean', undefined, 'security.protocol=SSL, ssl.*', 'TLS: `true`, or options passed to `tls.connect`', (v) =>
    v === undefined || typeof v === 'boolean' || (typeof v === 'object' && v !== null) ? undefined : 'must be a boolean or tls.connect options',
  ),
  sasl: opt.custom<SaslMechanism | undefined>('SaslMechanism', undefined, 'sasl.mechanism, sasl.jaas.config', 'SASL authentication: `plainMechanism({ username, password })` or `scramMechanism({ username, password, algorithm })`', (v) =>
    v === undefined || (typeof v === 'object' && v !== null && typeof (v as SaslMechanism).authenticate === 'function') ? undefined : 'must be a SaslMechanism',
  ),
} as const;
