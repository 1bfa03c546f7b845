export * from './primitives/index.js';
export * from './generated/index.js';
export * from './headers.js';
export * from './framing.js';
export * from './messages.js';
