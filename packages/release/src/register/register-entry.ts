import type { RegisterEntry, ReleaseDecision, ReleaseDecisionLeaf } from '@reuse-pref/schema';
import { readLogLines } from '../log/log-file.js';

/** The public face of one release: what was asked, of whom, on what basis, and how many it covered. */
export function registerEntry(decision: ReleaseDecision, logIndex: number): RegisterEntry {
  const { request } = decision;
  return {
    releaseId: decision.releaseId,
    dsReference: decision.dsReference,
    decidedAt: decision.decidedAt,
    recipientName: request.recipient.name,
    recipientClass: request.recipient.class,
    purposes: request.purposes,
    lawfulBasis: request.lawfulBasis,
    dataTiers: request.dataTiers,
    deliveryMode: request.deliveryMode,
    retainUntil: request.retainUntil,
    counts: decision.counts,
    exemption: request.exemption ?? null,
    decisionMaker: request.decisionMaker,
    logIndex,
    // How many deciding statements were verified end to end, where the archive counted them.
    ...(decision.signatures ? { signatures: decision.signatures } : {}),
  };
}

/**
 * The whole register, read from the public log: one current, complete list, because every release is a
 * leaf there and nothing else is. Oldest first.
 */
export async function readRegister(logPath: string): Promise<RegisterEntry[]> {
  const entries: RegisterEntry[] = [];
  let index = 0;
  for await (const line of readLogLines(logPath)) {
    // Subject leaves are most of the log; a cheap prefix test skips parsing them.
    if (line.includes('"type":"release"')) {
      const leaf = JSON.parse(line.toString('utf8')) as ReleaseDecisionLeaf | { type: string };
      if (leaf.type === 'release') entries.push(registerEntry((leaf as ReleaseDecisionLeaf).decision, index));
    }
    index += 1;
  }
  return entries;
}
