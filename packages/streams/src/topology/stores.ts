/**
 * The state stores a topology declares (Topology.addStateStore): their builders by name. Kept
 * apart from the node graph, which only records which processor is connected to which store.
 */
import { topologyError } from '../errors.ts';
import type { StateStore, StoreBuilder } from '../state/api.ts';

const NAME = /^[A-Za-z0-9._-]+$/;

/** A store's changelog topic without the application id in front. */
export function changelogTopicName(storeName: string): string {
  return `${storeName}-changelog`;
}

export class TopologyStores {
  private readonly builders = new Map<string, StoreBuilder<StateStore>>();

  add(builder: StoreBuilder<StateStore>): void {
    if (!builder || typeof builder.build !== 'function' || typeof builder.loggingEnabled !== 'function') {
      throw topologyError('addStateStore needs a StoreBuilder (e.g. Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), keySerde, valueSerde))');
    }
    const name = builder.name;
    if (typeof name !== 'string' || !NAME.test(name)) throw topologyError(`store name ${JSON.stringify(name)} must be non-empty and use only letters, digits, '.', '_' and '-' (it names the changelog topic)`);
    const existing = this.builders.get(name);
    if (existing === builder) return;
    if (existing) throw topologyError(`a different state store named '${name}' is already added; store names are unique in a topology`);
    this.builders.set(name, builder);
  }

  builder(name: string): StoreBuilder<StateStore> {
    const b = this.builders.get(name);
    if (!b) {
      const known = [...this.builders.keys()];
      throw topologyError(`state store '${name}' is not added yet (add it with addStateStore first${known.length > 0 ? `; stores: ${known.join(', ')}` : ''})`);
    }
    return b;
  }

  has(name: string): boolean {
    return this.builders.has(name);
  }

  names(): string[] {
    return [...this.builders.keys()];
  }
}
