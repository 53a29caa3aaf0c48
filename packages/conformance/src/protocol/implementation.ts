import type {
  Capability,
  ResolveInput,
  ResolveRefusal,
  ResolveResult,
  SignStatementInput,
  SignStatementResult,
  ValidateHistoryInput,
  ValidateInput,
  ValidateResult,
  VerifySignatureInput,
  VerifySignatureResult,
} from './messages.js';

/**
 * What a harness wraps: an implementation answers the kinds it declares. A method may throw; the
 * harness turns that into an `errored` response. Mutants in the tests are this interface with one
 * method broken.
 */
export interface HarnessImplementation {
  name: string;
  version: string;
  language?: string;
  capabilities: Capability[];
  validate?(input: ValidateInput): ValidateResult;
  validateHistory?(input: ValidateHistoryInput): ValidateResult;
  resolve?(input: ResolveInput): ResolveResult | ResolveRefusal;
  verifySignature?(input: VerifySignatureInput): Promise<VerifySignatureResult> | VerifySignatureResult;
  signStatement?(input: SignStatementInput): Promise<SignStatementResult> | SignStatementResult;
}
