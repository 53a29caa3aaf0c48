// An intake for batch tests: all-or-nothing commits, Idempotency-Key replay, and 503s on demand.
import { HttpResponse, http } from 'msw';
import type { BatchResult, RecordOutcome, Statement } from '../../src/index.js';
import { validatorFor } from './schemas.js';
import { authorised, baseUrl, problem, server } from './server.js';

const validStatement = validatorFor('./schemas/statement.schema.json');

interface Received {
  key: string | null;
  lines: number;
  bytes: number;
}

/**
 * An intake that commits a batch only when every line is a valid statement, replays the stored result
 * for a repeated Idempotency-Key, and can answer 503 on chosen requests.
 */
export function intake(unavailableOn: number[] = []) {
  const received: Received[] = [];
  const replies = new Map<string, { status: number; body: object }>();
  server.use(
    http.post(`${baseUrl}/intake/batches`, async ({ request }) => {
      if (!authorised(request)) return problem('ProblemUnauthorized', 401);
      const text = await request.text();
      const key = request.headers.get('idempotency-key');
      received.push({
        key,
        lines: text.split('\n').filter(Boolean).length,
        bytes: new TextEncoder().encode(text).byteLength,
      });
      if (unavailableOn.includes(received.length))
        return problem('ProblemUnavailable', 503, { 'retry-after': '0' });
      if (key && replies.has(key)) {
        const reply = replies.get(key)!;
        return HttpResponse.json(reply.body, { status: reply.status });
      }
      const lines = text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Statement);
      const findings = lines.map((s) =>
        validStatement(s)
          ? []
          : [
              {
                rule: 'field-required',
                severity: 'error' as const,
                pointer: '/choices',
                message: 'choices: at least one choice',
              },
            ],
      );
      const committed = findings.every((f) => f.length === 0);
      const outcomes: RecordOutcome[] = lines.map((s, i) => ({
        line: i + 1,
        statementId: s.id,
        outcome: committed ? 'stored' : findings[i]!.length ? 'rejected' : 'not-stored',
        findings: findings[i]!,
      }));
      const batch: BatchResult = {
        batchId: crypto.randomUUID(),
        committed,
        receivedAt: '2026-10-02T07:00:00Z',
        counts: {
          records: lines.length,
          stored: committed ? lines.length : 0,
          duplicate: 0,
          rejected: outcomes.filter((o) => o.outcome === 'rejected').length,
          notStored: outcomes.filter((o) => o.outcome === 'not-stored').length,
        },
        outcomes,
      };
      const reply = committed
        ? { status: 201, body: batch }
        : {
            status: 422,
            body: {
              type: 'https://reuse-pref.org/problems/batch-rejected',
              title: 'Batch not committed',
              status: 422,
              errors: findings.flat(),
              batch,
            },
          };
      if (key) replies.set(key, reply);
      return HttpResponse.json(reply.body, {
        status: reply.status,
        headers: { 'content-type': committed ? 'application/json' : 'application/problem+json' },
      });
    }),
  );
  return received;
}
