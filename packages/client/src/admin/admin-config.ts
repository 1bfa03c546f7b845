/** The admin client's options: the common client options and the admin's own. */
import { commonOptions } from '../network/common-config.ts';
import { type OptionsOf, opt } from '../options.ts';

export const adminOptions = {
  ...commonOptions,
  defaultApiTimeoutMs: opt.int(60_000, 'default.api.timeout.ms', 'Time limit of each admin call (retries included) without its own timeoutMs', { min: 1 }),
} as const;

export type AdminOptions = OptionsOf<typeof adminOptions>;
