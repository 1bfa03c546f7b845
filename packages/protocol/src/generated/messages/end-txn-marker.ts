// Generated from Kafka's clients/EndTxnMarker.json by packages/protocol/generator. Do not edit.
// data, versions 0, flexible none
/* eslint-disable */
import { type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion } from '../../primitives/codec-support.ts';

export interface EndTxnMarker {
  coordinatorEpoch: number; // versions 0+
}

export interface EndTxnMarkerInput {
  coordinatorEpoch: number; // versions 0+
}

export function defaultEndTxnMarker(): EndTxnMarker {
  return { coordinatorEpoch: 0 };
}

function writeEndTxnMarker(w: Writer, v: EndTxnMarkerInput, version: number): void {
  const v_coordinatorEpoch = v.coordinatorEpoch === undefined ? 0 : v.coordinatorEpoch;
  w.int32(v_coordinatorEpoch);
}

function readEndTxnMarker(r: Reader, version: number): EndTxnMarker {
  const f_coordinatorEpoch: number = r.int32();
  return { coordinatorEpoch: f_coordinatorEpoch };
}

export function encodeEndTxnMarker(w: Writer, value: EndTxnMarkerInput, version: number): void {
  checkVersion("EndTxnMarker", version, 0, 0);
  writeEndTxnMarker(w, value, version);
}

export function decodeEndTxnMarker(r: Reader, version: number): EndTxnMarker {
  if (version < 0 || version > 0) r.fail(`EndTxnMarker has no version ${version}`);
  return readEndTxnMarker(r, version);
}
