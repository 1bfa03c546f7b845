/**
 * describe(): the topology as text, in the shape of Kafka Streams' TopologyDescription
 * (`Topologies:`, `Sub-topology: 0`, `Source:`/`Processor:`/`Sink:` lines with `-->` successors
 * and `<--` predecessors), so tools and people that read Kafka's output read ours; and as JSON
 * for the console, which draws it.
 */
import type { NodeDef } from './nodes.ts';

/**
 * What describing needs of a topology. Named here rather than importing Topology, because
 * Topology.describe() calls this file: the dependency goes one way.
 */
export interface DescribableTopology {
  subtopologies(): ReadonlyArray<{ readonly id: number; readonly nodes: readonly string[] }>;
  /** Global stores, numbered among the sub-topologies as Java numbers them. */
  globalStores(): ReadonlyArray<GlobalStoreDescription>;
  /** Node names in the order they were added (Java's node factories' order). */
  nodeNames(): readonly string[];
  node(name: string): NodeDef;
}

/** A global store as Java describes it: the sub-topology number it takes, its source and processor. */
export interface GlobalStoreDescription {
  readonly id: number;
  readonly sourceName: string;
  readonly processorName: string;
  readonly storeName: string;
  readonly topic: string;
}

export type NodeDescription =
  /** A pattern source has `topicPattern` (the RegExp's source) and no topics. */
  | { type: 'source'; name: string; topics: string[]; topicPattern?: string; successors: string[] }
  | { type: 'processor'; name: string; stores: string[]; predecessors: string[]; successors: string[] }
  | { type: 'sink'; name: string; topic: string | null; topicExtractor: string | null; predecessors: string[] };

export interface SubtopologyDescription {
  id: number;
  nodes: NodeDescription[];
}

function list(names: readonly string[]): string {
  return names.length === 0 ? 'none' : names.join(', ');
}

export class TopologyDescription {
  readonly subtopologies: readonly SubtopologyDescription[];
  /** Global stores, in Kafka's shape: each a source and the processor writing the store. */
  readonly globalStores: readonly GlobalStoreDescription[];

  constructor(subtopologies: readonly SubtopologyDescription[], globalStores: readonly GlobalStoreDescription[] = []) {
    this.subtopologies = subtopologies;
    this.globalStores = globalStores;
  }

  /** Java's text: sub-topologies and global stores in the order of their numbers. */
  toString(): string {
    const parts: { id: number; text: string }[] = [
      ...this.subtopologies.map((s) => ({ id: s.id, text: `Sub-topology: ${s.id}\n${s.nodes.map((n) => `    ${nodeText(n)}\n`).join('')}\n` })),
      ...this.globalStores.map((g) => ({ id: g.id, text: globalStoreText(g) })),
    ];
    return `Topologies:\n ${parts
      .sort((a, b) => a.id - b.id)
      .map((p) => `  ${p.text}`)
      .join('')}`;
  }

  toJSON(): { subtopologies: SubtopologyDescription[]; globalStores: GlobalStoreDescription[] } {
    return { subtopologies: this.subtopologies.map((s) => ({ id: s.id, nodes: s.nodes.map((n) => ({ ...n })) })), globalStores: this.globalStores.map((g) => ({ ...g })) };
  }
}

/** Java's GlobalStore.toString: its source and processor, without the blank line a sub-topology ends with. */
function globalStoreText(g: GlobalStoreDescription): string {
  return (
    `Sub-topology: ${g.id} for global store (will not generate tasks)\n` +
    `    Source: ${g.sourceName} (topics: [${g.topic}])\n      --> ${g.processorName}\n` +
    `    Processor: ${g.processorName} (stores: [${g.storeName}])\n      --> none\n      <-- ${g.sourceName}\n`
  );
}

function nodeText(n: NodeDescription): string {
  switch (n.type) {
    case 'source':
      // Java prints a pattern source's Pattern (its string) where the topic list would be.
      return `Source: ${n.name} (topics: [${n.topicPattern ?? n.topics.join(', ')}])\n      --> ${list(n.successors)}`;
    case 'processor':
      return `Processor: ${n.name} (stores: [${n.stores.join(', ')}])\n      --> ${list(n.successors)}\n      <-- ${list(n.predecessors)}`;
    case 'sink':
      return `Sink: ${n.name} (${n.topic !== null ? `topic: ${n.topic}` : `extractor class: ${n.topicExtractor}`})\n      <-- ${list(n.predecessors)}`;
  }
}

export function describeTopology(topology: DescribableTopology): TopologyDescription {
  const subtopologies: SubtopologyDescription[] = [];
  for (const sub of topology.subtopologies()) {
    const { size, successors, predecessors } = javaOrder(topology, sub.nodes);
    const byOrder = (a: string, b: string) => size.get(b)! - size.get(a)! || (a < b ? -1 : a > b ? 1 : 0);
    const nodes = [...sub.nodes].sort(byOrder).map((name): NodeDescription => {
      const def = topology.node(name);
      switch (def.kind) {
        case 'source':
          return { type: 'source', name, topics: [...def.topics], ...(def.pattern ? { topicPattern: def.pattern.source } : {}), successors: successors.get(name)! };
        case 'processor':
          // Java prints the names from a HashSet.
          return { type: 'processor', name, stores: javaHashSetOrder(def.stores, []), predecessors: predecessors.get(name)!, successors: successors.get(name)! };
        case 'sink':
          return {
            type: 'sink',
            name,
            topic: typeof def.topic === 'string' ? def.topic : null,
            topicExtractor: typeof def.topic === 'string' ? null : def.topic.name || 'anonymous',
            predecessors: predecessors.get(name)!,
          };
      }
    });
    subtopologies.push({ id: sub.id, nodes });
  }
  return new TopologyDescription(subtopologies, [...topology.globalStores()]);
}

/**
 * Node order as Kafka prints it. Kafka sorts nodes by the size of the graph below them (largest
 * first, then by name), but it fills each node's successor and predecessor sets while the sizes
 * are still growing, edge by edge, so those lists keep the order of the moment each edge was
 * added. It walks the nodes in the iteration order of a java.util.HashSet filled with the names
 * in the order the nodes were added to the topology, linking each to its parents. Replaying the
 * same steps gives the same text.
 */
function javaOrder(topology: DescribableTopology, subtopologyNodes: readonly string[]) {
  const members = new Set(subtopologyNodes);
  const names = javaHashSetOrder(
    topology.nodeNames().filter((n) => members.has(n)),
    [],
  );
  const size = new Map<string, number>(names.map((n) => [n, 1]));
  const successors = new Map<string, string[]>(names.map((n) => [n, []]));
  const predecessors = new Map<string, string[]>(names.map((n) => [n, []]));
  const cmp = (a: string, b: string) => size.get(b)! - size.get(a)! || (a < b ? -1 : a > b ? 1 : 0);
  const insert = (list: string[], name: string) => {
    if (list.includes(name)) return;
    const at = list.findIndex((x) => cmp(name, x) < 0);
    if (at < 0) list.push(name);
    else list.splice(at, 0, name);
  };
  const grow = (name: string, delta: number) => {
    size.set(name, size.get(name)! + delta);
    for (const p of predecessors.get(name)!) grow(p, delta);
  };
  for (const name of names) {
    const def = topology.node(name);
    if (def.kind === 'source') continue;
    for (const parent of def.parents) {
      insert(predecessors.get(name)!, parent);
      insert(successors.get(parent)!, name);
      grow(parent, size.get(name)!);
    }
  }
  return { size, successors, predecessors };
}

/** Java's String.hashCode. */
function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

/**
 * The iteration order of a java.util.HashSet<String> after adding `first` then `then`: by bucket
 * (the spread hash masked to the table size), insertion order within a bucket.
 */
function javaHashSetOrder(first: readonly string[], then: readonly string[]): string[] {
  const all = [...first, ...then];
  let capacity = 16;
  while (all.length > capacity * 0.75) capacity *= 2;
  const bucket = (s: string) => {
    const h = javaStringHash(s);
    return (h ^ (h >>> 16)) & (capacity - 1);
  };
  return all.map((name, i) => ({ name, i, b: bucket(name) })).sort((x, y) => x.b - y.b || x.i - y.i).map((x) => x.name);
}
