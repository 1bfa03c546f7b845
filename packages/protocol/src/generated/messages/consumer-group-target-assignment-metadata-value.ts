// Generated from Kafka's group-coordinator/ConsumerGroupTargetAssignmentMetadataValue.json by packages/protocol/generator. Do not edit.
// coordinator-value 6, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, taggedValue } from '../../primitives/codec-support.ts';

export interface ConsumerGroupTargetAssignmentMetadataValue {
  assignmentEpoch: number; // versions 0+
  assignmentTimestamp: bigint; // versions 0+, tag 0 in 0+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupTargetAssignmentMetadataValueInput {
  assignmentEpoch: number; // versions 0+
  assignmentTimestamp?: bigint; // versions 0+, tag 0 in 0+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export function defaultConsumerGroupTargetAssignmentMetadataValue(): ConsumerGroupTargetAssignmentMetadataValue {
  return { assignmentEpoch: 0, assignmentTimestamp: 0n };
}

function writeConsumerGroupTargetAssignmentMetadataValue(w: Writer, v: ConsumerGroupTargetAssignmentMetadataValueInput, version: number): void {
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

function readConsumerGroupTargetAssignmentMetadataValue(r: Reader, version: number): ConsumerGroupTargetAssignmentMetadataValue {
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
  const value: ConsumerGroupTargetAssignmentMetadataValue = { assignmentEpoch: f_assignmentEpoch, assignmentTimestamp: f_assignmentTimestamp };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeConsumerGroupTargetAssignmentMetadataValue(w: Writer, value: ConsumerGroupTargetAssignmentMetadataValueInput, version: number): void {
  checkVersion("ConsumerGroupTargetAssignmentMetadataValue", version, 0, 0);
  writeConsumerGroupTargetAssignmentMetadataValue(w, value, version);
}

export function decodeConsumerGroupTargetAssignmentMetadataValue(r: Reader, version: number): ConsumerGroupTargetAssignmentMetadataValue {
  if (version < 0 || version > 0) r.fail(`ConsumerGroupTargetAssignmentMetadataValue has no version ${version}`);
  return readConsumerGroupTargetAssignmentMetadataValue(r, version);
}
