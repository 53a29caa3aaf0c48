import type { ReusePrefClient, UploadedRecord } from '@reuse-pref/client';
import { addHop } from '@reuse-pref/provenance';
import type { Statement } from '@reuse-pref/schema';
import type { SigningOptions } from '@reuse-pref/server';
import type { StatementStore } from '@reuse-pref/store';

/** Every statement the relay holds for a school, in the order it took them, unaltered. */
export async function* heldStatements(
  store: Pick<StatementStore, 'statements'>,
  urn: string,
): AsyncGenerator<Statement> {
  let after: string | undefined;
  do {
    const page = await store.statements.list(urn, { ...(after ? { after } : {}), limit: 500 });
    for (const item of page.items) yield item.statement;
    after = page.nextCursor ?? undefined;
  } while (after);
}

/**
 * Sends statements to a receiver's intake as NDJSON batches through the client's uploader and returns
 * every record's outcome. A rejected batch stores nothing, so its records come back `committed: false`.
 */
export async function uploadToReceiver(
  receiver: ReusePrefClient,
  statements: Iterable<Statement> | AsyncIterable<Statement>,
  batchSize = 500,
): Promise<UploadedRecord[]> {
  const outcomes: UploadedRecord[] = [];
  for await (const record of receiver.uploadStatements(statements, { batchSize })) outcomes.push(record);
  return outcomes;
}

/**
 * Statements as the relay passes them on (spec/v1/signatures.md 4): byte-exact, with the relay's own hop
 * appended to each signed one. An unsigned statement has nothing to chain to and goes on as it is.
 */
export async function* withHops(
  statements: AsyncIterable<Statement> | Iterable<Statement>,
  signing: SigningOptions | undefined,
  now: () => Date,
): AsyncGenerator<Statement> {
  for await (const statement of statements) {
    yield signing && statement.signature
      ? await addHop(statement, {
          relay: signing.supplier,
          relayedAt: now().toISOString(),
          key: signing.key,
        })
      : statement;
  }
}
