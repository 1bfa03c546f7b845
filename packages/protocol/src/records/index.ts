export * from './batch-header.ts';
export * from './record.ts';
export * from './batch-builder.ts';
export * from './batch.ts';
export * from './validate.ts';
export * from './control.ts';
