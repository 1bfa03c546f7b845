// Generated from Kafka's clients/AddOffsetsToTxnRequest.json by packages/protocol/generator. Do not edit.
// request 25, versions 0-4, flexible 3-4
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull } from '../../primitives/codec-support.ts';

export interface AddOffsetsToTxnRequest {
  transactionalId: string; // versions 0+
  producerId: bigint; // versions 0+
  producerEpoch: number; // versions 0+
  groupId: string; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AddOffsetsToTxnRequestInput {
  transactionalId: string; // versions 0+
  producerId: bigint; // versions 0+
  producerEpoch: number; // versions 0+
  groupId: string; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAddOffsetsToTxnRequest(): AddOffsetsToTxnRequest {
  return { transactionalId: "", producerId: 0n, producerEpoch: 0, groupId: "" };
}

function writeAddOffsetsToTxnRequest(w: Writer, v: AddOffsetsToTxnRequestInput, version: number): void {
  const v_transactionalId = v.transactionalId === undefined ? "" : v.transactionalId;
  if (version >= 3) w.compactString(nonNull(v_transactionalId, "AddOffsetsToTxnRequest", "transactionalId", version));
  else w.string(nonNull(v_transactionalId, "AddOffsetsToTxnRequest", "transactionalId", version));
  const v_producerId = v.producerId === undefined ? 0n : v.producerId;
  w.int64(v_producerId);
  const v_producerEpoch = v.producerEpoch === undefined ? 0 : v.producerEpoch;
  w.int16(v_producerEpoch);
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  if (version >= 3) w.compactString(nonNull(v_groupId, "AddOffsetsToTxnRequest", "groupId", version));
  else w.string(nonNull(v_groupId, "AddOffsetsToTxnRequest", "groupId", version));
  if (version >= 3) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readAddOffsetsToTxnRequest(r: Reader, version: number): AddOffsetsToTxnRequest {
  const f_transactionalId: string = (version >= 3 ? r.compactString() : r.string());
  const f_producerId: bigint = r.int64();
  const f_producerEpoch: number = r.int16();
  const f_groupId: string = (version >= 3 ? r.compactString() : r.string());
  let unknown: TaggedField[] | undefined;
  if (version >= 3) {
    unknown = r.taggedFields(null);
  }
  const value: AddOffsetsToTxnRequest = { transactionalId: f_transactionalId, producerId: f_producerId, producerEpoch: f_producerEpoch, groupId: f_groupId };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeAddOffsetsToTxnRequest(w: Writer, value: AddOffsetsToTxnRequestInput, version: number): void {
  checkVersion("AddOffsetsToTxnRequest", version, 0, 4);
  writeAddOffsetsToTxnRequest(w, value, version);
}

export function decodeAddOffsetsToTxnRequest(r: Reader, version: number): AddOffsetsToTxnRequest {
  if (version < 0 || version > 4) r.fail(`AddOffsetsToTxnRequest has no version ${version}`);
  return readAddOffsetsToTxnRequest(r, version);
}
