/**
 * An input the user gave us is wrong. `what` names the file or argument, the
 * message says what is wrong with it; the CLI prints `what: message` and exits 1
 * (or 2 for a usage error), the page shows it and keeps its current view.
 *
 * @example throw new InputError('--date', 'must be YYYY-MM-DD');
 */
export class InputError extends Error {
  /**
   * `problem` names the kind of mistake (and `detail` its particulars) for
   * a page that says it in the reader's language; the message stays English.
   */
  constructor(
    readonly what: string,
    message: string,
    readonly problem?: InputProblem,
    readonly detail: Readonly<Record<string, string | number>> = {},
  ) {
    super(`${what}: ${message}`);
    this.name = 'InputError';
  }
}

/**
 * Mistakes in a file of occupied territory that the page translates (locale keys `upload.problem.*`).
 *
 * @example t(`upload.problem.${(e as InputError).problem}`) // the page's message for it
 */
export type InputProblem =
  | 'not-json'
  | 'not-geojson'
  | 'no-polygons'
  | 'self-crossing'
  | 'not-lonlat'
  | 'outside-ukraine'
  | 'swapped'
  | 'too-large'
  | 'no-occupied'
  | 'bad-coordinates'
  | 'short-ring'
  | 'no-area'
  | 'unclassified'
  | 'bad-date'
  | 'unexpected';
