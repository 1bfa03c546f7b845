// Generated from Kafka's group-coordinator/ShareGroupMetadataValue.json by packages/protocol/generator. Do not edit.
// coordinator-value 11, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion } from '../../primitives/codec-support.ts';

export interface ShareGroupMetadataValue {
  epoch: number; // versions 0+
  metadataHash: bigint; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareGroupMetadataValueInput {
  epoch: number; // versions 0+
  metadataHash: bigint; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultShareGroupMetadataValue(): ShareGroupMetadataValue {
  return { epoch: 0, metadataHash: 0n };
}

function writeShareGroupMetadataValue(w: Writer, v: ShareGroupMetadataValueInput, version: number): void {
  const v_epoch = v.epoch === undefined ? 0 : v.epoch;
  w.int32(v_epoch);
  const v_metadataHash = v.metadataHash === undefined ? 0n : v.metadataHash;
  w.int64(v_metadataHash);
  w.taggedFields(v._unknownTaggedFields);
}

function readShareGroupMetadataValue(r: Reader, version: number): ShareGroupMetadataValue {
  const f_epoch: number = r.int32();
  const f_metadataHash: bigint = r.int64();
  const unknown = r.taggedFields(null);
  const value: ShareGroupMetadataValue = { epoch: f_epoch, metadataHash: f_metadataHash };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeShareGroupMetadataValue(w: Writer, value: ShareGroupMetadataValueInput, version: number): void {
  checkVersion("ShareGroupMetadataValue", version, 0, 0);
  writeShareGroupMetadataValue(w, value, version);
}

export function decodeShareGroupMetadataValue(r: Reader, version: number): ShareGroupMetadataValue {
  if (version < 0 || version > 0) r.fail(`ShareGroupMetadataValue has no version ${version}`);
  return readShareGroupMetadataValue(r, version);
}
