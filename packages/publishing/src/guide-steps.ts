/**
 * The commands a guide asks its reader to run, found by a marker the reader never sees: an HTML comment
 * on the line before a fenced `sh` or `bash` block.
 *
 *   <!-- guide-test -->                                   run the block's commands
 *   <!-- guide-test: wait for http://127.0.0.1:8080/health -->
 *                                                         run them, then wait until that URL answers
 *                                                         (for a block that starts a server with `&`)
 *
 * Blocks without the marker are not run: placeholders such as `dotnet run --project tools/Harness` stay
 * prose. A guide's marked blocks run in order in one shell, so a variable one block exports is there for
 * the next, exactly as for a reader working down the page in one terminal.
 */
export interface GuideStep {
  /** Where the block is, for failure messages: `docs/guides/conformance-in-ci.md:41`. */
  where: string;
  /** The block's text, as written. */
  commands: string;
  /** A URL to wait for after the block (a server it started in the background). */
  waitFor?: string;
}

const MARKER = /^<!--\s*guide-test(?::\s*(.*?))?\s*-->\s*$/;
const FENCE = /^(`{3,}|~{3,})\s*(sh|bash|shell|console)?\b/;

export function guideSteps(markdown: string, file: string): GuideStep[] {
  const lines = markdown.split('\n');
  const steps: GuideStep[] = [];
  for (let i = 0; i < lines.length; i++) {
    const marker = MARKER.exec(lines[i]!.trim());
    if (!marker) continue;
    const fence = FENCE.exec(lines[i + 1] ?? '');
    if (!fence?.[2])
      throw new Error(`${file}:${i + 1}: a guide-test marker must sit on the line before a sh or bash block`);
    const end = lines.findIndex((line, j) => j > i + 1 && line.startsWith(fence[1]!));
    if (end === -1) throw new Error(`${file}:${i + 2}: the code block is never closed`);
    const option = marker[1]?.trim();
    const wait = option ? /^wait for (\S+)$/.exec(option) : null;
    if (option && !wait) throw new Error(`${file}:${i + 1}: unknown guide-test option '${option}'`);
    steps.push({
      where: `${file}:${i + 2}`,
      commands: lines.slice(i + 2, end).join('\n'),
      ...(wait ? { waitFor: wait[1]! } : {}),
    });
    i = end;
  }
  return steps;
}

/**
 * One bash script for a guide's steps: stops at the first command that fails (`set -e`, with pipefail),
 * announces each step on stderr so a failure names the block, and waits for the URLs steps ask for.
 */
export function guideScript(steps: readonly GuideStep[], waitSeconds = 300): string {
  const parts = [
    'set -euo pipefail',
    // Any HTTP answer means the server is up; fetch is in every Node this project supports.
    `wait_for() {
  local deadline=$((SECONDS + ${waitSeconds}))
  until node -e 'fetch(process.argv[1]).then(() => process.exit(0), () => process.exit(1))' "$1"; do
    if [ "$SECONDS" -ge "$deadline" ]; then echo "guide-test: nothing answered at $1 in ${waitSeconds} s" >&2; return 1; fi
    sleep 1
  done
}`,
  ];
  for (const step of steps) {
    parts.push(`echo "guide-test: step ${step.where}" >&2`, step.commands);
    if (step.waitFor) parts.push(`wait_for ${JSON.stringify(step.waitFor)}`);
  }
  parts.push('echo "guide-test: every step passed" >&2');
  return `${parts.join('\n')}\n`;
}
