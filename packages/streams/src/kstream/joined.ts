/**
 * The options of joins, with Kafka Streams' names: `StreamJoined` for stream–stream joins (serdes of
 * the key and both values, the name the join's processors and stores are named after, the window
 * store suppliers, changelog settings) and `Joined` for stream–table joins (serdes and a name).
 * Each `with…` returns a new object, so one can be the start of several.
 */
import { topologyError } from '../errors.ts';
import type { Serde } from '../serdes.ts';
import type { ChangelogConfig } from '../state/api.ts';
import type { WindowBytesStoreSupplier } from '../state/window-session-builders.ts';

interface StreamJoinedFields<K, V1, V2> {
  keySerde?: Serde<K>;
  valueSerde?: Serde<V1>;
  otherValueSerde?: Serde<V2>;
  /** Names the processors: `<name>-this-join`, `<name>-other-windowed`, … */
  name?: string;
  /** Names the stores and their changelogs: `<storeName>-this-join-store`, … */
  storeName?: string;
  thisStoreSupplier?: WindowBytesStoreSupplier;
  otherStoreSupplier?: WindowBytesStoreSupplier;
  loggingEnabled: boolean;
  topicConfig: ChangelogConfig;
}

export class StreamJoined<K, V1, V2> {
  readonly fields: Readonly<StreamJoinedFields<K, V1, V2>>;

  private constructor(fields: Readonly<StreamJoinedFields<K, V1, V2>>) {
    this.fields = fields;
  }

  static with<K, V1, V2>(keySerde?: Serde<K>, valueSerde?: Serde<V1>, otherValueSerde?: Serde<V2>): StreamJoined<K, V1, V2> {
    return new StreamJoined<K, V1, V2>({ keySerde, valueSerde, otherValueSerde, loggingEnabled: true, topicConfig: {} });
  }

  /** Stores named `<storeName>-this-join-store`, `<storeName>-other-join-store` (and `-left-shared-join-store`/`-outer-shared-join-store`). */
  static as<K = unknown, V1 = unknown, V2 = unknown>(storeName: string): StreamJoined<K, V1, V2> {
    return StreamJoined.with<K, V1, V2>().withStoreName(storeName);
  }

  /** Both window stores from suppliers (each must keep duplicates, with the join's window size and retention). */
  static withStoreSuppliers<K = unknown, V1 = unknown, V2 = unknown>(thisStoreSupplier: WindowBytesStoreSupplier, otherStoreSupplier: WindowBytesStoreSupplier): StreamJoined<K, V1, V2> {
    return StreamJoined.with<K, V1, V2>().withThisStoreSupplier(thisStoreSupplier).withOtherStoreSupplier(otherStoreSupplier);
  }

  private copy(changes: Partial<StreamJoinedFields<K, V1, V2>>): StreamJoined<K, V1, V2> {
    return new StreamJoined<K, V1, V2>({ ...this.fields, ...changes });
  }

  withName(name: string): StreamJoined<K, V1, V2> {
    return this.copy({ name: checkedName(name, 'StreamJoined.withName') });
  }

  withStoreName(storeName: string): StreamJoined<K, V1, V2> {
    return this.copy({ storeName: checkedName(storeName, 'StreamJoined.withStoreName') });
  }

  withKeySerde(keySerde: Serde<K>): StreamJoined<K, V1, V2> {
    return this.copy({ keySerde });
  }

  withValueSerde(valueSerde: Serde<V1>): StreamJoined<K, V1, V2> {
    return this.copy({ valueSerde });
  }

  withOtherValueSerde(otherValueSerde: Serde<V2>): StreamJoined<K, V1, V2> {
    return this.copy({ otherValueSerde });
  }

  withThisStoreSupplier(thisStoreSupplier: WindowBytesStoreSupplier): StreamJoined<K, V1, V2> {
    return this.copy({ thisStoreSupplier });
  }

  withOtherStoreSupplier(otherStoreSupplier: WindowBytesStoreSupplier): StreamJoined<K, V1, V2> {
    return this.copy({ otherStoreSupplier });
  }

  withLoggingEnabled(config: ChangelogConfig = {}): StreamJoined<K, V1, V2> {
    return this.copy({ loggingEnabled: true, topicConfig: { ...config } });
  }

  withLoggingDisabled(): StreamJoined<K, V1, V2> {
    return this.copy({ loggingEnabled: false, topicConfig: {} });
  }
}

/** Options of a stream–table join: the serdes of the key, the stream's value and the table's value, and the processor's name. */
export interface Joined<K, V, VO> {
  keySerde?: Serde<K>;
  valueSerde?: Serde<V>;
  otherValueSerde?: Serde<VO>;
  name?: string;
}

export const Joined = {
  with<K, V, VO>(keySerde?: Serde<K>, valueSerde?: Serde<V>, otherValueSerde?: Serde<VO>, name?: string): Joined<K, V, VO> {
    return { keySerde, valueSerde, otherValueSerde, name };
  },
  as<K = unknown, V = unknown, VO = unknown>(name: string): Joined<K, V, VO> {
    return { name: checkedName(name, 'Joined.as') };
  },
};

function checkedName(name: unknown, where: string): string {
  if (typeof name !== 'string' || name.length === 0) throw topologyError(`${where} needs a non-empty name, got ${JSON.stringify(name)}`);
  return name;
}
