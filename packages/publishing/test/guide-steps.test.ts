import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { guideScript, guideSteps } from '../src/index.js';

const guide = [
  '# A guide',
  '',
  '```sh',
  'echo not marked: prose',
  '```',
  '',
  '<!-- guide-test -->',
  '```sh',
  'export GREETING=hello',
  '```',
  '',
  '<!-- guide-test: wait for http://127.0.0.1:8080/health -->',
  '```bash',
  'npx --yes @reuse-pref/cli@^0.1.0 serve --role receiver --dev-auth --port 8080 &',
  '```',
  '',
  '<!-- guide-test -->',
  '````sh',
  'echo "$GREETING" \\',
  '  world',
  '````',
].join('\n');

describe('guideSteps', () => {
  it('takes only marked sh/bash blocks, in order, with where they are and what to wait for', () => {
    expect(guideSteps(guide, 'g.md')).toEqual([
      { where: 'g.md:8', commands: 'export GREETING=hello' },
      {
        where: 'g.md:13',
        commands: 'npx --yes @reuse-pref/cli@^0.1.0 serve --role receiver --dev-auth --port 8080 &',
        waitFor: 'http://127.0.0.1:8080/health',
      },
      { where: 'g.md:18', commands: 'echo "$GREETING" \\\n  world' },
    ]);
  });

  it.each([
    ['<!-- guide-test -->\n```ts\nconsole.log(1)\n```', /must sit on the line before a sh or bash block/],
    ['<!-- guide-test -->\n\n```sh\nls\n```', /must sit on the line before/],
    ['<!-- guide-test: twice -->\n```sh\nls\n```', /unknown guide-test option 'twice'/],
    ['<!-- guide-test -->\n```sh\nls', /never closed/],
  ])('a marker it cannot honour is an error, never a silent skip: %j', (markdown, message) => {
    expect(() => guideSteps(markdown, 'g.md')).toThrow(message);
  });
});

describe('guideScript', () => {
  it('runs the steps in one shell, so exports carry on', () => {
    const steps = guideSteps(guide, 'g.md').filter((s) => !s.waitFor);
    const run = spawnSync('bash', ['-c', guideScript(steps)], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('hello world\n');
    expect(run.stderr).toContain('guide-test: every step passed');
  });

  it('stops at the first failing command and names its block', () => {
    const steps = guideSteps('<!-- guide-test -->\n```sh\ntrue\nfalse\necho after\n```\n', 'g.md');
    const run = spawnSync('bash', ['-c', guideScript(steps)], { encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('guide-test: step g.md:2');
    expect(run.stderr).not.toContain('every step passed');
  });

  it('fails when a server it waits for never answers', () => {
    const steps = guideSteps(
      '<!-- guide-test: wait for http://127.0.0.1:1/health -->\n```sh\ntrue\n```\n',
      'g.md',
    );
    const run = spawnSync('bash', ['-c', guideScript(steps, 2)], { encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('nothing answered at http://127.0.0.1:1/health in 2 s');
  });
});
