import { describe, expectTypeOf, it } from 'vitest';
import type { EffectivePreference, PurposeCodeV1, Statement } from '../src/index.js';

describe('static types follow the TypeBox source', () => {
  it('choice values are the code list, not string', () => {
    expectTypeOf<Statement['choices'][number]['value']>().toEqualTypeOf<
      'OBJT' | 'NOOB' | 'CONS' | 'DECL' | 'REFU' | 'NOBT'
    >();
  });

  it('expressedBy role and channel are closed unions', () => {
    expectTypeOf<Statement['expressedBy']['role']>().toEqualTypeOf<
      'PUP' | 'PAR' | 'CAR' | 'CORP' | 'REP' | 'SCH'
    >();
    expectTypeOf<'FAX'>().not.toExtend<Statement['channel']>();
  });

  it('optional fields stay optional', () => {
    expectTypeOf<Statement>().toHaveProperty('provenance');
    expectTypeOf<Statement['competenceBasis']>().toEqualTypeOf<
      'ASSD' | 'PR12' | 'AUTH' | 'BINT' | 'NA' | undefined
    >();
  });

  it('an effective preference says whether it is a default and who decided', () => {
    expectTypeOf<EffectivePreference['default']>().toEqualTypeOf<boolean>();
    expectTypeOf<EffectivePreference['decidedBy']>().toEqualTypeOf<string | null>();
  });

  it('catalogue v1 purpose codes are literal', () => {
    expectTypeOf<'EDUC'>().toExtend<PurposeCodeV1>();
    expectTypeOf<'XXXX'>().not.toExtend<PurposeCodeV1>();
  });
});
