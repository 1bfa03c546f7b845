/**
 * Topology: a graph of source, processor and sink nodes (Kafka Streams' `Topology`). The DSL
 * builds one; it can be built by hand with addSource/addProcessor/addSink too. Nodes connected
 * by parent links form a sub-topology; sub-topologies talk to each other only through topics
 * (repartition topics), which is what lets each run as independent tasks, one per partition.
 */
import { topologyError } from '../errors.ts';
import type { Processor } from '../processor/api.ts';
import type { StateStore, StoreBuilder } from '../state/api.ts';
import type { TimestampExtractor } from '../processor/timestamps.ts';
import type { Deserializer, Serializer } from '../serdes.ts';
import { TopologyDescription, describeTopology } from './describe.ts';
import { TopologyStores, changelogTopicName } from './stores.ts';
import type { ChangelogTopicDef, InternalTopicDef, NodeDef, OffsetResetPolicy, ProcessorNodeDef, SinkNodeDef, SourceNodeDef, StreamPartitioner, TopicNameExtractor } from './nodes.ts';
import { anchorPattern } from './patterns.ts';

export interface Subtopology {
  readonly id: number;
  /** Node names in the order they were added (parents before children). */
  readonly nodes: readonly string[];
  /** Topics its sources read, as named in the topology (internal topics unprefixed). */
  readonly sourceTopics: readonly string[];
  /** Anchored patterns of its pattern sources: the topics they match belong to it too. */
  readonly sourcePatterns: readonly RegExp[];
}

/** A global store: its source, the processor that writes it, the store and the topic it is read from. */
export interface GlobalStoreDef {
  readonly sourceName: string;
  readonly processorName: string;
  readonly storeName: string;
  readonly topic: string;
}

export interface SourceOptions<K, V> {
  keyDeserializer?: Deserializer<K>;
  valueDeserializer?: Deserializer<V>;
  timestampExtractor?: TimestampExtractor;
  /** Where partitions without a committed offset start; default: the consumer's auto.offset.reset. */
  offsetResetPolicy?: OffsetResetPolicy;
}

const RESET_POLICIES: readonly string[] = ['earliest', 'latest', 'none'];

export interface SinkOptions<K, V> {
  keySerializer?: Serializer<K>;
  valueSerializer?: Serializer<V>;
  partitioner?: StreamPartitioner<K, V>;
}

const NAME = /^[A-Za-z0-9._-]+$/;

export class Topology {
  private readonly nodes = new Map<string, NodeDef>();
  private readonly childrenOf = new Map<string, string[]>();
  private readonly topicToSource = new Map<string, string>();
  /** Pattern sources: source name → anchored pattern. */
  private readonly patternSources = new Map<string, RegExp>();
  private readonly internal = new Map<string, InternalTopicDef>();
  /** State stores by name (Topology.addStateStore), and the processors connected to each. */
  private readonly stores = new TopologyStores();
  private cachedSubtopologies: Subtopology[] | null = null;
  /** Global stores (addGlobalStore) by source node name: read by the global thread, never by tasks. */
  private readonly globals = new Map<string, GlobalStoreDef>();
  private cachedGlobalIds: Map<string, number> | null = null;
  /** Groups of nodes whose input topics must have one partition count (Java's copartitionSources). */
  private readonly copartitioned: string[][] = [];

  /**
   * A source reading topics by name, or every topic a RegExp matches (whole name; topics created
   * later that match are read too). A topic may be read by one source only, as in Kafka.
   */
  addSource<K = unknown, V = unknown>(name: string, topics: string | readonly string[] | RegExp, options: SourceOptions<K, V> = {}): this {
    this.checkNewName(name);
    if (options.timestampExtractor !== undefined && typeof options.timestampExtractor !== 'function') throw topologyError(`source '${name}': timestampExtractor must be a function`);
    const reset = options.offsetResetPolicy;
    if (reset !== undefined && !RESET_POLICIES.includes(reset)) throw topologyError(`source '${name}': offsetResetPolicy must be 'earliest', 'latest' or 'none', got ${JSON.stringify(reset)}`);
    const common = {
      kind: 'source' as const,
      name,
      keyDeserializer: options.keyDeserializer as Deserializer<unknown>,
      valueDeserializer: options.valueDeserializer as Deserializer<unknown>,
      timestampExtractor: options.timestampExtractor,
      offsetResetPolicy: reset,
    };
    if (topics instanceof RegExp) {
      const anchored = anchorPattern(topics);
      // Checkable now: a named topic the pattern matches, or the very same pattern twice. Two
      // different patterns that match one topic are caught when that topic shows up.
      for (const [t, other] of this.topicToSource) {
        if (anchored.test(t)) throw topologyError(`the pattern /${topics.source}/ of source '${name}' matches topic '${t}', which source '${other}' already reads; a topic can be read by one source only`);
      }
      for (const [other, p] of this.patternSources) {
        if (p.source === anchored.source) throw topologyError(`the pattern /${topics.source}/ of source '${name}' is already used by source '${other}'; read it once and branch from there`);
      }
      this.patternSources.set(name, anchored);
      this.add({ ...common, topics: [], pattern: topics, anchoredPattern: anchored });
      return this;
    }
    const list = typeof topics === 'string' ? [topics] : [...topics];
    if (list.length === 0) throw topologyError(`source '${name}' needs at least one topic`);
    for (const t of list) {
      if (typeof t !== 'string' || t.length === 0) throw topologyError(`source '${name}' has an empty topic name`);
      const other = this.topicToSource.get(t);
      if (other) throw topologyError(`topic '${t}' is already read by source '${other}'; read it once and branch from there`);
      for (const [other, p] of this.patternSources) {
        if (p.test(t)) throw topologyError(`topic '${t}' of source '${name}' matches the pattern ${p.source} of source '${other}'; a topic can be read by one source only`);
      }
    }
    for (const t of list) this.topicToSource.set(t, name);
    this.add({ ...common, topics: list });
    return this;
  }

  addProcessor<KIn = unknown, VIn = unknown, KOut = unknown, VOut = unknown>(name: string, supplier: () => Processor<KIn, VIn, KOut, VOut>, ...parentNames: string[]): this {
    if (typeof supplier !== 'function') throw topologyError(`processor '${name}' needs a supplier function that returns a new processor`);
    this.checkNewName(name);
    this.checkParents(name, parentNames);
    this.add({ kind: 'processor', name, supplier: supplier as ProcessorNodeDef['supplier'], parents: parentNames, stores: [] });
    // A supplier may carry the stores it uses (Java's ConnectedStoreProvider.stores()).
    const carried = (supplier as { stores?: unknown }).stores;
    if (carried !== undefined) {
      if (!Array.isArray(carried)) throw topologyError(`the stores of processor '${name}''s supplier must be an array of StoreBuilders`);
      for (const b of carried as StoreBuilder<StateStore>[]) this.addStateStore(b, name);
    }
    return this;
  }

  /**
   * Adds a state store (built once per task by `builder`) and connects it to the named
   * processors, which reach it with `context.getStateStore(name)`. Processors sharing a store
   * run in one sub-topology. Adding the same builder again only connects more processors.
   */
  addStateStore(builder: StoreBuilder<StateStore>, ...processorNames: string[]): this {
    this.stores.add(builder);
    for (const p of processorNames) this.connect(p, builder.name);
    return this;
  }

  /** Connects a processor to stores added before (Java's connectProcessorAndStateStores). */
  connectProcessorAndStateStores(processorName: string, ...storeNames: string[]): this {
    if (storeNames.length === 0) throw topologyError(`connectProcessorAndStateStores('${processorName}') needs at least one store name`);
    for (const s of storeNames) this.connect(processorName, s);
    return this;
  }

  private connect(processorName: string, storeName: string): void {
    this.stores.builder(storeName);
    const def = this.nodes.get(processorName);
    if (!def) throw topologyError(`processor '${processorName}' is not added yet; add it before connecting store '${storeName}' to it`);
    if (def.kind !== 'processor') throw topologyError(`'${processorName}' is a ${def.kind}, not a processor; only processors can use state stores`);
    if (def.stores.includes(storeName)) return;
    this.nodes.set(processorName, { ...def, stores: [...def.stores, storeName] });
    this.cachedSubtopologies = null;
  }

  /**
   * A global store (Java's Topology.addGlobalStore): every instance reads all partitions of
   * `topic` through the source and `stateUpdateSupplier`'s processor into the store, which any
   * processor may read with `context.getStateStore(name)` without being connected to it. The topic
   * is its changelog, so the store's own changelog is turned off.
   */
  addGlobalStore<K = unknown, V = unknown>(
    storeBuilder: StoreBuilder<StateStore>,
    sourceName: string,
    topic: string,
    options: SourceOptions<K, V>,
    processorName: string,
    stateUpdateSupplier: () => Processor<K, V, void, void>,
  ): this {
    if (typeof topic !== 'string' || topic.length === 0) throw topologyError(`global store source '${sourceName}' needs a topic name`);
    if (options.offsetResetPolicy !== undefined) throw topologyError(`global store source '${sourceName}': a global store always reads its topic from the beginning; leave offsetResetPolicy unset`);
    storeBuilder.withLoggingDisabled();
    this.addSource<K, V>(sourceName, topic, options);
    this.addProcessor(processorName, stateUpdateSupplier as never, sourceName);
    this.addStateStore(storeBuilder, processorName);
    this.globals.set(sourceName, { sourceName, processorName, storeName: storeBuilder.name, topic });
    this.cachedSubtopologies = null;
    return this;
  }

  /** The global stores with the sub-topology numbers Java gives them (they take numbers among the others'). */
  globalStores(): (GlobalStoreDef & { id: number })[] {
    this.subtopologies();
    return [...this.globals.values()].map((g) => ({ ...g, id: this.cachedGlobalIds!.get(g.sourceName)! }));
  }

  /** Whether a source node feeds a global store. */
  isGlobalSource(name: string): boolean {
    return this.globals.has(name);
  }

  addSink<K = unknown, V = unknown>(name: string, topic: string | TopicNameExtractor<K, V>, options: SinkOptions<K, V> = {}, ...parentNames: string[]): this {
    this.checkNewName(name);
    if (typeof topic === 'string' ? topic.length === 0 : typeof topic !== 'function') throw topologyError(`sink '${name}' needs a topic name or a topic name extractor`);
    this.checkParents(name, parentNames);
    this.add({
      kind: 'sink',
      name,
      topic: topic as SinkNodeDef['topic'],
      keySerializer: options.keySerializer as Serializer<unknown>,
      valueSerializer: options.valueSerializer as Serializer<unknown>,
      partitioner: options.partitioner as StreamPartitioner<unknown, unknown>,
      parents: parentNames,
    });
    return this;
  }

  /**
   * Declares a topic the application owns (the DSL's repartition topics). Sources and sinks name
   * it unprefixed; the runtime creates and uses `<application.id>-<name>`.
   */
  addInternalTopic(name: string, options: { numberOfPartitions?: number } = {}): this {
    if (this.internal.has(name)) throw topologyError(`internal topic '${name}' is declared twice`);
    const n = options.numberOfPartitions;
    if (n !== undefined && (!Number.isInteger(n) || n < 1)) throw topologyError(`internal topic '${name}': numberOfPartitions must be a positive integer, got ${n}`);
    this.internal.set(name, { name, kind: 'repartition', numberOfPartitions: n });
    this.cachedSubtopologies = null;
    return this;
  }

  /**
   * Takes the record cache out of every store, as Java's rewriteTopology does when
   * statestore.cache.max.bytes is 0 (KafkaStreams and the test driver call it then): each update
   * goes downstream as it is made, a delete of a row that was never there included, where an
   * empty cache in front of the store would still drop that one.
   */
  disableCaching(): void {
    for (const name of this.stores.names()) this.stores.builder(name).withCachingDisabled();
  }

  /**
   * Whether a store of the topology keeps its data on disk (Java's hasPersistentStores, which
   * also builds the stores to ask them): only then does an instance use its state directory.
   */
  hasPersistentStores(): boolean {
    return this.stores.names().some((name) => this.stores.builder(name).build().persistent());
  }

  /** The builder of a store added with addStateStore; throws naming the stores there are. */
  storeBuilder(name: string): StoreBuilder<StateStore> {
    return this.stores.builder(name);
  }

  /** The stores the processors of a sub-topology are connected to, in the order they were added. */
  storesOf(subtopology: Subtopology): string[] {
    const used = new Set<string>();
    for (const n of subtopology.nodes) {
      const def = this.nodes.get(n)!;
      if (def.kind === 'processor') for (const s of def.stores) used.add(s);
    }
    return this.stores.names().filter((s) => used.has(s));
  }

  /**
   * The changelog topic of every store with logging enabled that a sub-topology uses:
   * `<store>-changelog` (the runtime prefixes the application id), compacted, one partition per
   * task of the sub-topology.
   */
  changelogTopics(): ChangelogTopicDef[] {
    return this.subtopologies().flatMap((sub) =>
      this.storesOf(sub)
        .map((s) => this.stores.builder(s))
        .filter((b) => b.loggingEnabled())
        .map((b) => ({ name: changelogTopicName(b.name), kind: 'changelog' as const, storeName: b.name, subtopology: sub.id, config: { ...b.logConfig() } })),
    );
  }

  describe(): TopologyDescription {
    return describeTopology(this);
  }

  // ---------------------------------------------------------------- read by the runtime

  node(name: string): NodeDef {
    const n = this.nodes.get(name);
    if (!n) throw topologyError(`no node named '${name}'`);
    return n;
  }

  hasNode(name: string): boolean {
    return this.nodes.has(name);
  }

  nodeNames(): string[] {
    return [...this.nodes.keys()];
  }

  children(name: string): readonly string[] {
    return this.childrenOf.get(name) ?? [];
  }

  /**
   * @internal Marks nodes whose input topics must have the same partition count, so that
   * partition p of each reaches the same task: a join's two sides (Java's copartitionSources).
   */
  copartition(nodeNames: readonly string[]): this {
    this.copartitioned.push([...nodeNames]);
    return this;
  }

  /** The topics each co-partitioned group reads (through any processors), sorted by name. */
  copartitionGroups(): string[][] {
    const upstream = (name: string): string[] => {
      const n = this.node(name);
      return n.kind === 'source' ? [...n.topics] : n.kind === 'processor' ? n.parents.flatMap(upstream) : [];
    };
    return this.copartitioned.map((nodes) => [...new Set(nodes.flatMap(upstream))].sort());
  }

  internalTopics(): InternalTopicDef[] {
    return [...this.internal.values()];
  }

  isInternalTopic(name: string): boolean {
    return this.internal.has(name);
  }

  /** The topic name on the broker of a store's changelog: `<application.id>-<store>-changelog`. */
  changelogTopic(applicationId: string, storeName: string): string {
    return `${applicationId}-${changelogTopicName(storeName)}`;
  }

  /** The topic name on the broker: internal topics get the application id in front. */
  physicalTopic(applicationId: string, name: string): string {
    return this.internal.has(name) ? `${applicationId}-${name}` : name;
  }

  /**
   * Connected components of the node graph (and of shared state stores), numbered as Kafka does;
   * the components of global stores take their numbers but are not listed (they make no tasks).
   */
  subtopologies(): Subtopology[] {
    if (this.cachedSubtopologies) return this.cachedSubtopologies;
    const order = [...this.nodes.keys()];
    const root = new Map<string, string>(order.map((n) => [n, n]));
    const find = (n: string): string => {
      let r = n;
      while (root.get(r) !== r) r = root.get(r)!;
      root.set(n, r);
      return r;
    };
    const union = (a: string, b: string) => root.set(find(a), find(b));
    const byStore = new Map<string, string>();
    for (const n of this.nodes.values()) {
      if (n.kind !== 'source') for (const p of n.parents) union(n.name, p);
      if (n.kind === 'processor') {
        for (const s of n.stores) {
          const other = byStore.get(s);
          if (other) union(n.name, other);
          else byStore.set(s, n.name);
        }
      }
    }
    const groups = new Map<string, string[]>();
    for (const n of order) {
      const r = find(n);
      let g = groups.get(r);
      if (!g) groups.set(r, (g = []));
      g.push(n);
    }
    // Numbered as Kafka numbers them: in the order their first node was added.
    const out: Subtopology[] = [];
    const globalIds = new Map<string, number>();
    let id = 0;
    for (const members of groups.values()) {
      const sources = members.map((m) => this.nodes.get(m)!).filter((n): n is SourceNodeDef => n.kind === 'source');
      const sourceTopics = sources.flatMap((n) => n.topics);
      const sourcePatterns = sources.flatMap((n) => (n.anchoredPattern ? [n.anchoredPattern] : []));
      if (sources.length === 0) throw topologyError(`nodes ${members.join(', ')} are not connected to any source`);
      const global = sources.find((n) => this.globals.has(n.name));
      if (global) {
        if (members.length !== 2) throw topologyError(`global store source '${global.name}' feeds only its own processor; connect other processors to a stream instead`);
        globalIds.set(global.name, id++);
      } else {
        out.push({ id: id++, nodes: members, sourceTopics, sourcePatterns });
      }
    }
    this.cachedSubtopologies = out;
    this.cachedGlobalIds = globalIds;
    return out;
  }

  /** The sub-topology reading a topic (topology name), if any. */
  subtopologyOfTopic(topic: string): Subtopology | undefined {
    const source = this.sourceOfTopic(topic);
    if (!source) return undefined;
    return this.subtopologies().find((s) => s.nodes.includes(source.name));
  }

  /**
   * The source reading a topic: by name, else the one pattern source matching it. Throws when two
   * patterns match it (Kafka's TopologyException): which source reads it would be a guess.
   */
  sourceOfTopic(topic: string): SourceNodeDef | undefined {
    const named = this.topicToSource.get(topic);
    if (named) return this.nodes.get(named) as SourceNodeDef;
    const matching = [...this.patternSources].filter(([, p]) => p.test(topic));
    if (matching.length > 1) {
      throw topologyError(`topic '${topic}' matches the patterns of more than one source (${matching.map(([n, p]) => `'${n}': ${p.source}`).join(', ')}); a topic can be read by one source only`);
    }
    return matching.length === 1 ? (this.nodes.get(matching[0][0]) as SourceNodeDef) : undefined;
  }

  /** The anchored patterns of the pattern sources. */
  sourcePatterns(): RegExp[] {
    return [...this.patternSources.values()];
  }

  /** Every topic the sources of tasks read (topology names); global stores' topics are not among them. */
  sourceTopics(): string[] {
    return [...this.topicToSource].filter(([, source]) => !this.globals.has(source)).map(([t]) => t);
  }

  /** Checks what can only be checked once the graph is complete. */
  validate(): void {
    if (this.topicToSource.size === 0 && this.patternSources.size === 0) throw topologyError('it has no source; add a stream (builder.stream) or a source first');
    for (const t of this.internal.keys()) {
      if (!this.topicToSource.has(t)) throw topologyError(`internal topic '${t}' is written but no source reads it`);
    }
    this.subtopologies();
  }

  // ---------------------------------------------------------------- helpers

  private add(node: NodeDef): void {
    this.cachedGlobalIds = null;
    this.nodes.set(node.name, node);
    if (node.kind !== 'source') {
      for (const p of node.parents) {
        let list = this.childrenOf.get(p);
        if (!list) this.childrenOf.set(p, (list = []));
        list.push(node.name);
      }
    }
    this.cachedSubtopologies = null;
  }

  private checkNewName(name: string): void {
    if (typeof name !== 'string' || !NAME.test(name)) throw topologyError(`node name ${JSON.stringify(name)} must be non-empty and use only letters, digits, '.', '_' and '-'`);
    if (this.nodes.has(name)) throw topologyError(`a node named '${name}' already exists`);
  }

  private checkParents(name: string, parents: readonly string[]): void {
    if (parents.length === 0) throw topologyError(`'${name}' needs at least one parent node`);
    for (const p of parents) {
      const parent = this.nodes.get(p);
      if (!parent) throw topologyError(`parent '${p}' of '${name}' does not exist (add parents first)`);
      if (parent.kind === 'sink') throw topologyError(`sink '${p}' cannot be the parent of '${name}'`);
    }
  }
}
