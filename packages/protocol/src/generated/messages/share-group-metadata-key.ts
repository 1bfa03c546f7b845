// Generated from Kafka's group-coordinator/ShareGroupMetadataKey.json by packages/protocol/generator. Do not edit.
// coordinator-key 11, versions 0, flexible none
/* eslint-disable */
import { type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull } from '../../primitives/codec-support.ts';

export interface ShareGroupMetadataKey {
  groupId: string; // versions 0
}

export interface ShareGroupMetadataKeyInput {
  groupId: string; // versions 0
}

export function defaultShareGroupMetadataKey(): ShareGroupMetadataKey {
  return { groupId: "" };
}

function writeShareGroupMetadataKey(w: Writer, v: ShareGroupMetadataKeyInput, version: number): void {
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  w.string(nonNull(v_groupId, "ShareGroupMetadataKey", "groupId", version));
}

function readShareGroupMetadataKey(r: Reader, version: number): ShareGroupMetadataKey {
  const f_groupId: string = r.string();
  return { groupId: f_groupId };
}

export function encodeShareGroupMetadataKey(w: Writer, value: ShareGroupMetadataKeyInput, version: number): void {
  checkVersion("ShareGroupMetadataKey", version, 0, 0);
  writeShareGroupMetadataKey(w, value, version);
}

export function decodeShareGroupMetadataKey(r: Reader, version: number): ShareGroupMetadataKey {
  if (version < 0 || version > 0) r.fail(`ShareGroupMetadataKey has no version ${version}`);
  return readShareGroupMetadataKey(r, version);
}
