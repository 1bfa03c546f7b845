/**
 * KStream: a stream of records, each an independent event (insert semantics). Operators return
 * new streams and add processor nodes to the topology; nothing runs until the topology is
 * started. Serdes travel with a stream where they are known (a `mapValues` keeps the key serde),
 * so `to()` and `repartition()` need them only where the types changed.
 */
import { topologyError } from '../errors.ts';
import type { FixedKeyProcessorSupplier, ProcessorSupplier } from '../processor/api.ts';
import type { KeyValue } from '../record.ts';
import type { Serde } from '../serdes.ts';
import type { TopicNameExtractor } from '../topology/nodes.ts';
import { operators } from './operators.ts';
import { type Named, type Printed, type Produced, type Repartitioned, nameOf } from './options.ts';
import type { BuilderInternals } from './builder-internals.ts';
import { addRepartition, repartitionNames } from './repartition.ts';

type Fn = (...args: never[]) => unknown;

function requireFunction(f: unknown, what: string): void {
  if (typeof f !== 'function') throw topologyError(`${what} must be a function, got ${f === null ? 'null' : typeof f}`);
}

export class KStream<K, V> {
  /** @internal The builder the stream adds nodes to (kstream-stateful.ts uses it too). */
  readonly builder: BuilderInternals;
  /** The node this stream's records come out of. */
  readonly nodeName: string;
  readonly keySerde: Serde<K> | undefined;
  readonly valueSerde: Serde<V> | undefined;
  /** The key changed since the records were read, so a key-based operation must repartition first (as `repartition()` does). */
  readonly repartitionRequired: boolean;

  /** @internal */
  constructor(
    builder: BuilderInternals,
    nodeName: string,
    keySerde: Serde<K> | undefined,
    valueSerde: Serde<V> | undefined,
    repartitionRequired: boolean,
  ) {
    this.builder = builder;
    this.nodeName = nodeName;
    this.keySerde = keySerde;
    this.valueSerde = valueSerde;
    this.repartitionRequired = repartitionRequired;
  }

  private add<K2, V2>(prefix: string, named: Named | undefined, supplier: () => unknown, keySerde: Serde<K2> | undefined, valueSerde: Serde<V2> | undefined, repartitionRequired: boolean, parents: string[] = [this.nodeName]): KStream<K2, V2> {
    return this.addAs<K2, V2>(this.builder.newName(prefix, nameOf(named)), supplier, keySerde, valueSerde, repartitionRequired, parents);
  }

  private addAs<K2, V2>(name: string, supplier: () => unknown, keySerde: Serde<K2> | undefined, valueSerde: Serde<V2> | undefined, repartitionRequired: boolean, parents: string[] = [this.nodeName]): KStream<K2, V2> {
    this.builder.topology.addProcessor(name, supplier as never, ...parents);
    return new KStream<K2, V2>(this.builder, name, keySerde, valueSerde, repartitionRequired);
  }

  /** process()/processValues() take a given name as it is, without the index other named operators take (as Java does). */
  private processorName(prefix: string, named: Named | undefined): string {
    return named === undefined ? this.builder.newName(prefix) : nameOf(named)!;
  }

  /** Keeps the records for which `predicate` is true. */
  filter(predicate: (key: K, value: V) => boolean, named?: Named): KStream<K, V> {
    requireFunction(predicate, 'the filter predicate');
    return this.add('KSTREAM-FILTER-', named, operators.filter(predicate as Fn as never, true), this.keySerde, this.valueSerde, this.repartitionRequired);
  }

  /** Drops the records for which `predicate` is true. */
  filterNot(predicate: (key: K, value: V) => boolean, named?: Named): KStream<K, V> {
    requireFunction(predicate, 'the filterNot predicate');
    return this.add('KSTREAM-FILTER-', named, operators.filter(predicate as Fn as never, false), this.keySerde, this.valueSerde, this.repartitionRequired);
  }

  /** A new key and value per record (`KeyValue.pair(k, v)` or `{ key, value }`). Marks the stream for repartitioning. */
  map<KR, VR>(mapper: (key: K, value: V) => KeyValue<KR, VR>, named?: Named): KStream<KR, VR> {
    requireFunction(mapper, 'the map mapper');
    return this.add<KR, VR>('KSTREAM-MAP-', named, operators.map(mapper as Fn as never), undefined, undefined, true);
  }

  /** A new value per record; the key stays (so does the partitioning). */
  mapValues<VR>(mapper: (value: V, key: K) => VR, named?: Named): KStream<K, VR> {
    requireFunction(mapper, 'the mapValues mapper');
    return this.add<K, VR>('KSTREAM-MAPVALUES-', named, operators.mapValues(mapper as Fn as never), this.keySerde, undefined, this.repartitionRequired);
  }

  /** Zero or more records per record, each with a new key and value. Marks the stream for repartitioning. */
  flatMap<KR, VR>(mapper: (key: K, value: V) => Iterable<KeyValue<KR, VR>>, named?: Named): KStream<KR, VR> {
    requireFunction(mapper, 'the flatMap mapper');
    return this.add<KR, VR>('KSTREAM-FLATMAP-', named, operators.flatMap(mapper as Fn as never), undefined, undefined, true);
  }

  /** Zero or more values per record, each with the record's key. */
  flatMapValues<VR>(mapper: (value: V, key: K) => Iterable<VR>, named?: Named): KStream<K, VR> {
    requireFunction(mapper, 'the flatMapValues mapper');
    return this.add<K, VR>('KSTREAM-FLATMAPVALUES-', named, operators.flatMapValues(mapper as Fn as never), this.keySerde, undefined, this.repartitionRequired);
  }

  /** A new key per record, computed from key and value. Marks the stream for repartitioning. */
  selectKey<KR>(mapper: (key: K, value: V) => KR, named?: Named): KStream<KR, V> {
    requireFunction(mapper, 'the selectKey mapper');
    return this.add<KR, V>('KSTREAM-KEY-SELECT-', named, operators.selectKey(mapper as Fn as never), undefined, this.valueSerde, true);
  }

  /** Calls `action` for each record and passes the record on unchanged. */
  peek(action: (key: K, value: V) => void, named?: Named): KStream<K, V> {
    requireFunction(action, 'the peek action');
    return this.add('KSTREAM-PEEK-', named, operators.peek(action as Fn as never), this.keySerde, this.valueSerde, this.repartitionRequired);
  }

  /** Calls `action` for each record; the end of this branch of the topology. */
  foreach(action: (key: K, value: V) => void, named?: Named): void {
    requireFunction(action, 'the foreach action');
    this.add('KSTREAM-FOREACH-', named, operators.foreach(action as Fn as never), undefined, undefined, false);
  }

  /** Prints each record, `[label]: key, value` (Kafka's print(Printed.toSysOut())); ends the branch. */
  print(printed: Printed<K, V> = {}): void {
    const name = this.builder.newName('KSTREAM-PRINTER-', printed.processorName);
    const label = printed.label ?? name;
    const format = printed.mapper ?? ((k: K, v: V) => `${String(k)}, ${String(v)}`);
    const output = printed.output ?? ((line: string) => process.stdout.write(`${line}\n`));
    this.builder.topology.addProcessor(name, operators.foreach(((k: K, v: V) => output(`[${label}]: ${format(k, v)}`)) as Fn as never) as never, this.nodeName);
  }

  /**
   * Splits the stream by predicates: each record goes to the first branch whose predicate holds
   * (or to the default branch). Finish with `defaultBranch()` or `noDefaultBranch()`, which
   * return the branches by name (`<split name><branch name>`).
   */
  split(named?: Named): BranchedKStream<K, V> {
    return new BranchedKStream<K, V>(this, this.builder, this.builder.newName('KSTREAM-BRANCH-', nameOf(named)));
  }

  /** Both streams' records, in the order they arrive. */
  merge(stream: KStream<K, V>, named?: Named): KStream<K, V> {
    if (!(stream instanceof KStream)) throw topologyError('merge() needs a KStream');
    if (stream.builder !== this.builder) throw topologyError('merge() needs a stream of the same StreamsBuilder');
    const keySerde = this.keySerde === stream.keySerde ? this.keySerde : undefined;
    const valueSerde = this.valueSerde === stream.valueSerde ? this.valueSerde : undefined;
    return this.add('KSTREAM-MERGE-', named, operators.passThrough(), keySerde, valueSerde, this.repartitionRequired || stream.repartitionRequired, [this.nodeName, stream.nodeName]);
  }

  /** Writes the records to a topic, or to a topic chosen per record. */
  to(topic: string | TopicNameExtractor<K, V>, produced: Produced<K, V> = {}): void {
    if (typeof topic !== 'string' && typeof topic !== 'function') throw topologyError('to() needs a topic name or a TopicNameExtractor function');
    const name = this.builder.newName('KSTREAM-SINK-', produced.processorName);
    this.builder.topology.addSink<K, V>(name, topic, { keySerializer: produced.keySerde ?? this.keySerde, valueSerializer: produced.valueSerde ?? this.valueSerde, partitioner: produced.streamPartitioner }, this.nodeName);
  }

  /**
   * Writes the records through an internal topic `<application.id>-<name>-repartition`, created
   * by the runtime, and continues from it: records are now partitioned by their current key
   * (or by `streamPartitioner`), and the work downstream can spread over more instances.
   */
  repartition(repartitioned: Repartitioned<K, V> = {}): KStream<K, V> {
    const b = this.builder;
    // Named `<name>-repartition-{sink,filter,source}` when named; generated names (after the
    // KSTREAM-REPARTITION one) when not, as Kafka Streams names them.
    const nodes = repartitionNames(b, repartitioned.name !== undefined ? nameOf(repartitioned.name)! : b.newName('KSTREAM-REPARTITION-'));
    const keySerde = repartitioned.keySerde ?? this.keySerde;
    const valueSerde = repartitioned.valueSerde ?? this.valueSerde;
    addRepartition<K, V>(b, this.nodeName, nodes, { keySerde, valueSerde, partitioner: repartitioned.streamPartitioner, numberOfPartitions: repartitioned.numberOfPartitions });
    return new KStream<K, V>(b, nodes.sourceName, keySerde, valueSerde, false);
  }

  /**
   * Runs a processor of the processor API on each record; it may forward any records. It reaches
   * the stores named in `stateStoreNames` (added with `StreamsBuilder.addStateStore`), those its
   * supplier carries (`supplier.stores`) and every global store with `context.getStateStore(name)`.
   */
  process<KOut, VOut>(supplier: ProcessorSupplier<K, V, KOut, VOut>, named?: Named, ...stateStoreNames: string[]): KStream<KOut, VOut> {
    requireFunction(supplier, 'the processor supplier');
    return this.connected(this.addAs<KOut, VOut>(this.processorName('KSTREAM-PROCESSOR-', named), supplier, undefined, undefined, true), stateStoreNames);
  }

  /** Runs a processor that may change values but not keys (so no repartitioning is needed); stores as for process(). */
  processValues<VOut>(supplier: FixedKeyProcessorSupplier<K, V, VOut>, named?: Named, ...stateStoreNames: string[]): KStream<K, VOut> {
    requireFunction(supplier, 'the processor supplier');
    // The wrapper carries the stores the supplier carries, as the topology reads them off the supplier.
    const wrapped = Object.assign(operators.fixedKey(supplier as never), { stores: (supplier as { stores?: unknown }).stores });
    return this.connected(this.addAs<K, VOut>(this.processorName('KSTREAM-PROCESSVALUES-', named), wrapped, this.keySerde, undefined, this.repartitionRequired), stateStoreNames);
  }

  private connected<K2, V2>(stream: KStream<K2, V2>, stateStoreNames: readonly string[]): KStream<K2, V2> {
    if (stateStoreNames.length > 0) this.builder.topology.connectProcessorAndStateStores(stream.nodeName, ...stateStoreNames);
    return stream;
  }
}

/**
 * One branch of `split()`: its name, and optionally a function applied to the branch stream. It lives
 * beside KStream, whose type it names, so that options.ts does not import this file back.
 */
export interface Branched<K, V> {
  name?: string;
  /** Returns the stream to put in the result (or nothing, to leave the branch out). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a branch may change its types
  chain?: (branch: KStream<K, V>) => KStream<any, any> | void;
}

export const Branched = {
  as<K = unknown, V = unknown>(name: string): Branched<K, V> {
    return { name };
  },
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  withFunction<K, V>(chain: (branch: KStream<K, V>) => KStream<any, any>, name?: string): Branched<K, V> {
    return { chain, name };
  },
  withConsumer<K, V>(consume: (branch: KStream<K, V>) => void, name?: string): Branched<K, V> {
    return {
      chain: (b) => {
        consume(b);
      },
      name,
    };
  },
};

/** The result of `split()`: add branches, then finish with defaultBranch() or noDefaultBranch(). */
export class BranchedKStream<K, V> {
  private readonly predicates: ((k: unknown, v: unknown) => boolean)[] = [];
  private readonly children: string[] = [];
  private defaultChild: string | undefined;
  private readonly result: { [name: string]: KStream<K, V> } = {};
  private finished = false;

  private readonly source: KStream<K, V>;
  private readonly builder: BuilderInternals;
  private readonly splitterName: string;

  /** @internal */
  constructor(source: KStream<K, V>, builder: BuilderInternals, splitterName: string) {
    this.source = source;
    this.builder = builder;
    this.splitterName = splitterName;
    builder.topology.addProcessor(splitterName, operators.split(this.predicates, this.children, () => this.defaultChild) as never, source.nodeName);
  }

  /** Records for which `predicate` holds (and no earlier one did) go to this branch. */
  branch(predicate: (key: K, value: V) => boolean, branched: Branched<K, V> = {}): this {
    requireFunction(predicate, 'the branch predicate');
    this.assertOpen();
    this.predicates.push(predicate as (k: unknown, v: unknown) => boolean);
    this.children.push(this.createBranch(branched, this.predicates.length));
    return this;
  }

  /** Records no predicate matched go to this branch; returns every branch by name. */
  defaultBranch(branched: Branched<K, V> = {}): { [name: string]: KStream<K, V> } {
    this.assertOpen();
    this.defaultChild = this.createBranch(branched, 0);
    this.finished = true;
    return this.result;
  }

  /** Records no predicate matched are dropped; returns every branch by name. */
  noDefaultBranch(): { [name: string]: KStream<K, V> } {
    this.assertOpen();
    this.finished = true;
    return this.result;
  }

  private createBranch(branched: Branched<K, V>, index: number): string {
    // Each branch takes an index too (Kafka does), though its name comes from the split's.
    const name = this.builder.newName('', `${this.splitterName}${branched.name ?? index}`);
    this.builder.topology.addProcessor(name, operators.passThrough() as never, this.splitterName);
    const stream = new KStream<K, V>(this.builder, name, this.source.keySerde, this.source.valueSerde, this.source.repartitionRequired);
    if (branched.chain) {
      const out = branched.chain(stream);
      if (out) this.result[name] = out as KStream<K, V>;
    } else {
      this.result[name] = stream;
    }
    return name;
  }

  private assertOpen(): void {
    if (this.finished) throw topologyError(`split '${this.splitterName}' is already finished with defaultBranch() or noDefaultBranch()`);
  }
}
