/**
 * The records of the foreign-key join's internal topics, byte for byte as Kafka Streams writes
 * them, so Sluice and Java instances of one application can share those topics:
 *
 * - a subscription (Java's SubscriptionWrapper, version 1), keyed by the foreign key on
 *   `<app>-KTABLE-FK-JOIN-SUBSCRIPTION-REGISTRATION-…-topic`:
 *   [1 bit hash-is-null, 7 bits version][instruction][16-byte hash, if any][primary key][4-byte primary partition];
 * - a response (SubscriptionResponseWrapper, version 0), keyed by the primary key on
 *   `…-SUBSCRIPTION-RESPONSE-…-topic`: [1 bit hash-is-null, 7 bits version][16-byte hash, if any][foreign value, if any];
 * - the subscription store's key (CombinedKey): [4-byte foreign key length][foreign key][primary key],
 *   so a prefix scan by foreign key finds every primary key subscribed to it.
 */
import { StreamsError, StreamsErrorCode } from '../errors.ts';

/** What the receiving side does with a subscription (Java's SubscriptionWrapper.Instruction). */
export const Instruction = {
  /** The primary row moved to another foreign key: forget it here, emit nothing. */
  DELETE_KEY_NO_PROPAGATE: 0,
  /** The primary row is gone: forget it here and emit a delete. */
  DELETE_KEY_AND_PROPAGATE: 1,
  /** Emit the join (with null if the foreign row is missing): a left join. */
  PROPAGATE_NULL_IF_NO_FK_VAL_AVAILABLE: 2,
  /** Emit the join only if the foreign row exists: an inner join. */
  PROPAGATE_ONLY_IF_FK_VAL_AVAILABLE: 3,
} as const;
export type Instruction = (typeof Instruction)[keyof typeof Instruction];

export type ValueHash = readonly [bigint, bigint];

export interface Subscription {
  hash: ValueHash | null;
  instruction: Instruction;
  primaryKey: Buffer;
  primaryPartition: number;
}

export interface SubscriptionResponse {
  hash: ValueHash | null;
  /** The foreign value's bytes, or null when the foreign row is missing. */
  foreignValue: Buffer | null;
}

const SUBSCRIPTION_VERSION = 1;
const RESPONSE_VERSION = 0;

function malformed(what: string): StreamsError {
  return new StreamsError(StreamsErrorCode.PROCESSING_FAILED, `malformed foreign-key join ${what}; is another application (or an older Kafka Streams) writing the join's internal topics?`);
}

export function encodeSubscription(s: Subscription): Buffer {
  const hashLength = s.hash === null ? 0 : 16;
  const b = Buffer.alloc(2 + hashLength + s.primaryKey.length + 4);
  b[0] = s.hash === null ? SUBSCRIPTION_VERSION | 0x80 : SUBSCRIPTION_VERSION;
  b[1] = s.instruction;
  if (s.hash !== null) {
    b.writeBigInt64BE(s.hash[0], 2);
    b.writeBigInt64BE(s.hash[1], 10);
  }
  s.primaryKey.copy(b, 2 + hashLength);
  b.writeInt32BE(s.primaryPartition, b.length - 4);
  return b;
}

export function decodeSubscription(b: Buffer): Subscription {
  if (b.length < 2) throw malformed('subscription');
  const version = b[0]! & 0x7f;
  const hashNull = (b[0]! & 0x80) !== 0;
  const instruction = b[1]!;
  if (version > SUBSCRIPTION_VERSION || instruction > 3) throw malformed(`subscription (version ${version}, instruction ${instruction})`);
  const hashLength = hashNull ? 0 : 16;
  const partitionLength = version > 0 ? 4 : 0;
  if (b.length < 2 + hashLength + partitionLength) throw malformed('subscription');
  return {
    hash: hashNull ? null : [b.readBigInt64BE(2), b.readBigInt64BE(10)],
    instruction: instruction as Instruction,
    primaryKey: b.subarray(2 + hashLength, b.length - partitionLength),
    primaryPartition: version > 0 ? b.readInt32BE(b.length - 4) : -1,
  };
}

export function encodeResponse(r: SubscriptionResponse): Buffer {
  const hashLength = r.hash === null ? 0 : 16;
  const value = r.foreignValue ?? Buffer.alloc(0);
  const b = Buffer.alloc(1 + hashLength + value.length);
  b[0] = r.hash === null ? RESPONSE_VERSION | 0x80 : RESPONSE_VERSION;
  if (r.hash !== null) {
    b.writeBigInt64BE(r.hash[0], 1);
    b.writeBigInt64BE(r.hash[1], 9);
  }
  value.copy(b, 1 + hashLength);
  return b;
}

export function decodeResponse(b: Buffer): SubscriptionResponse {
  if (b.length < 1) throw malformed('response');
  const hashNull = (b[0]! & 0x80) !== 0;
  const hashLength = hashNull ? 0 : 16;
  if (b.length < 1 + hashLength) throw malformed('response');
  // Java writes no bytes for a missing foreign value and reads zero bytes back as null.
  const value = b.subarray(1 + hashLength);
  return { hash: hashNull ? null : [b.readBigInt64BE(1), b.readBigInt64BE(9)], foreignValue: value.length === 0 ? null : value };
}

/** The subscription store's key: the foreign key's length and bytes, then the primary key's bytes. */
export function combinedKey(foreignKey: Buffer, primaryKey: Buffer): Buffer {
  const b = Buffer.alloc(4 + foreignKey.length + primaryKey.length);
  b.writeInt32BE(foreignKey.length, 0);
  foreignKey.copy(b, 4);
  primaryKey.copy(b, 4 + foreignKey.length);
  return b;
}

/** The prefix every subscription of one foreign key starts with. */
export function combinedKeyPrefix(foreignKey: Buffer): Buffer {
  return combinedKey(foreignKey, Buffer.alloc(0));
}

export function splitCombinedKey(b: Buffer): { foreignKey: Buffer; primaryKey: Buffer } {
  const n = b.readInt32BE(0);
  return { foreignKey: b.subarray(4, 4 + n), primaryKey: b.subarray(4 + n) };
}
