import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { SERVER_ENVIRONMENT, SERVER_NODE_FLAGS } from '../../server/src/serverLaunch';

describe('the language server launch flags', () => {
  it('are accepted in NODE_OPTIONS, where the README tells other editors to put them', () => {
    const result = spawnSync(process.execPath, ['-e', 'process.stdout.write("started")'], {
      env: { ...process.env, ...SERVER_ENVIRONMENT, NODE_OPTIONS: SERVER_NODE_FLAGS.join(' ') },
      encoding: 'utf8',
    });
    assert.equal(result.stderr, '');
    assert.equal(result.status, 0);
    assert.equal(result.stdout, 'started');
  });
});
