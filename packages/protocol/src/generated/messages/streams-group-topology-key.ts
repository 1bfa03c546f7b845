// Generated from Kafka's group-coordinator/StreamsGroupTopologyKey.json by packages/protocol/generator. Do not edit.
// coordinator-key 23, versions 0, flexible none
/* eslint-disable */
import { type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull } from '../../primitives/codec-support.ts';

export interface StreamsGroupTopologyKey {
  groupId: string; // versions 0
}

export interface StreamsGroupTopologyKeyInput {
  groupId: string; // versions 0
}

export function defaultStreamsGroupTopologyKey(): StreamsGroupTopologyKey {
  return { groupId: "" };
}

function writeStreamsGroupTopologyKey(w: Writer, v: StreamsGroupTopologyKeyInput, version: number): void {
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  w.string(nonNull(v_groupId, "StreamsGroupTopologyKey", "groupId", version));
}

function readStreamsGroupTopologyKey(r: Reader, version: number): StreamsGroupTopologyKey {
  const f_groupId: string = r.string();
  return { groupId: f_groupId };
}

export function encodeStreamsGroupTopologyKey(w: Writer, value: StreamsGroupTopologyKeyInput, version: number): void {
  checkVersion("StreamsGroupTopologyKey", version, 0, 0);
  writeStreamsGroupTopologyKey(w, value, version);
}

export function decodeStreamsGroupTopologyKey(r: Reader, version: number): StreamsGroupTopologyKey {
  if (version < 0 || version > 0) r.fail(`StreamsGroupTopologyKey has no version ${version}`);
  return readStreamsGroupTopologyKey(r, version);
}
