/**
 * An optional HTTP endpoint for interactive queries, what Java applications write by hand on
 * top of `store()` and `queryMetadataForKey()` (Kafka ships no server): each instance serves its
 * own stores and forwards a key it does not hold to the instance that does (found through the
 * `application.server` endpoints the group carries), so a client may ask any instance.
 *
 *   GET /stores/<store>/keys/<key>  → 200 {"store","key","value","host"} | 404 when absent
 *   GET /stores/<store>             → 200 {"store","entries":[{"key","value"}...]} from every instance
 *   GET /metadata                   → metadataForAllStreamsClients()
 *
 * A store that is rebalancing or moved answers 503 with Java's message (try again); an unknown
 * store 404. The listening port is application.server's unless `port` is given.
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { StreamsError, StreamsErrorCode, messageOf } from '../errors.js';
import { type Serializer, Serdes } from '../serdes.js';
import type { HostInfo } from './interactive-queries.js';
import type { KafkaStreams } from './kafka-streams.js';

export interface InteractiveQueryServerOptions<K, V> {
  /** Where to listen; default application.server's port (0: any free port). */
  port?: number;
  /** Interface to listen on; default application.server's host. */
  host?: string;
  /** Serialises keys to find their partition, as the topology's source did; default Serdes.String(). */
  keySerializer?: Serializer<K>;
  /** Turns the key of the URL into the store's key; default: the text itself. */
  parseKey?: (text: string) => K;
  /** What a key or value looks like in the JSON answers; default the value itself (bigints as numbers or strings, Buffers as base64). */
  formatKey?: (key: K) => unknown;
  formatValue?: (value: V) => unknown;
  /** How long a forwarded request may take, in ms; default 10000. */
  forwardTimeoutMs?: number;
}

export interface InteractiveQueryServer {
  readonly port: number;
  /** `http://host:port` of this server. */
  readonly url: string;
  close(): Promise<void>;
}

/** Marks a request another instance forwarded, which is answered locally (never forwarded again). */
const FORWARDED_HEADER = 'x-sluice-forwarded';

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
    if (v && typeof v === 'object' && (v as { type?: unknown }).type === 'Buffer' && Array.isArray((v as { data?: unknown }).data)) return Buffer.from((v as { data: number[] }).data).toString('base64');
    return v;
  });
}

function statusOf(e: unknown): number {
  if (e instanceof HttpError) return e.status;
  if (e instanceof StreamsError) {
    if (e.code === StreamsErrorCode.UNKNOWN_STATE_STORE) return 404;
    if (e.code === StreamsErrorCode.INVALID_STATE_STORE || e.code === StreamsErrorCode.STREAMS_NOT_STARTED || e.code === StreamsErrorCode.ILLEGAL_STATE) return 503;
  }
  return 500;
}

/** Starts the HTTP endpoint of `app`'s stores; resolves once it listens. */
export async function startInteractiveQueryServer<K = string, V = unknown>(app: KafkaStreams, options: InteractiveQueryServerOptions<K, V> = {}): Promise<InteractiveQueryServer> {
  const self = app.applicationServer;
  const advertised: HostInfo | null = self ? { host: self.slice(0, self.lastIndexOf(':')), port: Number(self.slice(self.lastIndexOf(':') + 1)) } : null;
  const port = options.port ?? advertised?.port;
  if (port === undefined) throw new StreamsError(StreamsErrorCode.INVALID_CONFIG, 'startInteractiveQueryServer needs a port: set applicationServer (application.server, host:port) on the KafkaStreams config, or give { port }');
  const host = options.host ?? advertised?.host ?? '127.0.0.1';
  const keySerializer = options.keySerializer ?? (Serdes.String() as unknown as Serializer<K>);
  const parseKey = options.parseKey ?? ((text: string) => text as unknown as K);
  const formatKey = options.formatKey ?? ((k: K) => k);
  const formatValue = options.formatValue ?? ((v: V) => v);
  const forwardTimeoutMs = options.forwardTimeoutMs ?? 10_000;

  const isSelf = (h: HostInfo) => advertised !== null && h.host === advertised.host && h.port === advertised.port;

  async function forward(h: HostInfo, path: string): Promise<{ status: number; body: string }> {
    try {
      const res = await fetch(`http://${h.host}:${h.port}${path}`, { headers: { [FORWARDED_HEADER]: '1' }, signal: AbortSignal.timeout(forwardTimeoutMs) });
      return { status: res.status, body: await res.text() };
    } catch (e) {
      // Stopped, or not serving queries: the metadata is refreshed by the next rebalance; ask again then.
      throw new HttpError(503, `instance ${h.host}:${h.port}, which holds it, did not answer (${messageOf(e)}); try again once the application has rebalanced`);
    }
  }

  async function getKey(storeName: string, keyText: string, forwarded: boolean): Promise<{ status: number; body: string }> {
    const key = parseKey(keyText);
    if (!forwarded) {
      const meta = app.queryMetadataForKey(storeName, key, keySerializer);
      if (meta.partition >= 0 && meta.activeHost.port >= 0 && !isSelf(meta.activeHost)) {
        return forward(meta.activeHost, `/stores/${encodeURIComponent(storeName)}/keys/${encodeURIComponent(keyText)}`);
      }
    }
    const value = app.store<K, V>(storeName).get(key);
    if (value === null) throw new HttpError(404, `store '${storeName}' has no value for key '${keyText}'`);
    return { status: 200, body: toJson({ store: storeName, key: formatKey(key), value: formatValue(value), host: self || `${host}:${port}` }) };
  }

  async function getAll(storeName: string, localOnly: boolean): Promise<{ status: number; body: string }> {
    const entries: { key: unknown; value: unknown }[] = [];
    const it = app.store<K, V>(storeName).all();
    try {
      for (const kv of it) entries.push({ key: formatKey(kv.key), value: formatValue(kv.value) });
    } finally {
      it.close();
    }
    if (!localOnly) {
      for (const m of app.streamsMetadataForStore(storeName)) {
        if (isSelf(m.hostInfo) || !m.stateStoreNames.includes(storeName)) continue;
        const answer = await forward(m.hostInfo, `/stores/${encodeURIComponent(storeName)}?local=true`);
        if (answer.status !== 200) throw new HttpError(answer.status === 404 ? 404 : 503, `instance ${m.hostInfo.host}:${m.hostInfo.port} answered ${answer.status}: ${answer.body}`);
        entries.push(...(JSON.parse(answer.body) as { entries: { key: unknown; value: unknown }[] }).entries);
      }
    }
    // A global store is whole on every instance: each key once.
    const unique = new Map(entries.map((e) => [toJson(e.key), e]));
    return { status: 200, body: toJson({ store: storeName, entries: [...unique.values()] }) };
  }

  async function route(req: IncomingMessage): Promise<{ status: number; body: string }> {
    if (req.method !== 'GET') throw new HttpError(405, 'only GET is served');
    const url = new URL(req.url ?? '/', 'http://localhost');
    let parts: string[];
    try {
      parts = url.pathname.split('/').filter((p) => p.length > 0).map(decodeURIComponent);
    } catch {
      throw new HttpError(400, `the path ${url.pathname} is not valid percent-encoding; encode the store name and key with encodeURIComponent`);
    }
    const forwarded = req.headers[FORWARDED_HEADER] !== undefined;
    if (parts.length === 1 && parts[0] === 'metadata') return { status: 200, body: toJson(app.metadataForAllStreamsClients()) };
    if (parts[0] === 'stores' && parts.length === 2) return getAll(parts[1], forwarded || url.searchParams.get('local') === 'true');
    if (parts[0] === 'stores' && parts.length === 4 && parts[2] === 'keys') return getKey(parts[1], parts[3], forwarded);
    throw new HttpError(404, 'unknown path: use /stores/<store>/keys/<key>, /stores/<store> or /metadata');
  }

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    route(req).then(
      ({ status, body }) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(body);
      },
      (e) => {
        res.writeHead(statusOf(e), { 'content-type': 'application/json' });
        res.end(toJson({ error: messageOf(e), code: e instanceof StreamsError ? e.code : undefined }));
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as { port: number }).port;
  return {
    port: bound,
    url: `http://${host}:${bound}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
