// Generated from Kafka's group-coordinator/StreamsGroupTargetAssignmentMemberValue.json by packages/protocol/generator. Do not edit.
// coordinator-value 21, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readInt32, readNullableArray, writeArray, writeInt32 } from '../../primitives/codec-support.ts';

export interface StreamsGroupTargetAssignmentMemberValue {
  activeTasks: StreamsGroupTargetAssignmentMemberValueTaskIds[]; // versions 0+
  standbyTasks: StreamsGroupTargetAssignmentMemberValueTaskIds[]; // versions 0+
  warmupTasks: StreamsGroupTargetAssignmentMemberValueTaskIds[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupTargetAssignmentMemberValueInput {
  activeTasks: readonly StreamsGroupTargetAssignmentMemberValueTaskIdsInput[]; // versions 0+
  standbyTasks: readonly StreamsGroupTargetAssignmentMemberValueTaskIdsInput[]; // versions 0+
  warmupTasks: readonly StreamsGroupTargetAssignmentMemberValueTaskIdsInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupTargetAssignmentMemberValueTaskIds {
  subtopologyId: string; // versions 0+
  partitions: number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupTargetAssignmentMemberValueTaskIdsInput {
  subtopologyId: string; // versions 0+
  partitions: readonly number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultStreamsGroupTargetAssignmentMemberValue(): StreamsGroupTargetAssignmentMemberValue {
  return { activeTasks: [], standbyTasks: [], warmupTasks: [] };
}

export function defaultStreamsGroupTargetAssignmentMemberValueTaskIds(): StreamsGroupTargetAssignmentMemberValueTaskIds {
  return { subtopologyId: "", partitions: [] };
}

function writeStreamsGroupTargetAssignmentMemberValue(w: Writer, v: StreamsGroupTargetAssignmentMemberValueInput, version: number): void {
  const v_activeTasks = v.activeTasks === undefined ? [] : v.activeTasks;
  writeArray(w, true, nonNull(v_activeTasks, "StreamsGroupTargetAssignmentMemberValue", "activeTasks", version), (ew, e) => writeStreamsGroupTargetAssignmentMemberValueTaskIds(ew, e, version));
  const v_standbyTasks = v.standbyTasks === undefined ? [] : v.standbyTasks;
  writeArray(w, true, nonNull(v_standbyTasks, "StreamsGroupTargetAssignmentMemberValue", "standbyTasks", version), (ew, e) => writeStreamsGroupTargetAssignmentMemberValueTaskIds(ew, e, version));
  const v_warmupTasks = v.warmupTasks === undefined ? [] : v.warmupTasks;
  writeArray(w, true, nonNull(v_warmupTasks, "StreamsGroupTargetAssignmentMemberValue", "warmupTasks", version), (ew, e) => writeStreamsGroupTargetAssignmentMemberValueTaskIds(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readStreamsGroupTargetAssignmentMemberValue(r: Reader, version: number): StreamsGroupTargetAssignmentMemberValue {
  const f_activeTasks: StreamsGroupTargetAssignmentMemberValueTaskIds[] = readArray(r, true, 2, (er) => readStreamsGroupTargetAssignmentMemberValueTaskIds(er, version));
  const f_standbyTasks: StreamsGroupTargetAssignmentMemberValueTaskIds[] = readArray(r, true, 2, (er) => readStreamsGroupTargetAssignmentMemberValueTaskIds(er, version));
  const f_warmupTasks: StreamsGroupTargetAssignmentMemberValueTaskIds[] = readArray(r, true, 2, (er) => readStreamsGroupTargetAssignmentMemberValueTaskIds(er, version));
  const unknown = r.taggedFields(null);
  const value: StreamsGroupTargetAssignmentMemberValue = { activeTasks: f_activeTasks, standbyTasks: f_standbyTasks, warmupTasks: f_warmupTasks };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeStreamsGroupTargetAssignmentMemberValueTaskIds(w: Writer, v: StreamsGroupTargetAssignmentMemberValueTaskIdsInput, version: number): void {
  const v_subtopologyId = v.subtopologyId === undefined ? "" : v.subtopologyId;
  w.compactString(nonNull(v_subtopologyId, "StreamsGroupTargetAssignmentMemberValue", "subtopologyId", version));
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "StreamsGroupTargetAssignmentMemberValue", "partitions", version), writeInt32);
  w.taggedFields(v._unknownTaggedFields);
}

function readStreamsGroupTargetAssignmentMemberValueTaskIds(r: Reader, version: number): StreamsGroupTargetAssignmentMemberValueTaskIds {
  const f_subtopologyId: string = r.compactString();
  const f_partitions: number[] = readArray(r, true, 4, readInt32);
  const unknown = r.taggedFields(null);
  const value: StreamsGroupTargetAssignmentMemberValueTaskIds = { subtopologyId: f_subtopologyId, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeStreamsGroupTargetAssignmentMemberValue(w: Writer, value: StreamsGroupTargetAssignmentMemberValueInput, version: number): void {
  checkVersion("StreamsGroupTargetAssignmentMemberValue", version, 0, 0);
  writeStreamsGroupTargetAssignmentMemberValue(w, value, version);
}

export function decodeStreamsGroupTargetAssignmentMemberValue(r: Reader, version: number): StreamsGroupTargetAssignmentMemberValue {
  if (version < 0 || version > 0) r.fail(`StreamsGroupTargetAssignmentMemberValue has no version ${version}`);
  return readStreamsGroupTargetAssignmentMemberValue(r, version);
}
