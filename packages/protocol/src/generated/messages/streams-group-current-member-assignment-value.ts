// Generated from Kafka's group-coordinator/StreamsGroupCurrentMemberAssignmentValue.json by packages/protocol/generator. Do not edit.
// coordinator-value 22, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readInt32, readNullableArray, taggedValue, writeArray, writeInt32, writeNullableArray } from '../../primitives/codec-support.ts';

export interface StreamsGroupCurrentMemberAssignmentValue {
  memberEpoch: number; // versions 0+
  previousMemberEpoch: number; // versions 0+
  state: number; // versions 0+
  activeTasks: StreamsGroupCurrentMemberAssignmentValueTaskIds[]; // versions 0+
  standbyTasks: StreamsGroupCurrentMemberAssignmentValueTaskIds[]; // versions 0+
  warmupTasks: StreamsGroupCurrentMemberAssignmentValueTaskIds[]; // versions 0+
  activeTasksPendingRevocation: StreamsGroupCurrentMemberAssignmentValueTaskIds[]; // versions 0+
  standbyTasksPendingRevocation: StreamsGroupCurrentMemberAssignmentValueTaskIds[]; // versions 0+
  warmupTasksPendingRevocation: StreamsGroupCurrentMemberAssignmentValueTaskIds[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupCurrentMemberAssignmentValueInput {
  memberEpoch: number; // versions 0+
  previousMemberEpoch: number; // versions 0+
  state: number; // versions 0+
  activeTasks: readonly StreamsGroupCurrentMemberAssignmentValueTaskIdsInput[]; // versions 0+
  standbyTasks: readonly StreamsGroupCurrentMemberAssignmentValueTaskIdsInput[]; // versions 0+
  warmupTasks: readonly StreamsGroupCurrentMemberAssignmentValueTaskIdsInput[]; // versions 0+
  activeTasksPendingRevocation: readonly StreamsGroupCurrentMemberAssignmentValueTaskIdsInput[]; // versions 0+
  standbyTasksPendingRevocation: readonly StreamsGroupCurrentMemberAssignmentValueTaskIdsInput[]; // versions 0+
  warmupTasksPendingRevocation: readonly StreamsGroupCurrentMemberAssignmentValueTaskIdsInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupCurrentMemberAssignmentValueTaskIds {
  subtopologyId: string; // versions 0+
  partitions: number[]; // versions 0+
  assignmentEpochs: number[] | null; // versions 0+, tag 0 in 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupCurrentMemberAssignmentValueTaskIdsInput {
  subtopologyId: string; // versions 0+
  partitions: readonly number[]; // versions 0+
  assignmentEpochs?: readonly number[] | null; // versions 0+, tag 0 in 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultStreamsGroupCurrentMemberAssignmentValue(): StreamsGroupCurrentMemberAssignmentValue {
  return { memberEpoch: 0, previousMemberEpoch: 0, state: 0, activeTasks: [], standbyTasks: [], warmupTasks: [], activeTasksPendingRevocation: [], standbyTasksPendingRevocation: [], warmupTasksPendingRevocation: [] };
}

export function defaultStreamsGroupCurrentMemberAssignmentValueTaskIds(): StreamsGroupCurrentMemberAssignmentValueTaskIds {
  return { subtopologyId: "", partitions: [], assignmentEpochs: null };
}

function writeStreamsGroupCurrentMemberAssignmentValue(w: Writer, v: StreamsGroupCurrentMemberAssignmentValueInput, version: number): void {
  const v_memberEpoch = v.memberEpoch === undefined ? 0 : v.memberEpoch;
  w.int32(v_memberEpoch);
  const v_previousMemberEpoch = v.previousMemberEpoch === undefined ? 0 : v.previousMemberEpoch;
  w.int32(v_previousMemberEpoch);
  const v_state = v.state === undefined ? 0 : v.state;
  w.int8(v_state);
  const v_activeTasks = v.activeTasks === undefined ? [] : v.activeTasks;
  writeArray(w, true, nonNull(v_activeTasks, "StreamsGroupCurrentMemberAssignmentValue", "activeTasks", version), (ew, e) => writeStreamsGroupCurrentMemberAssignmentValueTaskIds(ew, e, version));
  const v_standbyTasks = v.standbyTasks === undefined ? [] : v.standbyTasks;
  writeArray(w, true, nonNull(v_standbyTasks, "StreamsGroupCurrentMemberAssignmentValue", "standbyTasks", version), (ew, e) => writeStreamsGroupCurrentMemberAssignmentValueTaskIds(ew, e, version));
  const v_warmupTasks = v.warmupTasks === undefined ? [] : v.warmupTasks;
  writeArray(w, true, nonNull(v_warmupTasks, "StreamsGroupCurrentMemberAssignmentValue", "warmupTasks", version), (ew, e) => writeStreamsGroupCurrentMemberAssignmentValueTaskIds(ew, e, version));
  const v_activeTasksPendingRevocation = v.activeTasksPendingRevocation === undefined ? [] : v.activeTasksPendingRevocation;
  writeArray(w, true, nonNull(v_activeTasksPendingRevocation, "StreamsGroupCurrentMemberAssignmentValue", "activeTasksPendingRevocation", version), (ew, e) => writeStreamsGroupCurrentMemberAssignmentValueTaskIds(ew, e, version));
  const v_standbyTasksPendingRevocation = v.standbyTasksPendingRevocation === undefined ? [] : v.standbyTasksPendingRevocation;
  writeArray(w, true, nonNull(v_standbyTasksPendingRevocation, "StreamsGroupCurrentMemberAssignmentValue", "standbyTasksPendingRevocation", version), (ew, e) => writeStreamsGroupCurrentMemberAssignmentValueTaskIds(ew, e, version));
  const v_warmupTasksPendingRevocation = v.warmupTasksPendingRevocation === undefined ? [] : v.warmupTasksPendingRevocation;
  writeArray(w, true, nonNull(v_warmupTasksPendingRevocation, "StreamsGroupCurrentMemberAssignmentValue", "warmupTasksPendingRevocation", version), (ew, e) => writeStreamsGroupCurrentMemberAssignmentValueTaskIds(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readStreamsGroupCurrentMemberAssignmentValue(r: Reader, version: number): StreamsGroupCurrentMemberAssignmentValue {
  const f_memberEpoch: number = r.int32();
  const f_previousMemberEpoch: number = r.int32();
  const f_state: number = r.int8();
  const f_activeTasks: StreamsGroupCurrentMemberAssignmentValueTaskIds[] = readArray(r, true, 2, (er) => readStreamsGroupCurrentMemberAssignmentValueTaskIds(er, version));
  const f_standbyTasks: StreamsGroupCurrentMemberAssignmentValueTaskIds[] = readArray(r, true, 2, (er) => readStreamsGroupCurrentMemberAssignmentValueTaskIds(er, version));
  const f_warmupTasks: StreamsGroupCurrentMemberAssignmentValueTaskIds[] = readArray(r, true, 2, (er) => readStreamsGroupCurrentMemberAssignmentValueTaskIds(er, version));
  const f_activeTasksPendingRevocation: StreamsGroupCurrentMemberAssignmentValueTaskIds[] = readArray(r, true, 2, (er) => readStreamsGroupCurrentMemberAssignmentValueTaskIds(er, version));
  const f_standbyTasksPendingRevocation: StreamsGroupCurrentMemberAssignmentValueTaskIds[] = readArray(r, true, 2, (er) => readStreamsGroupCurrentMemberAssignmentValueTaskIds(er, version));
  const f_warmupTasksPendingRevocation: StreamsGroupCurrentMemberAssignmentValueTaskIds[] = readArray(r, true, 2, (er) => readStreamsGroupCurrentMemberAssignmentValueTaskIds(er, version));
  const unknown = r.taggedFields(null);
  const value: StreamsGroupCurrentMemberAssignmentValue = { memberEpoch: f_memberEpoch, previousMemberEpoch: f_previousMemberEpoch, state: f_state, activeTasks: f_activeTasks, standbyTasks: f_standbyTasks, warmupTasks: f_warmupTasks, activeTasksPendingRevocation: f_activeTasksPendingRevocation, standbyTasksPendingRevocation: f_standbyTasksPendingRevocation, warmupTasksPendingRevocation: f_warmupTasksPendingRevocation };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeStreamsGroupCurrentMemberAssignmentValueTaskIds(w: Writer, v: StreamsGroupCurrentMemberAssignmentValueTaskIdsInput, version: number): void {
  const v_subtopologyId = v.subtopologyId === undefined ? "" : v.subtopologyId;
  w.compactString(nonNull(v_subtopologyId, "StreamsGroupCurrentMemberAssignmentValue", "subtopologyId", version));
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "StreamsGroupCurrentMemberAssignmentValue", "partitions", version), writeInt32);
  let tagged = v._unknownTaggedFields?.slice();
  if (v.assignmentEpochs != null) {
    const x = v.assignmentEpochs!;
    (tagged ??= []).push(taggedValue(0, (tw) => {
      writeNullableArray(tw, true, x, writeInt32);
    }));
  }
  w.taggedFields(tagged);
}

function readStreamsGroupCurrentMemberAssignmentValueTaskIds(r: Reader, version: number): StreamsGroupCurrentMemberAssignmentValueTaskIds {
  const f_subtopologyId: string = r.compactString();
  const f_partitions: number[] = readArray(r, true, 4, readInt32);
  let f_assignmentEpochs: number[] | null = null;
  const unknown = r.taggedFields((tag, tr) => {
    switch (tag) {
      case 0:
        f_assignmentEpochs = readNullableArray(tr, true, 4, readInt32);
        return true;
      default:
        return false;
    }
  });
  const value: StreamsGroupCurrentMemberAssignmentValueTaskIds = { subtopologyId: f_subtopologyId, partitions: f_partitions, assignmentEpochs: f_assignmentEpochs };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeStreamsGroupCurrentMemberAssignmentValue(w: Writer, value: StreamsGroupCurrentMemberAssignmentValueInput, version: number): void {
  checkVersion("StreamsGroupCurrentMemberAssignmentValue", version, 0, 0);
  writeStreamsGroupCurrentMemberAssignmentValue(w, value, version);
}

export function decodeStreamsGroupCurrentMemberAssignmentValue(r: Reader, version: number): StreamsGroupCurrentMemberAssignmentValue {
  if (version < 0 || version > 0) r.fail(`StreamsGroupCurrentMemberAssignmentValue has no version ${version}`);
  return readStreamsGroupCurrentMemberAssignmentValue(r, version);
}
