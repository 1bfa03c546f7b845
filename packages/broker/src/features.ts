/**
 * The cluster features (KIP-584) a one-node Sluice cluster reports in ApiVersions, with the
 * ranges and finalized levels an Apache Kafka 4.3.1 single-node KRaft cluster reports, so that
 * `kafka-features describe` prints the same on both. The finalized levels change through
 * UpdateFeatures (feature-store.ts). Only transaction.version changes what Sluice does (its level
 * starts at the broker setting `transaction.version`); the others are reported as Kafka's
 * because clients and tools read them, not because Sluice implements what every level enables
 * (KIP-848 consumer groups, share groups and streams groups are not served: clients find that out
 * from the APIs ApiVersions lists).
 */

export interface SupportedFeature {
  name: string;
  minVersion: number;
  maxVersion: number;
}

export interface FinalizedFeature {
  name: string;
  minVersionLevel: number;
  maxVersionLevel: number;
}

/** metadata.version 3.3-IV3 (the oldest KRaft accepts) to 4.3-IV0, finalized at 4.3-IV0. */
const METADATA_VERSION_MIN = 7;
export const METADATA_VERSION_LATEST = 30;

/** Kafka's order, as its ApiVersions v4 answer lists them. */
const SUPPORTED: readonly SupportedFeature[] = [
  { name: 'group.version', minVersion: 0, maxVersion: 1 },
  { name: 'kraft.version', minVersion: 0, maxVersion: 1 },
  { name: 'metadata.version', minVersion: METADATA_VERSION_MIN, maxVersion: METADATA_VERSION_LATEST },
  { name: 'share.version', minVersion: 0, maxVersion: 1 },
  { name: 'streams.version', minVersion: 0, maxVersion: 1 },
  { name: 'transaction.version', minVersion: 0, maxVersion: 2 },
  { name: 'eligible.leader.replicas.version', minVersion: 0, maxVersion: 1 },
];

/**
 * Supported features for an ApiVersions answer at `version`: v3 leaves out those supported from
 * level 0 (older clients took min 0 for "not supported", KIP-1022), as Kafka does.
 */
export function supportedFeatures(version: number): SupportedFeature[] {
  return version >= 4 ? [...SUPPORTED] : SUPPORTED.filter((f) => f.minVersion > 0);
}

export function isSupported(name: string): boolean {
  return SUPPORTED.some((s) => s.name === name);
}

/** The range this broker supports for a feature; an unknown feature's is 0-0, as in Kafka's QuorumFeatures. */
export function supportedRange(name: string): { min: number; max: number } {
  const f = SUPPORTED.find((s) => s.name === name);
  return f === undefined ? { min: 0, max: 0 } : { min: f.minVersion, max: f.maxVersion };
}

/** The levels a new Kafka 4.3.1 cluster finalizes, transaction.version from the broker setting, in the order Kafka lists them. */
export function initialLevels(transactionVersion: number): Map<string, number> {
  return new Map([
    ['group.version', 1],
    ['streams.version', 1],
    ['transaction.version', transactionVersion],
    ['eligible.leader.replicas.version', 1],
    ['share.version', 1],
    ['metadata.version', METADATA_VERSION_LATEST],
    ['kraft.version', 0],
  ]);
}

/**
 * The finalized levels, each as min = max = level; a level of 0 is left out, as Kafka leaves out
 * kraft.version 0 (a static quorum) and any feature turned off.
 */
export function finalizedFeatures(levels: ReadonlyMap<string, number>): FinalizedFeature[] {
  return [...levels].filter(([, level]) => level > 0).map(([name, level]) => ({ name, minVersionLevel: level, maxVersionLevel: level }));
}
