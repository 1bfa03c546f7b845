/**
 * The client's option tables are defined with @sluice/config (`opt.int(5, 'linger.ms', …)`): the
 * table gives the TypeScript option types, the validation with defaults filled in, and the
 * documentation (docs/configuration.md and the README's tables, from @sluice/config's optionRows),
 * so the three cannot drift apart.
 * Here the problems found become the client's INVALID_ARGUMENT error.
 */
import { type OptionTable, type ResolvedOf, checkOptions, describeValue } from '@sluice/config';
import { ClientErrorCode, KafkaError } from './errors.ts';

export { opt, tuned, type OptionSpec, type OptionTable, type OptionsOf, type ResolvedOf } from '@sluice/config';

/** Validates options against a table, fills defaults, and refuses unknown names (a typo is a bug). */
export function resolveOptions<S extends OptionTable>(table: S, input: object | undefined, component: string): ResolvedOf<S> {
  const { values, problems } = checkOptions(table, input);
  const complaints = problems.flatMap((p) => {
    if (p.kind === 'unknown') return p.value === undefined ? [] : [`unknown option '${p.name}'`];
    if (p.kind === 'required') return [`'${p.name}' is required`];
    return [`'${p.name}' ${p.complaint} (got ${describeValue(p.value)})`];
  });
  if (complaints.length > 0) {
    throw new KafkaError(ClientErrorCode.INVALID_ARGUMENT, `invalid ${component} options: ${complaints.join('; ')}`);
  }
  return values;
}
