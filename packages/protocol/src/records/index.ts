export * from './batch-header.js';
export * from './record.js';
export * from './batch-builder.js';
export * from './batch.js';
export * from './validate.js';
export * from './control.js';
