// Generated from Kafka's clients/EndTxnRequest.json by packages/protocol/generator. Do not edit.
// request 26, versions 0-5, flexible 3-5
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull } from '../../primitives/codec-support.ts';

export interface EndTxnRequest {
  transactionalId: string; // versions 0+
  producerId: bigint; // versions 0+
  producerEpoch: number; // versions 0+
  committed: boolean; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface EndTxnRequestInput {
  transactionalId: string; // versions 0+
  producerId: bigint; // versions 0+
  producerEpoch: number; // versions 0+
  committed: boolean; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultEndTxnRequest(): EndTxnRequest {
  return { transactionalId: "", producerId: 0n, producerEpoch: 0, committed: false };
}

function writeEndTxnRequest(w: Writer, v: EndTxnRequestInput, version: number): void {
  const v_transactionalId = v.transactionalId === undefined ? "" : v.transactionalId;
  if (version >= 3) w.compactString(nonNull(v_transactionalId, "EndTxnRequest", "transactionalId", version));
  else w.string(nonNull(v_transactionalId, "EndTxnRequest", "transactionalId", version));
  const v_producerId = v.producerId === undefined ? 0n : v.producerId;
  w.int64(v_producerId);
  const v_producerEpoch = v.producerEpoch === undefined ? 0 : v.producerEpoch;
  w.int16(v_producerEpoch);
  const v_committed = v.committed === undefined ? false : v.committed;
  w.bool(v_committed);
  if (version >= 3) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readEndTxnRequest(r: Reader, version: number): EndTxnRequest {
  const f_transactionalId: string = (version >= 3 ? r.compactString() : r.string());
  const f_producerId: bigint = r.int64();
  const f_producerEpoch: number = r.int16();
  const f_committed: boolean = r.bool();
  let unknown: TaggedField[] | undefined;
  if (version >= 3) {
    unknown = r.taggedFields(null);
  }
  const value: EndTxnRequest = { transactionalId: f_transactionalId, producerId: f_producerId, producerEpoch: f_producerEpoch, committed: f_committed };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeEndTxnRequest(w: Writer, value: EndTxnRequestInput, version: number): void {
  checkVersion("EndTxnRequest", version, 0, 5);
  writeEndTxnRequest(w, value, version);
}

export function decodeEndTxnRequest(r: Reader, version: number): EndTxnRequest {
  if (version < 0 || version > 5) r.fail(`EndTxnRequest has no version ${version}`);
  return readEndTxnRequest(r, version);
}
