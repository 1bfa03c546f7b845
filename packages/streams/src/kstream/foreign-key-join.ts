/**
 * The foreign-key KTable–KTable join (Java's KTableImpl.doJoinOnForeignKey and its
 * foreignkeyjoin processors), wired as Kafka Streams wires it:
 *
 * 1. the left table's changes become subscriptions (KTABLE-FK-JOIN-SUBSCRIPTION-REGISTRATION-…),
 *    keyed by the foreign key the extractor picks, carrying the primary key, Murmur3 of the left
 *    value and the left partition, through `<app>-KTABLE-FK-JOIN-SUBSCRIPTION-REGISTRATION-…-topic`
 *    (co-partitioned with the right table);
 * 2. there, each subscription is kept in the subscription store (KTABLE-FK-JOIN-SUBSCRIPTION-STATE-STORE-…)
 *    and answered with the right row (…-SUBSCRIPTION-PROCESSOR- nodes); a change of a right row
 *    answers every subscription of its key (a prefix scan of the store);
 * 3. answers go back through `<app>-KTABLE-FK-JOIN-SUBSCRIPTION-RESPONSE-…-topic` to the left
 *    row's partition, where the resolver drops an answer whose hash no longer matches the left
 *    value (a newer subscription is on its way) and joins the rest into the result table
 *    (KTABLE-FK-JOIN-OUTPUT-…).
 *
 * Records on both topics are Java's bytes (fk-join-wrappers.ts), so a Java instance of the
 * application reads them. Serdes must be known here (Consumed or Materialized on both tables).
 */
import { topologyError } from '../errors.ts';
import type { Processor, ProcessorContext } from '../processor/api.ts';
import type { Serde } from '../serdes.ts';
import { Serdes } from '../serdes.ts';
import type { Change, TimestampedKeyValueStore } from '../state/api.ts';
import { Stores } from '../state/stores.ts';
import type { BuilderInternals } from './builder-internals.ts';
import { recordDroppedRecord } from './dropped-records.ts';
import { Instruction, type ValueHash, combinedKey, combinedKeyPrefix, decodeResponse, decodeSubscription, encodeResponse, encodeSubscription, splitCombinedKey } from './fk-join-wrappers.ts';
import { murmur3Hash128 } from './murmur3.ts';
import type { TableValueGetterSupplier } from './table-value-getter.ts';

/** A subscription in flight, between the send processor and the subscription topic's sink. */
interface SubscriptionOut {
  hash: ValueHash | null;
  instruction: Instruction;
  primaryKey: Buffer;
  primaryPartition: number;
}

/** An answer in flight, typed until the response topic's sink writes it. */
interface ResponseOut<VO> {
  hash: ValueHash | null;
  foreignValue: VO | null;
  primaryPartition: number;
}

export interface ForeignKeyJoinSpec<K, V, KO, VO, VR> {
  thisNode: string;
  otherNode: string;
  thisGetter: TableValueGetterSupplier<K, V>;
  otherGetter: TableValueGetterSupplier<KO, VO>;
  extractor: (value: V, key: K) => KO;
  joiner: (value: V | null, otherValue: VO | null) => VR;
  leftJoin: boolean;
  name: string | undefined;
  keySerde: Serde<K> | undefined;
  valueSerde: Serde<V> | undefined;
  foreignKeySerde: Serde<KO> | undefined;
  foreignValueSerde: Serde<VO> | undefined;
}

const sameBytes = (a: Buffer | null, b: Buffer | null): boolean => (a === null || b === null ? a === b : a.equals(b));
const sameHash = (a: ValueHash | null, b: ValueHash | null): boolean => (a === null || b === null ? a === b : a[0] === b[0] && a[1] === b[1]);

/** Adds the join's nodes, topics and store; returns the name of the resolver, the result table's parent. */
export function addForeignKeyJoin<K, V, KO, VO, VR>(b: BuilderInternals, s: ForeignKeyJoinSpec<K, V, KO, VO, VR>): string {
  const missing = [s.keySerde ? '' : "the left table's key serde", s.valueSerde ? '' : "the left table's value serde", s.foreignKeySerde ? '' : "the right table's key serde", s.foreignValueSerde ? '' : "the right table's value serde"].filter((m) => m !== '');
  if (missing.length > 0) throw topologyError(`a foreign-key join writes both tables' keys and values to its internal topics, so it needs ${missing.join(', ')}: give them with Consumed.with(...) or Materialized.with(...)`);
  const keySerde = s.keySerde!;
  const valueSerde = s.valueSerde!;
  const fkSerde = s.foreignKeySerde!;
  const fvSerde = s.foreignValueSerde!;
  const named = (suffix: string, prefix: string): string => b.newName(prefix, s.name === undefined ? undefined : `${s.name}${suffix}`);
  const t = b.topology;

  const registration = named('-subscription-registration', 'KTABLE-FK-JOIN-SUBSCRIPTION-REGISTRATION-');
  const subscriptionTopic = `${registration}-topic`;
  t.addInternalTopic(subscriptionTopic);
  const sendName = named('-subscription-registration-processor', 'KTABLE-FK-JOIN-SUBSCRIPTION-REGISTRATION-');
  t.addProcessor(sendName, sendSupplier<K, V, KO>(s.extractor, keySerde, valueSerde, fkSerde, s.leftJoin) as never, s.thisNode);
  const subscriptionSink = named('-subscription-registration-sink', 'KTABLE-SINK-');
  t.addSink<KO, SubscriptionOut>(subscriptionSink, subscriptionTopic, { keySerializer: fkSerde, valueSerializer: { serialize: (_topic: string, v: SubscriptionOut) => encodeSubscription(v) } as never }, sendName);
  const subscriptionSource = named('-subscription-registration-source', 'KTABLE-SOURCE-');
  t.addSource<KO, SubscriptionOut>(subscriptionSource, subscriptionTopic, { keyDeserializer: fkSerde, valueDeserializer: { deserialize: (_topic: string, bytes: Buffer) => decodeSubscription(bytes) } as never });
  t.copartition([subscriptionSource, s.otherNode]);

  const storeName = named('-subscription-store', 'KTABLE-FK-JOIN-SUBSCRIPTION-STATE-STORE-');
  const receiveName = named('-subscription-receive', 'KTABLE-FK-JOIN-SUBSCRIPTION-PROCESSOR-');
  t.addProcessor(receiveName, receiveSupplier<KO>(storeName, fkSerde) as never, subscriptionSource);
  t.addStateStore(Stores.timestampedKeyValueStoreBuilder(Stores.persistentTimestampedKeyValueStore(storeName), Serdes.Buffer(), Serdes.Buffer()) as never, receiveName);
  const joinForeignName = named('-subscription-join-foreign', 'KTABLE-FK-JOIN-SUBSCRIPTION-PROCESSOR-');
  t.addProcessor(joinForeignName, subscriptionJoinSupplier<K, KO, VO>(s.otherGetter, keySerde, fkSerde) as never, receiveName);
  t.connectProcessorAndStateStores(joinForeignName, ...s.otherGetter.storeNames);
  const foreignTableJoinName = named('-foreign-join-subscription', 'KTABLE-FK-JOIN-SUBSCRIPTION-PROCESSOR-');
  t.addProcessor(foreignTableJoinName, foreignTableJoinSupplier<K, KO, VO>(storeName, keySerde, fkSerde) as never, s.otherNode);
  t.connectProcessorAndStateStores(foreignTableJoinName, storeName);

  const responseTopic = `${named('-subscription-response', 'KTABLE-FK-JOIN-SUBSCRIPTION-RESPONSE-')}-topic`;
  t.addInternalTopic(responseTopic);
  const responseSink = named('-subscription-response-sink', 'KTABLE-SINK-');
  t.addSink<K, ResponseOut<VO>>(
    responseSink,
    responseTopic,
    {
      keySerializer: keySerde,
      valueSerializer: { serialize: (topic: string, r: ResponseOut<VO>) => encodeResponse({ hash: r.hash, foreignValue: r.foreignValue === null ? null : (fvSerde.serialize(topic, r.foreignValue) as Buffer) }) } as never,
      // The answer goes back to the partition the subscription came from.
      partitioner: (_topic, _key, r) => (r.primaryPartition >= 0 ? r.primaryPartition : undefined),
    },
    joinForeignName,
    foreignTableJoinName,
  );
  const responseSource = named('-subscription-response-source', 'KTABLE-SOURCE-');
  t.addSource<K, ResponseOut<VO>>(responseSource, responseTopic, {
    keyDeserializer: keySerde,
    valueDeserializer: {
      deserialize: (topic: string, bytes: Buffer) => {
        const r = decodeResponse(bytes);
        return { hash: r.hash, foreignValue: r.foreignValue === null ? null : fvSerde.deserialize(topic, r.foreignValue), primaryPartition: -1 };
      },
    } as never,
  });
  t.copartition([responseSource, s.thisNode]);
  const resolverName = named('-subscription-response-resolver', 'KTABLE-FK-JOIN-SUBSCRIPTION-RESPONSE-RESOLVER-PROCESSOR-');
  t.addProcessor(resolverName, resolverSupplier<K, V, VO, VR>(s.thisGetter, valueSerde, s.joiner, s.leftJoin) as never, responseSource);
  t.connectProcessorAndStateStores(resolverName, ...s.thisGetter.storeNames);
  return resolverName;
}

/** Java's SubscriptionSendProcessorSupplier: which subscriptions a change of a left row sends. */
function sendSupplier<K, V, KO>(extractor: (value: V, key: K) => KO, keySerde: Serde<K>, valueSerde: Serde<V>, fkSerde: Serde<KO>, leftJoin: boolean): () => Processor<K, Change<V>, KO | null, SubscriptionOut> {
  return () => {
    let context!: ProcessorContext<KO | null, SubscriptionOut>;
    return {
      init(c) {
        context = c;
      },
      process(record) {
        const { newValue, oldValue } = record.value;
        const key = record.key;
        const absent = (x: unknown): boolean => x === null || x === undefined;
        const fkOf = (v: V | null): KO | null => (absent(v) ? null : (extractor(v as V, key) ?? null));
        const fkBytes = (fk: KO | null): Buffer | null => (fk === null ? null : (fkSerde.serialize('', fk) as Buffer));
        let hash: ValueHash | null | undefined;
        const send = (fk: KO | null, instruction: Instruction): void => {
          if (hash === undefined) hash = absent(newValue) ? null : murmur3Hash128(valueSerde.serialize('', newValue as V) as Buffer);
          const partition = context.recordMetadata()?.partition ?? -1;
          context.forward(record.withKey(fk).withValue<SubscriptionOut>({ hash, instruction, primaryKey: keySerde.serialize('', key) as Buffer, primaryPartition: partition }));
        };
        // Kafka Streams 4.3.1's instructions (SubscriptionSendProcessorSupplier).
        const oldFk = fkOf(oldValue);
        if (leftJoin) {
          if (absent(oldValue) && absent(newValue)) return;
          const newFk = fkOf(newValue);
          if (oldFk !== null && !sameBytes(fkBytes(newFk), fkBytes(oldFk))) send(oldFk, Instruction.DELETE_KEY_NO_PROPAGATE);
          send(newFk, Instruction.PROPAGATE_NULL_IF_NO_FK_VAL_AVAILABLE);
          return;
        }
        if (absent(newValue)) {
          if (oldFk !== null) send(oldFk, Instruction.DELETE_KEY_AND_PROPAGATE);
          return;
        }
        const newFk = fkOf(newValue);
        if (newFk === null) {
          // A row without a foreign key cannot join (Java skips and counts it), and leaves its old one.
          recordDroppedRecord(context as ProcessorContext<unknown, unknown>, 'Skipping record due to null foreign key.');
          if (oldFk !== null) send(oldFk, Instruction.DELETE_KEY_AND_PROPAGATE);
        } else if (oldFk !== null && !sameBytes(fkBytes(newFk), fkBytes(oldFk))) {
          send(oldFk, Instruction.DELETE_KEY_NO_PROPAGATE);
          send(newFk, Instruction.PROPAGATE_NULL_IF_NO_FK_VAL_AVAILABLE);
        } else {
          send(newFk, Instruction.PROPAGATE_ONLY_IF_FK_VAL_AVAILABLE);
        }
      },
    };
  };
}

interface SubscriptionChange {
  foreignKey: Buffer | null;
  primaryKey: Buffer;
  subscription: SubscriptionOut;
  timestamp: number;
}

/** Java's SubscriptionReceiveProcessorSupplier: keeps (or forgets) the subscription, passes it on. */
function receiveSupplier<KO>(storeName: string, fkSerde: Serde<KO>): () => Processor<KO | null, SubscriptionOut, Buffer, SubscriptionChange> {
  return () => {
    let context!: ProcessorContext<Buffer, SubscriptionChange>;
    let store!: TimestampedKeyValueStore<Buffer, Buffer>;
    return {
      init(c) {
        context = c;
        store = c.getStateStore<TimestampedKeyValueStore<Buffer, Buffer>>(storeName);
      },
      process(record) {
        const s = record.value;
        const nullKey = record.key === null || record.key === undefined;
        if (nullKey && s.instruction !== Instruction.PROPAGATE_NULL_IF_NO_FK_VAL_AVAILABLE) {
          recordDroppedRecord(context as ProcessorContext<unknown, unknown>, 'Skipping record due to null foreign key.');
          return;
        }
        const foreignKey = nullKey ? null : (fkSerde.serialize('', record.key as KO) as Buffer);
        if (foreignKey !== null) {
          const key = combinedKey(foreignKey, s.primaryKey);
          if (s.instruction === Instruction.DELETE_KEY_AND_PROPAGATE || s.instruction === Instruction.DELETE_KEY_NO_PROPAGATE) store.delete(key);
          else store.put(key, { value: encodeSubscription(s), timestamp: record.timestamp });
        }
        context.forward(record.withKey(foreignKey ?? Buffer.alloc(0)).withValue<SubscriptionChange>({ foreignKey, primaryKey: s.primaryKey, subscription: s, timestamp: record.timestamp }));
      },
    };
  };
}

/** Java's SubscriptionJoinProcessorSupplier: answers a subscription with the right row. */
function subscriptionJoinSupplier<K, KO, VO>(otherGetter: TableValueGetterSupplier<KO, VO>, keySerde: Serde<K>, fkSerde: Serde<KO>): () => Processor<Buffer, SubscriptionChange, K, ResponseOut<VO>> {
  return () => {
    let context!: ProcessorContext<K, ResponseOut<VO>>;
    const foreign = otherGetter.get();
    return {
      init(c) {
        context = c;
        foreign.init(c as ProcessorContext<unknown, unknown>);
      },
      process(record) {
        const { foreignKey, primaryKey, subscription: s, timestamp } = record.value;
        const row = foreignKey === null ? null : foreign.get(fkSerde.deserialize('', foreignKey) as KO);
        const resultTimestamp = row === null ? timestamp : Math.max(timestamp, row.timestamp);
        const pk = keySerde.deserialize('', primaryKey) as K;
        const answer = (foreignValue: VO | null) =>
          context.forward(record.withKey(pk).withValue<ResponseOut<VO>>({ hash: s.hash, foreignValue, primaryPartition: s.primaryPartition }).withTimestamp(resultTimestamp));
        if (s.instruction === Instruction.DELETE_KEY_AND_PROPAGATE) answer(null);
        else if (s.instruction === Instruction.PROPAGATE_NULL_IF_NO_FK_VAL_AVAILABLE) answer(row === null ? null : row.value);
        else if (s.instruction === Instruction.PROPAGATE_ONLY_IF_FK_VAL_AVAILABLE && row !== null) answer(row.value);
      },
    };
  };
}

/** Java's ForeignTableJoinProcessorSupplier: a right row changed, so every subscriber of its key hears of it. */
function foreignTableJoinSupplier<K, KO, VO>(storeName: string, keySerde: Serde<K>, fkSerde: Serde<KO>): () => Processor<KO, Change<VO>, K, ResponseOut<VO>> {
  return () => {
    let context!: ProcessorContext<K, ResponseOut<VO>>;
    let store!: TimestampedKeyValueStore<Buffer, Buffer>;
    return {
      init(c) {
        context = c;
        store = c.getStateStore<TimestampedKeyValueStore<Buffer, Buffer>>(storeName);
      },
      process(record) {
        if (record.key === null || record.key === undefined) return;
        const prefix = combinedKeyPrefix(fkSerde.serialize('', record.key) as Buffer);
        const it = store.prefixScan(prefix, Serdes.Buffer());
        try {
          for (const { key, value } of it) {
            if (value === null) continue;
            const s = decodeSubscription(value.value);
            const pk = keySerde.deserialize('', splitCombinedKey(key).primaryKey) as K;
            context.forward(record.withKey(pk).withValue<ResponseOut<VO>>({ hash: s.hash, foreignValue: record.value.newValue ?? null, primaryPartition: s.primaryPartition }));
          }
        } finally {
          it.close();
        }
      },
    };
  };
}

/** Java's ResponseJoinProcessorSupplier: joins an answer that still matches the left row. */
function resolverSupplier<K, V, VO, VR>(thisGetter: TableValueGetterSupplier<K, V>, valueSerde: Serde<V>, joiner: (value: V | null, otherValue: VO | null) => VR, leftJoin: boolean): () => Processor<K, ResponseOut<VO>, K, VR | null> {
  return () => {
    let context!: ProcessorContext<K, VR | null>;
    const primary = thisGetter.get();
    return {
      init(c) {
        context = c;
        primary.init(c as ProcessorContext<unknown, unknown>);
      },
      process(record) {
        const current = primary.get(record.key);
        const currentHash = current === null ? null : murmur3Hash128(valueSerde.serialize('', current.value) as Buffer);
        // An answer to an older version of the row: a newer subscription's answer will follow.
        if (!sameHash(record.value.hash, currentHash)) return;
        const foreignValue = record.value.foreignValue;
        const result = foreignValue === null && (!leftJoin || current === null) ? null : joiner(current === null ? null : current.value, foreignValue);
        context.forward(record.withValue(result));
      },
    };
  };
}
