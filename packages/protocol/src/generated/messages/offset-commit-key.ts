// Generated from Kafka's group-coordinator/OffsetCommitKey.json by packages/protocol/generator. Do not edit.
// coordinator-key 1, versions 0, flexible none
/* eslint-disable */
import { type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull } from '../../primitives/codec-support.ts';

export interface OffsetCommitKey {
  group: string; // versions 0
  topic: string; // versions 0
  partition: number; // versions 0
}

export interface OffsetCommitKeyInput {
  group: string; // versions 0
  topic: string; // versions 0
  partition: number; // versions 0
}

export function defaultOffsetCommitKey(): OffsetCommitKey {
  return { group: "", topic: "", partition: 0 };
}

function writeOffsetCommitKey(w: Writer, v: OffsetCommitKeyInput, version: number): void {
  const v_group = v.group === undefined ? "" : v.group;
  w.string(nonNull(v_group, "OffsetCommitKey", "group", version));
  const v_topic = v.topic === undefined ? "" : v.topic;
  w.string(nonNull(v_topic, "OffsetCommitKey", "topic", version));
  const v_partition = v.partition === undefined ? 0 : v.partition;
  w.int32(v_partition);
}

function readOffsetCommitKey(r: Reader, version: number): OffsetCommitKey {
  const f_group: string = r.string();
  const f_topic: string = r.string();
  const f_partition: number = r.int32();
  return { group: f_group, topic: f_topic, partition: f_partition };
}

export function encodeOffsetCommitKey(w: Writer, value: OffsetCommitKeyInput, version: number): void {
  checkVersion("OffsetCommitKey", version, 0, 0);
  writeOffsetCommitKey(w, value, version);
}

export function decodeOffsetCommitKey(r: Reader, version: number): OffsetCommitKey {
  if (version < 0 || version > 0) r.fail(`OffsetCommitKey has no version ${version}`);
  return readOffsetCommitKey(r, version);
}
