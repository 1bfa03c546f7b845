// Generated from Kafka's group-coordinator/StreamsGroupTargetAssignmentMetadataKey.json by packages/protocol/generator. Do not edit.
// coordinator-key 20, versions 0, flexible none
/* eslint-disable */
import { type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull } from '../../primitives/codec-support.ts';

export interface StreamsGroupTargetAssignmentMetadataKey {
  groupId: string; // versions 0
}

export interface StreamsGroupTargetAssignmentMetadataKeyInput {
  groupId: string; // versions 0
}

export function defaultStreamsGroupTargetAssignmentMetadataKey(): StreamsGroupTargetAssignmentMetadataKey {
  return { groupId: "" };
}

function writeStreamsGroupTargetAssignmentMetadataKey(w: Writer, v: StreamsGroupTargetAssignmentMetadataKeyInput, version: number): void {
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  w.string(nonNull(v_groupId, "StreamsGroupTargetAssignmentMetadataKey", "groupId", version));
}

function readStreamsGroupTargetAssignmentMetadataKey(r: Reader, version: number): StreamsGroupTargetAssignmentMetadataKey {
  const f_groupId: string = r.string();
  return { groupId: f_groupId };
}

export function encodeStreamsGroupTargetAssignmentMetadataKey(w: Writer, value: StreamsGroupTargetAssignmentMetadataKeyInput, version: number): void {
  checkVersion("StreamsGroupTargetAssignmentMetadataKey", version, 0, 0);
  writeStreamsGroupTargetAssignmentMetadataKey(w, value, version);
}

export function decodeStreamsGroupTargetAssignmentMetadataKey(r: Reader, version: number): StreamsGroupTargetAssignmentMetadataKey {
  if (version < 0 || version > 0) r.fail(`StreamsGroupTargetAssignmentMetadataKey has no version ${version}`);
  return readStreamsGroupTargetAssignmentMetadataKey(r, version);
}
