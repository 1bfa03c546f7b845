/**
 * The offset topic (Kafka's KafkaOffsetBackingStore): source offsets under Kafka's keys
 * (`["<connector>",{partition}]` as JSON bytes, so the producer's partitioner puts a key where
 * Java's would) with the offset JSON as value, a tombstone for a removed offset. A read first reads
 * the topic to its end, so that a task taking over from another worker starts from the last
 * offsets that worker committed. Exactly-once source support writes the same records inside a
 * task's transaction instead (its producer), and reads them through `get` all the same.
 */
import type { OffsetBackingStore } from '../runtime/offset-store.ts';
import type { KafkaBasedLog } from './kafka-based-log.ts';

export class KafkaOffsetBackingStore implements OffsetBackingStore {
  readonly #data = new Map<string, string>();
  #log: KafkaBasedLog | null = null;

  attach(log: KafkaBasedLog): void {
    this.#log = log;
  }

  get log(): KafkaBasedLog {
    if (this.#log === null) throw new Error('bug: the offset store has no log');
    return this.#log;
  }

  apply(key: Buffer | null, value: Buffer | null): void {
    if (key === null) return;
    const k = key.toString('utf8');
    if (value === null) this.#data.delete(k);
    else this.#data.set(k, value.toString('utf8'));
  }

  async get(keys: readonly string[]): Promise<Map<string, string | null>> {
    await this.log.readToEnd();
    return new Map(keys.map((k) => [k, this.#data.get(k) ?? null]));
  }

  async set(values: ReadonlyMap<string, string | null>): Promise<void> {
    await Promise.all([...values].map(([k, v]) => this.log.send(Buffer.from(k, 'utf8'), v === null ? null : Buffer.from(v, 'utf8'))));
  }

  async entries(): Promise<[string, string][]> {
    await this.log.readToEnd();
    return [...this.#data];
  }
}
