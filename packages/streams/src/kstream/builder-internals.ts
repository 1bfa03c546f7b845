/**
 * What KStream needs from its StreamsBuilder, in a file of its own: the builder creates streams
 * and the streams call back into the builder, and naming the contract here keeps the imports
 * one way (streams-builder → kstream → builder-internals).
 */
import type { Topology } from '../topology/topology.ts';

/** Kept internal: not exported from the package. */
export interface BuilderInternals {
  readonly topology: Topology;
  /**
   * A node name: `given`, or `<prefix><10-digit index>`. Either way it takes the next index, as
   * Kafka Streams does, so that naming one node does not rename every generated one after it
   * (and generated names match Java's for the same DSL calls).
   */
  newName(prefix: string, given?: string): string;
  /**
   * A store name for a DSL operation whose Materialized names none:
   * `<prefix>STATE-STORE-<10-digit index>` (Java's newStoreName), taking the next index.
   */
  newStoreName(prefix: string): string;
}
