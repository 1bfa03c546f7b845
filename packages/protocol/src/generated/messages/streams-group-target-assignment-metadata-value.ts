// Generated from Kafka's group-coordinator/StreamsGroupTargetAssignmentMetadataValue.json by packages/protocol/generator. Do not edit.
// coordinator-value 20, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, taggedValue } from '../../primitives/codec-support.ts';

export interface StreamsGroupTargetAssignmentMetadataValue {
  assignmentEpoch: number; // versions 0+
  assignmentTimestamp: bigint; // versions 0+, tag 0 in 0+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupTargetAssignmentMetadataValueInput {
  assignmentEpoch: number; // versions 0+
  assignmentTimestamp?: bigint; // versions 0+, tag 0 in 0+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export function defaultStreamsGroupTargetAssignmentMetadataValue(): StreamsGroupTargetAssignmentMetadataValue {
  return { assignmentEpoch: 0, assignmentTimestamp: 0n };
}

function writeStreamsGroupTargetAssignmentMetadataValue(w: Writer, v: StreamsGroupTargetAssignmentMetadataValueInput, version: number): void {
  const v_assignmentEpoch = v.assignmentEpoch === undefined ? 0 : v.assignmentEpoch;
  w.int32(v_assignmentEpoch);
  let tagged = v._unknownTaggedFields?.slice();
  if (v.assignmentTimestamp !== undefined && v.assignmentTimestamp !== 0n) {
    const x = v.assignmentTimestamp!;
    (tagged ??= []).push(taggedValue(0, (tw) => {
      tw.int64(x);
    }));
  }
  w.taggedFields(tagged);
}

function readStreamsGroupTargetAssignmentMetadataValue(r: Reader, version: number): StreamsGroupTargetAssignmentMetadataValue {
  const f_assignmentEpoch: number = r.int32();
  let f_assignmentTimestamp: bigint = 0n;
  const unknown = r.taggedFields((tag, tr) => {
    switch (tag) {
      case 0:
        f_assignmentTimestamp = tr.int64();
        return true;
      default:
        return false;
    }
  });
  const value: StreamsGroupTargetAssignmentMetadataValue = { assignmentEpoch: f_assignmentEpoch, assignmentTimestamp: f_assignmentTimestamp };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeStreamsGroupTargetAssignmentMetadataValue(w: Writer, value: StreamsGroupTargetAssignmentMetadataValueInput, version: number): void {
  checkVersion("StreamsGroupTargetAssignmentMetadataValue", version, 0, 0);
  writeStreamsGroupTargetAssignmentMetadataValue(w, value, version);
}

export function decodeStreamsGroupTargetAssignmentMetadataValue(r: Reader, version: number): StreamsGroupTargetAssignmentMetadataValue {
  if (version < 0 || version > 0) r.fail(`StreamsGroupTargetAssignmentMetadataValue has no version ${version}`);
  return readStreamsGroupTargetAssignmentMetadataValue(r, version);
}
