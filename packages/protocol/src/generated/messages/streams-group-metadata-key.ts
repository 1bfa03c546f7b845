// Generated from Kafka's group-coordinator/StreamsGroupMetadataKey.json by packages/protocol/generator. Do not edit.
// coordinator-key 17, versions 0, flexible none
/* eslint-disable */
import { type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull } from '../../primitives/codec-support.ts';

export interface StreamsGroupMetadataKey {
  groupId: string; // versions 0
}

export interface StreamsGroupMetadataKeyInput {
  groupId: string; // versions 0
}

export function defaultStreamsGroupMetadataKey(): StreamsGroupMetadataKey {
  return { groupId: "" };
}

function writeStreamsGroupMetadataKey(w: Writer, v: StreamsGroupMetadataKeyInput, version: number): void {
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  w.string(nonNull(v_groupId, "StreamsGroupMetadataKey", "groupId", version));
}

function readStreamsGroupMetadataKey(r: Reader, version: number): StreamsGroupMetadataKey {
  const f_groupId: string = r.string();
  return { groupId: f_groupId };
}

export function encodeStreamsGroupMetadataKey(w: Writer, value: StreamsGroupMetadataKeyInput, version: number): void {
  checkVersion("StreamsGroupMetadataKey", version, 0, 0);
  writeStreamsGroupMetadataKey(w, value, version);
}

export function decodeStreamsGroupMetadataKey(r: Reader, version: number): StreamsGroupMetadataKey {
  if (version < 0 || version > 0) r.fail(`StreamsGroupMetadataKey has no version ${version}`);
  return readStreamsGroupMetadataKey(r, version);
}
