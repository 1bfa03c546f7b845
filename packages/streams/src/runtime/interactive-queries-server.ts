/**
 * An optional HTTP endpoint for interactive queries, what Java applications write by hand on
 * top of `store()` and `queryMetadataForKey()` (Kafka ships no server): each instance serves its
 * own stores and forwards a key it does not hold to the instance that does (found through the
 * `application.server` endpoints the group carries), so a client may ask any instance.
 *
 *   GET /stores/<store>/keys/<key>  → 200 {"store","key","value","host"} | 404 when absent
 *   GET /stores/<store>[?limit=n&cursor=c]
 *                                   → 200 {"store","entries":[{"key","value"}...],"next"} a page of every
 *                                     instance's entries (at most `limit`, default 1000); `next` is the
 *                                     cursor of the following page, null after the last
 *   GET /metadata                   → metadataForAllStreamsClients()
 *
 * Pages keep a large store out of memory: each is read from the stores afresh (instances in the
 * order of their application.server, each one's partitions in turn, keys in their serialised
 * order within a partition), so a rebalance between two pages may skip or repeat entries of the
 * partitions that moved (409 when the instance or the partition a cursor names no longer holds
 * the store: start again).
 *
 * A store that is rebalancing or moved answers 503 with Java's message (try again); an unknown
 * store 404; a window or session store 400 (only key-value stores are served). The listening
 * port is application.server's unless `port` is given.
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { StreamsError, StreamsErrorCode, messageOf } from '../errors.ts';
import { type Serializer, Serdes } from '../serdes.ts';
import type { KeyValueIterator } from '../state/api.ts';
import { HostInfo, QueryableStoreTypes, StoreQueryParameters } from './interactive-queries.ts';
import type { KafkaStreams } from './kafka-streams.ts';

export interface InteractiveQueryServerOptions<K, V> {
  /** Where to listen; default application.server's port (0: any free port). */
  port?: number;
  /** Interface to listen on; default application.server's host. */
  host?: string;
  /** Serialises keys to find their partition, as the topology's source did; default Serdes.String(). */
  keySerializer?: Serializer<K>;
  /** Turns the key of the URL into the store's key; default: the text itself. */
  parseKey?: (text: string) => K;
  /**
   * A key as text, the inverse of parseKey, for the cursor of a page of entries. Default: the key
   * as the server's own typed text (strings, numbers, bigints, Buffers and JSON values come back
   * as they were), so a store of any such key pages without it.
   */
  keyToText?: (key: K) => string;
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

/** Entries per page of `GET /stores/<store>` unless `limit` says otherwise, and the most `limit` may ask. */
export const DEFAULT_PAGE_ENTRIES = 1000;
export const MAX_PAGE_ENTRIES = 10_000;

/** The partition a cursor names in a global store (queryMetadataForKey's for a global store). */
const GLOBAL_PARTITION = -1;

interface Entry {
  key: unknown;
  value: unknown;
}

/**
 * The default cursor text of a key: its type and value, so the key comes back as it was for the
 * range that resumes the page (String(key) made '[object Object]' of every JSON key and '5' of an
 * Int32 key, whose serde then refused it).
 */
function typedKeyText(key: unknown): string {
  if (typeof key === 'string') return `s:${key}`;
  if (typeof key === 'number') return `n:${key}`;
  if (typeof key === 'bigint') return `b:${key}`;
  if (Buffer.isBuffer(key) || key instanceof Uint8Array) return `x:${Buffer.from(key).toString('base64')}`;
  return `j:${JSON.stringify(key)}`;
}

function keyFromTypedText(text: string): unknown {
  const value = text.slice(2);
  switch (text.slice(0, 2)) {
    case 's:':
      return value;
    case 'n:':
      return Number(value);
    case 'b:':
      return BigInt(value);
    case 'x:':
      return Buffer.from(value, 'base64');
    case 'j:':
      return JSON.parse(value);
    default:
      throw new Error(`'${text}' is not a key this server wrote`);
  }
}

/** Where a page ended in one instance: the partition and the text of the last key given. */
interface LocalCursor {
  p: number;
  k?: string;
}

/** ... and across instances: the instance (its application.server) too. */
interface Cursor extends LocalCursor {
  h?: string;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(text: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
    if (Number.isInteger(c.p) && (c.k === undefined || typeof c.k === 'string') && (c.h === undefined || typeof c.h === 'string')) return c;
  } catch {
    // Reported below.
  }
  throw new HttpError(400, `cursor '${text}' is not one this server gave: pass the "next" of the previous page as it was, or leave cursor out for the first page`);
}

function pageLimit(text: string | null): number {
  if (text === null) return DEFAULT_PAGE_ENTRIES;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE_ENTRIES) throw new HttpError(400, `limit must be an integer from 1 to ${MAX_PAGE_ENTRIES}, got '${text}'`);
  return n;
}

/** Marks a request another instance forwarded, which is answered locally (never forwarded again). */
const FORWARDED_HEADER = 'x-sluice-forwarded';

class HttpError extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
    if (v && typeof v === 'object' && (v as { type?: unknown }).type === 'Buffer' && Array.isArray((v as { data?: unknown }).data)) return Buffer.from((v as { data: number[] }).data).toString('base64');
    return v;
  });
}

/** Java's message when the store is of another kind: asking again will not help. */
const OTHER_STORE_KIND = /queryable store type does not accept the actual store type/;

function statusOf(e: unknown): number {
  if (e instanceof HttpError) return e.status;
  if (e instanceof StreamsError) {
    if (e.code === StreamsErrorCode.INVALID_STATE_STORE && OTHER_STORE_KIND.test(e.message)) return 400;
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
  // The cursor's key text: the user's pair, or the typed text, which needs no parseKey.
  const keyToText = options.keyToText ?? typedKeyText;
  const cursorKey = options.keyToText ? parseKey : (text: string) => keyFromTypedText(text) as K;
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
    let key: K;
    try {
      key = parseKey(keyText);
    } catch (e) {
      throw new HttpError(400, `key '${keyText}' is not a key of store '${storeName}': ${messageOf(e)}`);
    }
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

  /** One instance's entries of `storeName` after `cursor`, at most `limit`, one partition's store at a time (ordered by serialised key within it). */
  function localPage(storeName: string, cursor: LocalCursor | null, limit: number): { entries: Entry[]; next: LocalCursor | null } {
    const held = app.localStorePartitions(storeName);
    const global = held.global;
    const partitions = global ? [GLOBAL_PARTITION] : held.partitions;
    if (partitions.length === 0) throw new HttpError(503, `this instance holds no partition of store '${storeName}' now (it may be rebalancing); try again`);
    // The partition the last page ended in moved away: its rest is elsewhere now, so say so rather than skip it.
    if (cursor && !partitions.includes(cursor.p)) throw new HttpError(409, `partition ${cursor.p} of store '${storeName}' is no longer on this instance (the application rebalanced since the previous page); list it again from the first page`);
    const entries: Entry[] = [];
    for (const p of partitions) {
      if (cursor && p < cursor.p) continue;
      const view = global ? app.store<K, V>(storeName) : app.store(StoreQueryParameters.fromNameAndType(storeName, QueryableStoreTypes.keyValueStore<K, V>()).withPartition(p));
      const after = cursor && cursor.p === p ? cursor.k : undefined;
      // From the last key of the page before (a range's lower bound is inclusive: skip it).
      const it = after === undefined ? view.all() : resumeAfter(storeName, after, (from) => view.range(from, undefined));
      try {
        for (const kv of it) {
          const keyText = keyToText(kv.key);
          if (keyText === after) continue;
          entries.push({ key: formatKey(kv.key), value: formatValue(kv.value) });
          if (entries.length === limit) return { entries, next: { p, k: keyText } };
        }
      } finally {
        it.close();
      }
    }
    return { entries, next: null };
  }

  /**
   * The range from a cursor's key; a key the store's serde refuses is a cursor from elsewhere
   * (400). The range is lazy: peeking makes the serde see the key here.
   */
  function resumeAfter(storeName: string, keyText: string, range: (from: K) => KeyValueIterator<K, V>): KeyValueIterator<K, V> {
    let it: KeyValueIterator<K, V> | undefined;
    try {
      it = range(cursorKey(keyText));
      it.peekNextKey();
      return it;
    } catch (e) {
      it?.close();
      if (e instanceof StreamsError) throw e;
      throw new HttpError(400, `the cursor's key '${keyText}' is not a key of store '${storeName}' (${messageOf(e)}): pass the "next" of the previous page as it was, or leave cursor out for the first page (keys other than strings, numbers, bigints, Buffers and JSON values need the server's keyToText and parseKey options)`);
    }
  }

  /**
   * A page of every instance's entries: instances in the order of their application.server, each
   * one's partitions in turn, so memory holds one page whatever the store's size. `next` is the
   * cursor of the following page, null after the last.
   */
  async function getPage(storeName: string, url: URL, localOnly: boolean): Promise<{ status: number; body: string }> {
    app.streamsMetadataForStore(storeName); // refuses an unknown store, or an instance not running, with Java's errors
    const limit = pageLimit(url.searchParams.get('limit'));
    const cursorText = url.searchParams.get('cursor');
    const cursor = cursorText === null ? null : decodeCursor(cursorText);
    if (localOnly) {
      const page = localPage(storeName, cursor, limit);
      return { status: 200, body: toJson({ store: storeName, entries: page.entries, next: page.next && encodeCursor(page.next) }) };
    }
    // A global store is whole on every instance: this one answers.
    const hosts = app.localStorePartitions(storeName).global ? [] : app.streamsMetadataForStore(storeName).filter((m) => m.stateStoreNames.includes(storeName)).map((m) => `${m.hostInfo.host}:${m.hostInfo.port}`).sort();
    const selfEndpoint = advertised ? `${advertised.host}:${advertised.port}` : '';
    if (hosts.length === 0) hosts.push(selfEndpoint);
    let index = 0;
    let local: LocalCursor | null = null;
    if (cursor) {
      index = hosts.indexOf(cursor.h ?? selfEndpoint);
      if (index < 0) throw new HttpError(409, `instance ${cursor.h} no longer holds store '${storeName}' (the application rebalanced since the previous page); list it again from the first page`);
      local = { p: cursor.p, k: cursor.k };
    }
    const entries: Entry[] = [];
    for (; index < hosts.length; index++, local = null) {
      const h = hosts[index];
      let page: { entries: Entry[]; next: LocalCursor | null };
      if (h === selfEndpoint) {
        page = localPage(storeName, local, limit - entries.length);
      } else {
        const query = new URLSearchParams({ local: 'true', limit: String(limit - entries.length) });
        if (local) query.set('cursor', encodeCursor(local));
        const answer = await forward(HostInfo.parse(h), `/stores/${encodeURIComponent(storeName)}?${query}`);
        // Its 400, 404 and 409 stand (asking again would not help); anything else may pass.
        if (answer.status !== 200) throw new HttpError([400, 404, 409].includes(answer.status) ? answer.status : 503, `instance ${h} answered ${answer.status}: ${answer.body}`);
        const body = JSON.parse(answer.body) as { entries: Entry[]; next: string | null };
        page = { entries: body.entries, next: body.next === null ? null : decodeCursor(body.next) };
      }
      entries.push(...page.entries);
      if (page.next) return { status: 200, body: toJson({ store: storeName, entries, next: encodeCursor({ h, ...page.next }) }) };
    }
    return { status: 200, body: toJson({ store: storeName, entries, next: null }) };
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
    if (parts[0] === 'stores' && parts.length === 2) return getPage(parts[1], url, forwarded || url.searchParams.get('local') === 'true');
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
        const kindHint = e instanceof StreamsError && OTHER_STORE_KIND.test(e.message) ? ': this server serves key-value stores only (timestamped ones included); query window and session stores with KafkaStreams.store()' : '';
        res.end(toJson({ error: messageOf(e) + kindHint, code: e instanceof StreamsError ? e.code : undefined }));
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
