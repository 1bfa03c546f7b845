// Generated from Kafka's group-coordinator/ShareGroupTargetAssignmentMetadataKey.json by packages/protocol/generator. Do not edit.
// coordinator-key 12, versions 0, flexible none
/* eslint-disable */
import { type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull } from '../../primitives/codec-support.ts';

export interface ShareGroupTargetAssignmentMetadataKey {
  groupId: string; // versions 0
}

export interface ShareGroupTargetAssignmentMetadataKeyInput {
  groupId: string; // versions 0
}

export function defaultShareGroupTargetAssignmentMetadataKey(): ShareGroupTargetAssignmentMetadataKey {
  return { groupId: "" };
}

function writeShareGroupTargetAssignmentMetadataKey(w: Writer, v: ShareGroupTargetAssignmentMetadataKeyInput, version: number): void {
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  w.string(nonNull(v_groupId, "ShareGroupTargetAssignmentMetadataKey", "groupId", version));
}

function readShareGroupTargetAssignmentMetadataKey(r: Reader, version: number): ShareGroupTargetAssignmentMetadataKey {
  const f_groupId: string = r.string();
  return { groupId: f_groupId };
}

export function encodeShareGroupTargetAssignmentMetadataKey(w: Writer, value: ShareGroupTargetAssignmentMetadataKeyInput, version: number): void {
  checkVersion("ShareGroupTargetAssignmentMetadataKey", version, 0, 0);
  writeShareGroupTargetAssignmentMetadataKey(w, value, version);
}

export function decodeShareGroupTargetAssignmentMetadataKey(r: Reader, version: number): ShareGroupTargetAssignmentMetadataKey {
  if (version < 0 || version > 0) r.fail(`ShareGroupTargetAssignmentMetadataKey has no version ${version}`);
  return readShareGroupTargetAssignmentMetadataKey(r, version);
}
