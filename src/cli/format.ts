/** Output formats shared by the commands: JSON and CSV of area reports. */
import { UsageError } from './io';

/**
 * A command's --format.
 */
export type Format = 'json' | 'csv' | 'geojson';

/**
 * The --format asked for, if the command has it (else a UsageError that lists the ones it has).
 */
export function checkFormat(value: string | undefined, allowed: readonly Format[], fallback: Format): Format {
  const f = (value ?? fallback) as Format;
  if (!allowed.includes(f)) throw new UsageError(`--format must be one of ${allowed.join(', ')}, not "${value}"`);
  return f;
}
