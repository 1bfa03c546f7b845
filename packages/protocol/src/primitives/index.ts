export { Reader, type TaggedField } from './reader.js';
export { Writer } from './writer.js';
export { DecodeError, EncodeError, UnsupportedFieldVersionError, ProtocolErrorCode } from './errors.js';
export { ZERO_UUID, isValidUuid, uuidToBytes, uuidFromBytes, randomUuid, uuidToHex } from './uuid.js';
