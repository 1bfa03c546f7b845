// Generated from Kafka's group-coordinator/GroupMetadataKey.json by packages/protocol/generator. Do not edit.
// coordinator-key 2, versions 0, flexible none
/* eslint-disable */
import { type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull } from '../../primitives/codec-support.ts';

export interface GroupMetadataKey {
  group: string; // versions 0
}

export interface GroupMetadataKeyInput {
  group: string; // versions 0
}

export function defaultGroupMetadataKey(): GroupMetadataKey {
  return { group: "" };
}

function writeGroupMetadataKey(w: Writer, v: GroupMetadataKeyInput, version: number): void {
  const v_group = v.group === undefined ? "" : v.group;
  w.string(nonNull(v_group, "GroupMetadataKey", "group", version));
}

function readGroupMetadataKey(r: Reader, version: number): GroupMetadataKey {
  const f_group: string = r.string();
  return { group: f_group };
}

export function encodeGroupMetadataKey(w: Writer, value: GroupMetadataKeyInput, version: number): void {
  checkVersion("GroupMetadataKey", version, 0, 0);
  writeGroupMetadataKey(w, value, version);
}

export function decodeGroupMetadataKey(r: Reader, version: number): GroupMetadataKey {
  if (version < 0 || version > 0) r.fail(`GroupMetadataKey has no version ${version}`);
  return readGroupMetadataKey(r, version);
}
