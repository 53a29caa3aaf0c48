/**
 * The spec version this package publishes. In a module of its own so that a browser bundle needing only
 * the version (the family's form) does not pull in the TypeBox schemas beside it.
 */
export const SPEC_VERSION = '1.0.0';
