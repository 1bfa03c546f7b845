// Generated from Kafka's group-coordinator/ShareGroupTargetAssignmentMetadataValue.json by packages/protocol/generator. Do not edit.
// coordinator-value 12, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, taggedValue } from '../../primitives/codec-support.ts';

export interface ShareGroupTargetAssignmentMetadataValue {
  assignmentEpoch: number; // versions 0+
  assignmentTimestamp: bigint; // versions 0+, tag 0 in 0+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareGroupTargetAssignmentMetadataValueInput {
  assignmentEpoch: number; // versions 0+
  assignmentTimestamp?: bigint; // versions 0+, tag 0 in 0+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export function defaultShareGroupTargetAssignmentMetadataValue(): ShareGroupTargetAssignmentMetadataValue {
  return { assignmentEpoch: 0, assignmentTimestamp: 0n };
}

function writeShareGroupTargetAssignmentMetadataValue(w: Writer, v: ShareGroupTargetAssignmentMetadataValueInput, version: number): void {
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

function readShareGroupTargetAssignmentMetadataValue(r: Reader, version: number): ShareGroupTargetAssignmentMetadataValue {
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
  const value: ShareGroupTargetAssignmentMetadataValue = { assignmentEpoch: f_assignmentEpoch, assignmentTimestamp: f_assignmentTimestamp };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeShareGroupTargetAssignmentMetadataValue(w: Writer, value: ShareGroupTargetAssignmentMetadataValueInput, version: number): void {
  checkVersion("ShareGroupTargetAssignmentMetadataValue", version, 0, 0);
  writeShareGroupTargetAssignmentMetadataValue(w, value, version);
}

export function decodeShareGroupTargetAssignmentMetadataValue(r: Reader, version: number): ShareGroupTargetAssignmentMetadataValue {
  if (version < 0 || version > 0) r.fail(`ShareGroupTargetAssignmentMetadataValue has no version ${version}`);
  return readShareGroupTargetAssignmentMetadataValue(r, version);
}
