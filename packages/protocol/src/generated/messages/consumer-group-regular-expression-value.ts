// Generated from Kafka's group-coordinator/ConsumerGroupRegularExpressionValue.json by packages/protocol/generator. Do not edit.
// coordinator-value 16, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readCompactString, readNullableArray, readString, writeArray, writeCompactString, writeString } from '../../primitives/codec-support.ts';

export interface ConsumerGroupRegularExpressionValue {
  topics: string[]; // versions 0+
  version: bigint; // versions 0+
  timestamp: bigint; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupRegularExpressionValueInput {
  topics: readonly string[]; // versions 0+
  version: bigint; // versions 0+
  timestamp: bigint; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultConsumerGroupRegularExpressionValue(): ConsumerGroupRegularExpressionValue {
  return { topics: [], version: 0n, timestamp: 0n };
}

function writeConsumerGroupRegularExpressionValue(w: Writer, v: ConsumerGroupRegularExpressionValueInput, version: number): void {
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, true, nonNull(v_topics, "ConsumerGroupRegularExpressionValue", "topics", version), writeCompactString);
  const v_version = v.version === undefined ? 0n : v.version;
  w.int64(v_version);
  const v_timestamp = v.timestamp === undefined ? 0n : v.timestamp;
  w.int64(v_timestamp);
  w.taggedFields(v._unknownTaggedFields);
}

function readConsumerGroupRegularExpressionValue(r: Reader, version: number): ConsumerGroupRegularExpressionValue {
  const f_topics: string[] = readArray(r, true, 1, readCompactString);
  const f_version: bigint = r.int64();
  const f_timestamp: bigint = r.int64();
  const unknown = r.taggedFields(null);
  const value: ConsumerGroupRegularExpressionValue = { topics: f_topics, version: f_version, timestamp: f_timestamp };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeConsumerGroupRegularExpressionValue(w: Writer, value: ConsumerGroupRegularExpressionValueInput, version: number): void {
  checkVersion("ConsumerGroupRegularExpressionValue", version, 0, 0);
  writeConsumerGroupRegularExpressionValue(w, value, version);
}

export function decodeConsumerGroupRegularExpressionValue(r: Reader, version: number): ConsumerGroupRegularExpressionValue {
  if (version < 0 || version > 0) r.fail(`ConsumerGroupRegularExpressionValue has no version ${version}`);
  return readConsumerGroupRegularExpressionValue(r, version);
}
