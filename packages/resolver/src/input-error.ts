/**
 * The resolver was handed something outside its domain (resolver.md 1): an asOf, competence age, date
 * of birth or statement time it cannot read. It refuses the whole input rather than guess, because a
 * guess (reading a timestamp leniently, or leaving its statement out) silently changes who decides.
 * A RangeError, as a bad argument is; `pointer` is an RFC 6901 JSON Pointer into the resolver's input.
 */
export class ResolverInputError extends RangeError {
  override readonly name = 'ResolverInputError';

  constructor(
    readonly pointer: string,
    message: string,
  ) {
    super(message);
  }
}
