/**
 * The value format of a table aggregation's repartition topic (KTable.groupBy → count/reduce/
 * aggregate): a `Change` (old and new value) in Java's ChangedSerializer layout, byte for byte, so
 * a Sluice instance and a Java instance of one application read each other's records:
 *
 *   old value only:  <old bytes> 0x00
 *   new value only:  <new bytes> 0x01
 *   both:            <zigzag varint: new length> <new bytes> <old bytes> 0x02
 *
 * Java's versioned-table variants (flags 3–5: the same with an is-latest byte before the flag) are
 * read too.
 */
import { StreamsError, StreamsErrorCode } from '../errors.ts';
import type { RecordHeader } from '../record.ts';
import type { Serde, WrappingSerde } from '../serdes.ts';
import type { Change } from '../state/api.ts';

function writeZigzagVarint(value: number): Buffer {
  let v = ((value << 1) ^ (value >> 31)) >>> 0;
  const out: number[] = [];
  while ((v & ~0x7f) !== 0) {
    out.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  out.push(v);
  return Buffer.from(out);
}

function readZigzagVarint(b: Buffer, topic: string): { value: number; size: number } {
  let v = 0;
  for (let i = 0; i < 5 && i < b.length; i++) {
    const byte = b[i];
    v |= (byte & 0x7f) << (7 * i);
    if ((byte & 0x80) === 0) return { value: (v >>> 1) ^ -(v & 1), size: i + 1 };
  }
  throw malformed(topic, 'its length prefix is not a valid varint');
}

function malformed(topic: string, why: string): StreamsError {
  return new StreamsError(StreamsErrorCode.DESERIALIZATION_FAILED, `a record of repartition topic '${topic}' is not a serialised table change: ${why}`);
}

/**
 * A serde of `Change<V>` over the value serde `inner`. Without one, the task completes it with the
 * application's default value serde (`withDefaults`), as Java's ChangedSerializer takes the default.
 */
export function changedSerde<V>(inner: Serde<V> | undefined, topic: string): Serde<Change<V>> & WrappingSerde {
  const get = (): Serde<V> => {
    if (inner === undefined) throw new StreamsError(StreamsErrorCode.INVALID_TOPOLOGY, `the repartition topic '${topic}' has no value serde: give one in Grouped.with(keySerde, valueSerde) or set defaultValueSerde`);
    return inner;
  };
  return {
    withDefaults: (defaults) => (inner === undefined ? changedSerde(defaults.valueSerde as Serde<V>, topic) : changedSerde(inner, topic)),
    serialize(topic: string, change: Change<V>, headers?: readonly RecordHeader[]): Buffer {
      const hasNew = change.newValue !== null && change.newValue !== undefined;
      const hasOld = change.oldValue !== null && change.oldValue !== undefined;
      const newBytes = hasNew ? (get().serialize(topic, change.newValue as V, headers) ?? Buffer.alloc(0)) : null;
      const oldBytes = hasOld ? (get().serialize(topic, change.oldValue as V, headers) ?? Buffer.alloc(0)) : null;
      if (newBytes && oldBytes) return Buffer.concat([writeZigzagVarint(newBytes.length), newBytes, oldBytes, Buffer.of(2)]);
      if (newBytes) return Buffer.concat([newBytes, Buffer.of(1)]);
      if (oldBytes) return Buffer.concat([oldBytes, Buffer.of(0)]);
      throw new StreamsError(StreamsErrorCode.PROCESSING_FAILED, `a table change with neither an old nor a new value cannot be written to '${topic}'`);
    },
    deserialize(topic: string, data: Buffer | null, headers?: readonly RecordHeader[]): Change<V> {
      if (data === null || data.length === 0) throw malformed(topic, 'it is empty');
      const flag = data[data.length - 1];
      // Flags 3-5 carry an is-latest byte before the flag; the layout is otherwise 0-2's.
      const end = flag >= 3 ? data.length - 2 : data.length - 1;
      const value = (bytes: Buffer): V => get().deserialize(topic, bytes, headers);
      switch (flag % 3) {
        case 0:
          if (flag > 5) break;
          return { newValue: null, oldValue: value(data.subarray(0, end)) };
        case 1:
          if (flag > 5) break;
          return { newValue: value(data.subarray(0, end)), oldValue: null };
        case 2: {
          if (flag > 5) break;
          const { value: newLength, size } = readZigzagVarint(data, topic);
          if (newLength < 0 || size + newLength > end) throw malformed(topic, `its new value's length ${newLength} runs past the end`);
          return { newValue: value(data.subarray(size, size + newLength)), oldValue: value(data.subarray(size + newLength, end)) };
        }
      }
      throw malformed(topic, `unknown encoding flag ${flag}`);
    },
  } as Serde<Change<V>> & WrappingSerde;
}
