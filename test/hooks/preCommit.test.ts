// The hooks of .pre-commit-hooks.yaml run by pre-commit itself: `pre-commit try-repo` on a
// snapshot of this working tree, from a user's git repository of minutes. pre-commit builds the
// hooks' Node environment the way it does for users (`npm install` of the repository, its prepack
// build, `npm pack`), from the npm registry: about ten minutes the first time. Needs `pre-commit`
// (Debian's package; scripts/setup-e2e.sh installs it) and git; PROTOKOLL_REQUIRE_TOOLS=1 fails
// instead of skipping when it is missing. `npm run test:hooks`.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const repo = path.resolve(__dirname, '..', '..', '..');
const SIKT = 'sikt/sikt-2018-12-14.protokoll';

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8' });
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function git(args: string[], cwd: string): void {
  const result = run(
    'git',
    ['-c', 'user.name=test', '-c', 'user.email=test@example.org', ...args],
    cwd,
  );
  assert.equal(result.status, 0, `git ${args.join(' ')}: ${result.output}`);
}

describe('the pre-commit hooks, run by pre-commit try-repo', function () {
  this.timeout(30 * 60_000);
  let temp: string;
  let hooks: string;
  let minutes: string;
  let env: NodeJS.ProcessEnv;

  before(function () {
    const preCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
    if (preCommit.status !== 0) {
      const message =
        'pre-commit is missing: run "bash scripts/setup-e2e.sh" (or apt-get install -y pre-commit)';
      if (process.env.PROTOKOLL_REQUIRE_TOOLS === '1')
        throw new Error(`${message}; PROTOKOLL_REQUIRE_TOOLS=1 forbids skipping`);
      console.warn(`      skipped: ${message}`);
      this.skip();
    }
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-pre-commit-'));
    env = { ...process.env, PRE_COMMIT_HOME: path.join(temp, 'cache') };

    // The working tree as a repository of its own (try-repo's own snapshot leaves out new files).
    hooks = path.join(temp, 'hooks');
    const listed = run(
      'git',
      ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
      repo,
    );
    for (const file of listed.output.split('\0').filter(Boolean)) {
      if (!fs.existsSync(path.join(repo, file))) continue;
      fs.mkdirSync(path.dirname(path.join(hooks, file)), { recursive: true });
      fs.copyFileSync(path.join(repo, file), path.join(hooks, file));
    }
    // pre-commit before 4.6 (Debian has 3.0.4) takes all of `npm pack`'s output as the tarball's
    // name, and npm prints a banner there for the prepack script; silenced in the snapshot only.
    // pre-commit 4.6 installs with `npm install git+file://…` and needs no such thing.
    fs.writeFileSync(path.join(hooks, '.npmrc'), 'loglevel=silent\n');
    git(['init', '-q'], hooks);
    git(['add', '-A'], hooks);
    git(['commit', '-q', '-m', 'snapshot'], hooks);

    minutes = path.join(temp, 'minutes');
    fs.cpSync(path.join(repo, 'examples', 'sikt'), path.join(minutes, 'sikt'), { recursive: true });
    fs.writeFileSync(
      path.join(minutes, 'gap.protokoll'),
      '# Möte\nDatum:   2024-01-01\n\n§ 1 A\n§ 3 B\n',
    );
    git(['init', '-q'], minutes);
    git(['add', '-A'], minutes);
  });

  after(() => {
    if (temp) fs.rmSync(temp, { recursive: true, force: true });
  });

  const tryRepo = (...files: string[]) =>
    run('pre-commit', ['try-repo', hooks, '--files', ...files], minutes, env);

  it('passes formatted minutes with only warnings', () => {
    const result = tryRepo(SIKT);
    assert.equal(result.status, 0, result.output);
    assert.match(result.output, /^protokoll check\.+Passed$/m);
    assert.match(result.output, /^protokoll format\.+Passed$/m);
  });

  it('fails on errors and on unformatted minutes, naming the file and the code', () => {
    const result = tryRepo(SIKT, 'gap.protokoll');
    assert.equal(result.status, 1, result.output);
    assert.match(result.output, /^protokoll check\.+Failed$/m);
    assert.match(result.output, /^gap\.protokoll:5:3 error numbering\/gap /m);
    assert.match(result.output, /^protokoll format\.+Failed$/m);
    assert.match(result.output, /^gap\.protokoll: needs formatting/m);
  });
});
