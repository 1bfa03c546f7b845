/**
 * describe(): the topology as text, in the shape of Kafka Streams' TopologyDescription
 * (`Topologies:`, `Sub-topology: 0`, `Source:`/`Processor:`/`Sink:` lines with `-->` successors
 * and `<--` predecessors), so tools and people that read Kafka's output read ours; and as JSON
 * for the console, which draws it.
 */
import type { Topology } from './topology.js';

export type NodeDescription =
  | { type: 'source'; name: string; topics: string[]; successors: string[] }
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
  constructor(
    readonly subtopologies: readonly SubtopologyDescription[],
    /** Global stores come in part 2; always empty for now. */
    readonly globalStores: readonly never[] = [],
  ) {}

  toString(): string {
    let out = 'Topologies:\n ';
    for (const s of this.subtopologies) {
      out += `  Sub-topology: ${s.id}\n`;
      for (const n of s.nodes) out += `    ${nodeText(n)}\n`;
      out += '\n';
    }
    return out;
  }

  toJSON(): { subtopologies: SubtopologyDescription[]; globalStores: never[] } {
    return { subtopologies: this.subtopologies.map((s) => ({ id: s.id, nodes: s.nodes.map((n) => ({ ...n })) })), globalStores: [] };
  }
}

function nodeText(n: NodeDescription): string {
  switch (n.type) {
    case 'source':
      return `Source: ${n.name} (topics: [${n.topics.join(', ')}])\n      --> ${list(n.successors)}`;
    case 'processor':
      return `Processor: ${n.name} (stores: [${n.stores.join(', ')}])\n      --> ${list(n.successors)}\n      <-- ${list(n.predecessors)}`;
    case 'sink':
      return `Sink: ${n.name} (${n.topic !== null ? `topic: ${n.topic}` : `extractor class: ${n.topicExtractor}`})\n      <-- ${list(n.predecessors)}`;
  }
}

export function describeTopology(topology: Topology): TopologyDescription {
  const subtopologies: SubtopologyDescription[] = [];
  for (const sub of topology.subtopologies()) {
    // Kafka orders nodes by the size of the graph below them (largest first), then by name.
    const size = new Map<string, number>();
    const sizeOf = (name: string): number => {
      let s = size.get(name);
      if (s === undefined) {
        s = 1 + topology.children(name).reduce((sum, c) => sum + sizeOf(c), 0);
        size.set(name, s);
      }
      return s;
    };
    const byOrder = (a: string, b: string) => sizeOf(b) - sizeOf(a) || (a < b ? -1 : a > b ? 1 : 0);
    const names = [...sub.nodes].sort(byOrder);
    const nodes = names.map((name): NodeDescription => {
      const def = topology.node(name);
      const successors = [...topology.children(name)].sort(byOrder);
      switch (def.kind) {
        case 'source':
          return { type: 'source', name, topics: [...def.topics], successors };
        case 'processor':
          return { type: 'processor', name, stores: [...def.stores], predecessors: [...def.parents].sort(byOrder), successors };
        case 'sink':
          return {
            type: 'sink',
            name,
            topic: typeof def.topic === 'string' ? def.topic : null,
            topicExtractor: typeof def.topic === 'string' ? null : def.topic.name || 'anonymous',
            predecessors: [...def.parents].sort(byOrder),
          };
      }
    });
    subtopologies.push({ id: sub.id, nodes });
  }
  return new TopologyDescription(subtopologies);
}
