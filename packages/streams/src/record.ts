/**
 * The record that flows through a topology: key, value, timestamp and headers. Immutable; the
 * `with*` methods return a copy, so a processor can forward variations of one input record
 * without them interfering (Kafka Streams' `Record`).
 */
export interface RecordHeader {
  key: string;
  value: Buffer | null;
}

export type Headers = readonly RecordHeader[];

export class Record<K, V> {
  readonly key: K;
  readonly value: V;
  /** Milliseconds since the epoch. */
  readonly timestamp: number;
  readonly headers: Headers;

  constructor(key: K, value: V, timestamp: number, headers: Headers = []) {
    this.key = key;
    this.value = value;
    this.timestamp = timestamp;
    this.headers = headers;
    if (!Number.isFinite(timestamp)) throw new TypeError(`a record timestamp must be a number of milliseconds, got ${String(timestamp)}`);
  }

  withKey<NK>(key: NK): Record<NK, V> {
    return new Record(key, this.value, this.timestamp, this.headers);
  }

  withValue<NV>(value: NV): Record<K, NV> {
    return new Record(this.key, value, this.timestamp, this.headers);
  }

  withTimestamp(timestamp: number): Record<K, V> {
    return new Record(this.key, this.value, timestamp, this.headers);
  }

  withHeaders(headers: Headers): Record<K, V> {
    return new Record(this.key, this.value, this.timestamp, headers);
  }

  /** The last header with this key (Kafka's `lastHeader`), or undefined. */
  header(key: string): Buffer | null | undefined {
    for (let i = this.headers.length - 1; i >= 0; i--) if (this.headers[i].key === key) return this.headers[i].value;
    return undefined;
  }
}

/**
 * A record whose key a processor may not change (`processValues`): no `withKey`, so a
 * key-preserving step cannot break the partitioning downstream steps rely on.
 */
export class FixedKeyRecord<K, V> {
  private readonly inner: Record<K, V>;

  constructor(inner: Record<K, V>) {
    this.inner = inner;
  }

  get key(): K {
    return this.inner.key;
  }
  get value(): V {
    return this.inner.value;
  }
  get timestamp(): number {
    return this.inner.timestamp;
  }
  get headers(): Headers {
    return this.inner.headers;
  }

  withValue<NV>(value: NV): FixedKeyRecord<K, NV> {
    return new FixedKeyRecord(this.inner.withValue(value));
  }

  withTimestamp(timestamp: number): FixedKeyRecord<K, V> {
    return new FixedKeyRecord(this.inner.withTimestamp(timestamp));
  }

  withHeaders(headers: Headers): FixedKeyRecord<K, V> {
    return new FixedKeyRecord(this.inner.withHeaders(headers));
  }

  header(key: string): Buffer | null | undefined {
    return this.inner.header(key);
  }

  /** The plain record (for the runtime). */
  toRecord(): Record<K, V> {
    return this.inner;
  }
}

/** A key and a value (Kafka's `KeyValue`), as returned by `map` and `flatMap` mappers. */
export interface KeyValue<K, V> {
  key: K;
  value: V;
}

export const KeyValue = {
  pair<K, V>(key: K, value: V): KeyValue<K, V> {
    return { key, value };
  },
};
