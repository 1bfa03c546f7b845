/**
 * The Java side of tests/connect: Kafka Connect 4.3.1's own classes in one JVM (java/ConnectPeer),
 * fed cases as JSON lines, and the tagged value form both sides write, so that what Java's
 * converter or transform made and what ours made can be compared as JSON. Schemas travel in
 * JsonConverter's schema JSON. Also the worker settings the distributed-worker tests share.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BigDecimal,
  ConnectHeaders,
  SinkRecord,
  SourceRecord,
  Struct,
  type ConnectRecord,
  type Schema,
} from '@sluice/connect-api';
import { JsonConverter } from '@sluice/connect';
import { mavenProjectClasspath, onJsonLines } from '@sluice/test-kit';

const project = join(dirname(fileURLToPath(import.meta.url)), 'java');

/** A tagged value: {"i":"12"}, {"f":1.5}, {"b":base64}, {"d":unscaled,"scale":n}, {"t":millis}, {"m":[[k,v]]}, {"struct":{...}}. */
export type Tagged = null | boolean | string | Tagged[] | { [tag: string]: unknown };

/** A record as both sides describe it; `offset` makes it a SinkRecord, else a SourceRecord. */
export interface RecordJson {
  topic: string;
  partition?: number | null;
  keySchema?: unknown;
  key?: Tagged;
  valueSchema?: unknown;
  value?: Tagged;
  timestamp?: number | null;
  offset?: number;
  headers?: { key: string; schema: unknown; value: Tagged }[];
}

export class ConnectPeer {
  #next = 1;
  readonly #waiting = new Map<number, (answer: { result?: unknown; error?: string }) => void>();
  #stderr = '';

  readonly child: ChildProcess;

  private constructor(child: ChildProcess) {
    this.child = child;
    onJsonLines(child.stdout!, (message: { id: number; result?: unknown; error?: string }) => {
      const answer: { result?: unknown; error?: string } = message.error !== undefined ? { error: message.error } : { result: message.result };
      this.#waiting.get(message.id)?.(answer);
      this.#waiting.delete(message.id);
    });
    child.stderr!.on('data', (d: Buffer) => (this.#stderr = (this.#stderr + d.toString()).slice(-20_000)));
    child.on('exit', () => {
      for (const [, done] of this.#waiting) done({ error: `the Java peer exited: ${this.#stderr}` });
      this.#waiting.clear();
    });
  }

  static async start(): Promise<ConnectPeer> {
    const cp = await mavenProjectClasspath(project);
    return new ConnectPeer(spawn('java', ['-Xmx256m', '-cp', cp, 'dev.sluice.tests.connect.ConnectPeer'], { stdio: ['pipe', 'pipe', 'pipe'] }));
  }

  /** Sends one case; resolves with Java's result or its error as `error`. */
  ask(request: Record<string, unknown>): Promise<{ result?: any; error?: string }> {
    const id = this.#next++;
    return new Promise((resolve) => {
      this.#waiting.set(id, resolve);
      this.child.stdin!.write(JSON.stringify({ ...request, id }) + '\n');
    });
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.stdin!.end();
    await exited;
  }
}

/** Our reading and writing of schema JSON, through a JsonConverter as Java's side uses one. */
const schemas = new JsonConverter();
schemas.configure({ 'schemas.enable': 'true', 'converter.type': 'value' });

export function schemaOf(json: unknown): Schema | null {
  return json === null || json === undefined ? null : schemas.asConnectSchema(json);
}

export function schemaJson(schema: Schema | null): unknown {
  return schema === null ? null : JSON.parse(schemas.asJsonSchema(schema));
}

/** A tagged value as our value of the schema's type (schemaless integers: numbers while safe, else bigints). */
export function decode(schema: Schema | null, n: Tagged | undefined): unknown {
  if (n === null || n === undefined) return null;
  if (typeof n === 'boolean' || typeof n === 'string') return n;
  if (Array.isArray(n)) return n.map((e) => decode(schema === null ? null : schema.valueSchema(), e));
  const type = schema?.type() ?? null;
  if ('i' in n) {
    const v = BigInt(n.i as string);
    if (type === null) return Number.isSafeInteger(Number(v)) ? Number(v) : v;
    if (type === 'INT64') return v;
    if (type === 'FLOAT32') return Math.fround(Number(v));
    return Number(v);
  }
  if ('f' in n) return type === 'FLOAT32' ? Math.fround(n.f as number) : (n.f as number);
  if ('b' in n) return new Uint8Array(Buffer.from(n.b as string, 'base64'));
  if ('d' in n) return new BigDecimal(BigInt(n.d as string), n.scale as number);
  if ('t' in n) return new Date(n.t as number);
  if ('m' in n) return new Map((n.m as [Tagged, Tagged][]).map(([k, v]) => [decode(schema === null ? null : schema.keySchema(), k), decode(schema === null ? null : schema.valueSchema(), v)]));
  if ('struct' in n) {
    const s = new Struct(schema!);
    const fields = n.struct as Record<string, Tagged>;
    for (const f of schema!.fields()) if (fields[f.name] !== undefined && fields[f.name] !== null) s.put(f, decode(f.schema, fields[f.name]));
    return s;
  }
  throw new Error(`cannot decode ${JSON.stringify(n)}`);
}

/** Our value in the tagged form; the schema says whether a number is an integer or a float. */
export function encode(schema: Schema | null, v: unknown): Tagged {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'bigint') return { i: v.toString() };
  if (typeof v === 'number') {
    const type = schema?.type();
    const floating = type === 'FLOAT32' || type === 'FLOAT64' || (type === undefined && !Number.isSafeInteger(v));
    return floating ? { f: v } : { i: String(v) };
  }
  if (v instanceof Uint8Array) return { b: Buffer.from(v).toString('base64') };
  if (v instanceof BigDecimal) return { d: v.unscaled.toString(), scale: v.scale };
  if (v instanceof Date) return { t: v.getTime() };
  if (Array.isArray(v)) return v.map((e) => encode(schema?.type() === 'ARRAY' ? schema.valueSchema() : null, e));
  if (v instanceof Map) {
    const ks = schema?.type() === 'MAP' ? schema.keySchema() : null;
    const vs = schema?.type() === 'MAP' ? schema.valueSchema() : null;
    const entries = [...v].map(([k, x]) => [encode(ks, k), encode(vs, x)] as [Tagged, Tagged]);
    entries.sort((a, b) => (javaJson(a[0]) < javaJson(b[0]) ? -1 : javaJson(a[0]) > javaJson(b[0]) ? 1 : 0));
    return { m: entries };
  }
  if (v instanceof Struct) {
    const fields: Record<string, Tagged> = {};
    for (const f of v.schema.fields()) fields[f.name] = encode(f.schema, v.getWithoutDefault(f));
    return { struct: fields };
  }
  return { unknown: String(v) };
}

/** The text Jackson's toString gives a tagged key (Java sorts map entries by it). */
function javaJson(t: Tagged): string {
  return JSON.stringify(t);
}

export function toRecord(r: RecordJson): ConnectRecord<any> {
  const keySchema = schemaOf(r.keySchema);
  const valueSchema = schemaOf(r.valueSchema);
  const headers = new ConnectHeaders();
  for (const h of r.headers ?? []) {
    const hs = schemaOf(h.schema);
    headers.add(h.key, decode(hs, h.value), hs);
  }
  const init = { topic: r.topic, kafkaPartition: r.partition ?? null, keySchema, key: decode(keySchema, r.key), valueSchema, value: decode(valueSchema, r.value), timestamp: r.timestamp ?? null, headers };
  if (r.offset !== undefined) return new SinkRecord({ ...init, kafkaPartition: r.partition ?? 0, kafkaOffset: BigInt(r.offset), timestampType: 'CreateTime' });
  return new SourceRecord({ ...init, sourcePartition: { p: 1 }, sourceOffset: { o: 1 } });
}

export function fromRecord(r: ConnectRecord<any>): Record<string, unknown> {
  return {
    topic: r.topic,
    partition: r.kafkaPartition,
    keySchema: schemaJson(r.keySchema),
    key: encode(r.keySchema, r.key),
    valueSchema: schemaJson(r.valueSchema),
    value: encode(r.valueSchema, r.value),
    timestamp: r.timestamp,
    headers: [...r.headers].map((h) => ({ key: h.key, schema: schemaJson(h.schema), value: encode(h.schema, h.value) })),
  };
}

/**
 * Both sides' answers made comparable: a schemaless whole number is a Long in Java and may be a
 * number here, and a Java Double holding a whole value is the same JavaScript number; so an
 * integer tag and a float tag with the same numeric value compare equal.
 */
export function normalize(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(normalize);
  if (x !== null && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 1 && keys[0] === 'i') return { num: Number.isSafeInteger(Number(o.i)) ? Number(o.i) : String(o.i) };
    if (keys.length === 1 && keys[0] === 'f') return { num: o.f };
    return Object.fromEntries(keys.sort().map((k) => [k, normalize(o[k])]));
  }
  return x;
}

/** Who a test's distributed worker is: its broker, its Connect group and the prefix of its three storage topics. */
export interface DistributedWorkerIdentity {
  bootstrap: string;
  groupId: string;
  /** The storage topics are `<prefix>-configs`, `<prefix>-offsets` and `<prefix>-status`. */
  topicPrefix: string;
}

/**
 * The settings every distributed-worker test starts from: storage topics on a one-broker cluster
 * (replication factor 1, few partitions), String converters, quick offset flushes, and a short
 * session with no rebalance delay so that a group settles fast on a loaded machine. `overrides`
 * replace or add settings.
 */
export function distributedWorkerSettings(who: DistributedWorkerIdentity, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    'bootstrap.servers': who.bootstrap,
    'group.id': who.groupId,
    'config.storage.topic': `${who.topicPrefix}-configs`,
    'offset.storage.topic': `${who.topicPrefix}-offsets`,
    'status.storage.topic': `${who.topicPrefix}-status`,
    'config.storage.replication.factor': '1',
    'offset.storage.replication.factor': '1',
    'status.storage.replication.factor': '1',
    'offset.storage.partitions': '2',
    'status.storage.partitions': '1',
    'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
    'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
    'offset.flush.interval.ms': '200',
    'session.timeout.ms': '3000',
    'heartbeat.interval.ms': '500',
    'scheduled.rebalance.max.delay.ms': '0',
    listeners: 'http://127.0.0.1:0',
    ...overrides,
  };
}
