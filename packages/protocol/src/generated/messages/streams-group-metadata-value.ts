// Generated from Kafka's group-coordinator/StreamsGroupMetadataValue.json by packages/protocol/generator. Do not edit.
// coordinator-value 17, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, taggedValue, writeNullableArray } from '../../primitives/codec-support.ts';

export interface StreamsGroupMetadataValue {
  epoch: number; // versions 0+
  metadataHash: bigint; // versions 0+
  validatedTopologyEpoch: number; // versions 0+, tag 0 in 0+
  lastAssignmentConfigs: StreamsGroupMetadataValueLastAssignmentConfig[] | null; // versions 0+, tag 1 in 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupMetadataValueInput {
  epoch: number; // versions 0+
  metadataHash: bigint; // versions 0+
  validatedTopologyEpoch?: number; // versions 0+, tag 0 in 0+
  lastAssignmentConfigs?: readonly StreamsGroupMetadataValueLastAssignmentConfigInput[] | null; // versions 0+, tag 1 in 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupMetadataValueLastAssignmentConfig {
  key: string; // versions 0+
  value: string; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupMetadataValueLastAssignmentConfigInput {
  key: string; // versions 0+
  value: string; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultStreamsGroupMetadataValue(): StreamsGroupMetadataValue {
  return { epoch: 0, metadataHash: 0n, validatedTopologyEpoch: -1, lastAssignmentConfigs: null };
}

export function defaultStreamsGroupMetadataValueLastAssignmentConfig(): StreamsGroupMetadataValueLastAssignmentConfig {
  return { key: "", value: "" };
}

function writeStreamsGroupMetadataValue(w: Writer, v: StreamsGroupMetadataValueInput, version: number): void {
  const v_epoch = v.epoch === undefined ? 0 : v.epoch;
  w.int32(v_epoch);
  const v_metadataHash = v.metadataHash === undefined ? 0n : v.metadataHash;
  w.int64(v_metadataHash);
  let tagged = v._unknownTaggedFields?.slice();
  if (v.validatedTopologyEpoch !== undefined && v.validatedTopologyEpoch !== -1) {
    const x = v.validatedTopologyEpoch!;
    (tagged ??= []).push(taggedValue(0, (tw) => {
      tw.int32(x);
    }));
  }
  if (v.lastAssignmentConfigs != null) {
    const x = v.lastAssignmentConfigs!;
    (tagged ??= []).push(taggedValue(1, (tw) => {
      writeNullableArray(tw, true, x, (ew, e) => writeStreamsGroupMetadataValueLastAssignmentConfig(ew, e, version));
    }));
  }
  w.taggedFields(tagged);
}

function readStreamsGroupMetadataValue(r: Reader, version: number): StreamsGroupMetadataValue {
  const f_epoch: number = r.int32();
  const f_metadataHash: bigint = r.int64();
  let f_validatedTopologyEpoch: number = -1;
  let f_lastAssignmentConfigs: StreamsGroupMetadataValueLastAssignmentConfig[] | null = null;
  const unknown = r.taggedFields((tag, tr) => {
    switch (tag) {
      case 0:
        f_validatedTopologyEpoch = tr.int32();
        return true;
      case 1:
        f_lastAssignmentConfigs = readNullableArray(tr, true, 2, (er) => readStreamsGroupMetadataValueLastAssignmentConfig(er, version));
        return true;
      default:
        return false;
    }
  });
  const value: StreamsGroupMetadataValue = { epoch: f_epoch, metadataHash: f_metadataHash, validatedTopologyEpoch: f_validatedTopologyEpoch, lastAssignmentConfigs: f_lastAssignmentConfigs };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeStreamsGroupMetadataValueLastAssignmentConfig(w: Writer, v: StreamsGroupMetadataValueLastAssignmentConfigInput, version: number): void {
  const v_key = v.key === undefined ? "" : v.key;
  w.compactString(nonNull(v_key, "StreamsGroupMetadataValue", "key", version));
  const v_value = v.value === undefined ? "" : v.value;
  w.compactString(nonNull(v_value, "StreamsGroupMetadataValue", "value", version));
  w.taggedFields(v._unknownTaggedFields);
}

function readStreamsGroupMetadataValueLastAssignmentConfig(r: Reader, version: number): StreamsGroupMetadataValueLastAssignmentConfig {
  const f_key: string = r.compactString();
  const f_value: string = r.compactString();
  const unknown = r.taggedFields(null);
  const value: StreamsGroupMetadataValueLastAssignmentConfig = { key: f_key, value: f_value };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeStreamsGroupMetadataValue(w: Writer, value: StreamsGroupMetadataValueInput, version: number): void {
  checkVersion("StreamsGroupMetadataValue", version, 0, 0);
  writeStreamsGroupMetadataValue(w, value, version);
}

export function decodeStreamsGroupMetadataValue(r: Reader, version: number): StreamsGroupMetadataValue {
  if (version < 0 || version > 0) r.fail(`StreamsGroupMetadataValue has no version ${version}`);
  return readStreamsGroupMetadataValue(r, version);
}
