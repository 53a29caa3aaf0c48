import type { UploadedRecord } from '@reuse-pref/client';
import { AS_OF, SCHOOL } from '@reuse-pref/example-producer';
import { heldStatements, uploadToReceiver } from '@reuse-pref/example-relay';
import { type Command, parseCommandArgs } from '../command.js';
import { startChain } from '../demo/chain.js';
import { type FamilyPages, familyPagesSection, startFamilyPages } from '../demo/family-pages.js';
import { appsSection, distributorSection, intakeSection, preferencesSection } from '../demo/sections.js';
import { signaturesSection } from '../demo/signatures.js';
import { untilStopped } from '../until-stopped.js';

const usage = `Usage: reuse-pref demo [--serve]

Runs the whole chain on one invented school, with nothing to install: the reference MIS (producer), an
integrator (relay) and the DfE intake (receiver) start on loopback ports with temporary SQLite stores and
their own local token server. The school's statements flow producer -> relay -> receiver; the demo prints
what arrived and what was rejected (with rule ids), each statement's signature chain (signed at the MIS,
relayed by the integrator, verified at DfE, and a tampered copy refused), effective preferences, the integrator's withheld app
shares, a DfE release decision with a register entry and one pupil's verified ledger, and the two pages a
family sees: the school's form and the pupil's releases. Then it stops everything and removes the
temporary stores.

  --serve   keep the servers running after the printout, so the two pages can be opened in a
            browser; Ctrl-C stops them`;

const demo: Command = {
  usage,
  async run(args, { stdout }) {
    const { values } = parseCommandArgs(args, { options: { serve: { type: 'boolean', default: false } } });
    const started = performance.now();
    const chain = await startChain();
    let out = '';
    let pages: FamilyPages | undefined;
    try {
      out += `Reuse Preference Standard demo: ${SCHOOL.name} (URN ${SCHOOL.urn}), as at ${AS_OF.replace('T', ' ').slice(0, 16)} UTC\n`;
      out +=
        'School MIS (producer) -> integrator (relay) -> DfE intake (receiver) -> DfE release (distributor)\n';
      out +=
        'All four run on this machine: loopback ports, temporary SQLite stores, locally issued tokens.\n';

      const { seed } = chain.producer;
      out += heading(1, 'The school MIS (producer)');
      out += `  ${seed.stored + seed.duplicate} statements stored for 30 pupils; ${seed.queried.length} of them with a query.\n`;
      out += `  ${seed.heldBack.length} held back by the MIS's own checks (step 3 sends them to DfE anyway).\n`;

      out += heading(2, 'The integrator syncs from the school (relay, change feed)');
      const first = (await chain.relay.sync()).get(SCHOOL.urn)!;
      out += `  first sync:  ${first.received} statements received, ${first.stored} stored unaltered, cursor saved\n`;
      const again = (await chain.relay.sync()).get(SCHOOL.urn)!;
      out += `  second sync: resumed from the saved cursor, ${again.received} new statements\n`;

      const upload = chain.client(chain.receiver.url, 'relay-upload');
      // The integrator passes each statement on with its hop (its signature over the MIS's).
      const synced: UploadedRecord[] = await uploadToReceiver(
        upload,
        chain.relay.passOn(heldStatements(chain.relay.store, SCHOOL.urn)),
      );
      const bad = await uploadToReceiver(
        upload,
        seed.heldBack.map((h) => h.statement),
      );
      out += heading(3, 'DfE intake (receiver): NDJSON batches from the integrator');
      out += intakeSection(synced, bad);

      out += heading(4, 'Signed at the MIS, relayed by the integrator, verified at DfE');
      out += await signaturesSection(chain, synced);

      out += heading(5, 'Effective preferences DfE now holds (a few pupils)');
      out += await preferencesSection(chain.receiver.store);

      out += heading(6, 'Apps through the integrator: the APPS purpose');
      out += await appsSection(chain);

      out += heading(7, 'DfE release decisions (distributor)');
      out += await distributorSection(chain.receiver.store, chain.distributorDir);

      out += heading(8, 'The pages a family sees');
      pages = await startFamilyPages(chain);
      out += familyPagesSection(pages, values.serve);
      if (values.serve) {
        chain.goLive();
        stdout.write(out);
        out = '';
        await untilStopped();
      }
    } finally {
      await pages?.distributor.close();
      await chain.close();
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    out += values.serve
      ? '\nAll servers stopped and the temporary stores removed.\n'
      : `\nDone in ${seconds} s. All servers stopped and the temporary stores removed.\n`;
    stdout.write(out);
    return 0;
  },
};

function heading(n: number, title: string): string {
  const text = `${n}. ${title}`;
  return `\n${text}\n${'='.repeat(text.length)}\n`;
}

export default demo;
