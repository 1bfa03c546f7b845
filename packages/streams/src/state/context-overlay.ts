/**
 * A store layer that must change what the layers below it see of the context (the restore
 * callback they register, the record context a flushed cache entry was written in) hands them
 * an overlay: the overridden members, everything else delegated to the task's context.
 */
import type { StateStoreContext } from './api.ts';

export function overlayContext(context: StateStoreContext, overrides: Partial<StateStoreContext>): StateStoreContext {
  return Object.assign(Object.create(context) as StateStoreContext, overrides);
}
