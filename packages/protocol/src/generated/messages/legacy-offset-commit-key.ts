// Generated from Kafka's group-coordinator/LegacyOffsetCommitKey.json by packages/protocol/generator. Do not edit.
// coordinator-key 0, versions 0, flexible none
/* eslint-disable */
import { type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull } from '../../primitives/codec-support.ts';

export interface LegacyOffsetCommitKey {
  group: string; // versions 0
  topic: string; // versions 0
  partition: number; // versions 0
}

export interface LegacyOffsetCommitKeyInput {
  group: string; // versions 0
  topic: string; // versions 0
  partition: number; // versions 0
}

export function defaultLegacyOffsetCommitKey(): LegacyOffsetCommitKey {
  return { group: "", topic: "", partition: 0 };
}

function writeLegacyOffsetCommitKey(w: Writer, v: LegacyOffsetCommitKeyInput, version: number): void {
  const v_group = v.group === undefined ? "" : v.group;
  w.string(nonNull(v_group, "LegacyOffsetCommitKey", "group", version));
  const v_topic = v.topic === undefined ? "" : v.topic;
  w.string(nonNull(v_topic, "LegacyOffsetCommitKey", "topic", version));
  const v_partition = v.partition === undefined ? 0 : v.partition;
  w.int32(v_partition);
}

function readLegacyOffsetCommitKey(r: Reader, version: number): LegacyOffsetCommitKey {
  const f_group: string = r.string();
  const f_topic: string = r.string();
  const f_partition: number = r.int32();
  return { group: f_group, topic: f_topic, partition: f_partition };
}

export function encodeLegacyOffsetCommitKey(w: Writer, value: LegacyOffsetCommitKeyInput, version: number): void {
  checkVersion("LegacyOffsetCommitKey", version, 0, 0);
  writeLegacyOffsetCommitKey(w, value, version);
}

export function decodeLegacyOffsetCommitKey(r: Reader, version: number): LegacyOffsetCommitKey {
  if (version < 0 || version > 0) r.fail(`LegacyOffsetCommitKey has no version ${version}`);
  return readLegacyOffsetCommitKey(r, version);
}
