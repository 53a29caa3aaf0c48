import type { Statement } from '@reuse-pref/schema';
import { censusDocument, ctfDocument } from '../src/index.js';
import { historyAtA } from '../test/fixtures/transfer-history.js';

const tomasz: Statement = {
  id: 'e2a94c17-5d3b-4f80-a6c9-7b1e0d2f3a45',
  specVersion: '1.0.0',
  catalogueVersion: '1',
  subject: { upn: 'Q801200005002', localId: 'ADM-00977', dateOfBirth: '2014-11-30' },
  setting: { urn: '100000', laEstab: '8012000' },
  expressedBy: { role: 'CAR', personRef: 'C-3310' },
  competenceBasis: 'NA',
  expressedAt: '2026-03-08T16:20:00Z',
  recordedAt: '2026-03-09T08:00:00Z',
  recordedBy: { supplierId: 'SUP-EXAMPLE', system: 'Example MIS', systemVersion: '7.2.1' },
  channel: 'PAPR',
  notice: { id: 'NOTICE-ADMISSIONS', version: '2026.1', language: 'pl' },
  choices: [
    { purpose: 'STAT', value: 'NOOB' },
    { purpose: 'IMMI', value: 'OBJT', grounds: 'Proszę nie udostępniać.' },
    { purpose: 'POLC', value: 'NOBT' },
  ],
};

const hillside = { lea: '801', estab: '2000', urn: '100000', name: 'Hillside Academy' };

/** The worked examples published in spec/v1/xml/, written by the reference writer. */
export function renderExamples(): Map<string, string> {
  const pupils = [
    {
      upn: 'B801200005001',
      uln: '1234567899',
      surname: 'Jones',
      forename: 'Cerys',
      dob: '2012-03-01',
      statements: historyAtA,
    },
    { upn: 'Q801200005002', surname: 'Nowak', forename: 'Tomasz', dob: '2014-11-30', statements: [tomasz] },
  ];
  const ctf = ctfDocument(
    {
      dateTime: '2026-07-20T14:32:10',
      supplierId: 'SUP-EXAMPLE',
      source: hillside,
      destination: { lea: '802', estab: '4001', urn: '100123', name: 'Riverside School' },
    },
    pupils,
  );
  const census = censusDocument(
    {
      dateTime: '2026-10-02T16:00:00',
      referenceDate: '2026-10-01',
      term: 'AUT',
      year: '2026',
      source: hillside,
      software: 'Example MIS 7.2.1',
    },
    pupils,
  );
  return new Map([
    ['example-ctf.xml', [...ctf].join('')],
    ['example-census.xml', [...census].join('')],
  ]);
}
