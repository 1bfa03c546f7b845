// Generated from Kafka's group-coordinator/ShareGroupStatePartitionMetadataKey.json by packages/protocol/generator. Do not edit.
// coordinator-key 15, versions 0, flexible none
/* eslint-disable */
import { type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull } from '../../primitives/codec-support.ts';

export interface ShareGroupStatePartitionMetadataKey {
  groupId: string; // versions 0
}

export interface ShareGroupStatePartitionMetadataKeyInput {
  groupId: string; // versions 0
}

export function defaultShareGroupStatePartitionMetadataKey(): ShareGroupStatePartitionMetadataKey {
  return { groupId: "" };
}

function writeShareGroupStatePartitionMetadataKey(w: Writer, v: ShareGroupStatePartitionMetadataKeyInput, version: number): void {
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  w.string(nonNull(v_groupId, "ShareGroupStatePartitionMetadataKey", "groupId", version));
}

function readShareGroupStatePartitionMetadataKey(r: Reader, version: number): ShareGroupStatePartitionMetadataKey {
  const f_groupId: string = r.string();
  return { groupId: f_groupId };
}

export function encodeShareGroupStatePartitionMetadataKey(w: Writer, value: ShareGroupStatePartitionMetadataKeyInput, version: number): void {
  checkVersion("ShareGroupStatePartitionMetadataKey", version, 0, 0);
  writeShareGroupStatePartitionMetadataKey(w, value, version);
}

export function decodeShareGroupStatePartitionMetadataKey(r: Reader, version: number): ShareGroupStatePartitionMetadataKey {
  if (version < 0 || version > 0) r.fail(`ShareGroupStatePartitionMetadataKey has no version ${version}`);
  return readShareGroupStatePartitionMetadataKey(r, version);
}
