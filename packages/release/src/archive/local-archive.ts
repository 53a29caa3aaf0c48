import type { LocalLedger } from '../ledger/ledger-store.js';
import type { TransparencyLog } from '../log/transparency-log.js';
import type { ReleaseArchive, ReleaseDraft } from './release-archive.js';

/**
 * Releases kept in this process: the public log as a TransparencyLog (a JSON-lines file, or in memory) and
 * the private records in a ledger (a JSON-lines file, or in memory). The register is the log's release
 * leaves (`readRegister`), and each subject's outcome is in their record, so neither is kept twice.
 *
 * Subjects are written as they are decided (buffered), so a national cohort never sits in memory; a
 * release that fails is taken back out of both files and the tree. A process killed mid-release can
 * leave that release's subject lines at the end of both files, with no decision leaf and so no register
 * entry: the database stores, which commit in one transaction, are the path that leaves nothing.
 */
export class LocalReleaseArchive implements ReleaseArchive {
  private recording = false;

  constructor(
    readonly log: TransparencyLog,
    readonly ledger: LocalLedger,
  ) {}

  begin(): ReleaseDraft {
    if (this.recording) throw new Error('this archive is already recording a release');
    this.recording = true;
    const { log, ledger } = this;
    const logMark = log.mark();
    const ledgerMark = ledger.mark();
    let open = true;
    const end = (undo: boolean) => {
      if (!open) return;
      open = false;
      this.recording = false;
      if (undo) {
        log.rollback(logMark);
        ledger.rollback(ledgerMark);
      }
    };
    const append = (leaf: Parameters<TransparencyLog['append']>[0], at: number) => {
      const index = log.append(leaf);
      if (index !== at) throw new Error(`log leaf landed at ${index}, expected ${at}`);
    };
    return {
      firstLeafIndex: logMark.size,
      add({ leaf, record }) {
        if (!open) throw new Error('this release is no longer being recorded');
        append(leaf, record.leafIndex);
        ledger.add(record);
      },
      async commit({ leaf, logIndex }) {
        if (!open) throw new Error('this release is no longer being recorded');
        try {
          append(leaf, logIndex);
          log.flush();
          ledger.flush();
        } catch (error) {
          end(true);
          throw error;
        }
        end(false);
      },
      abort: () => end(true),
    };
  }
}
