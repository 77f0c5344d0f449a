// Builds the installable extension, protokoll.vsix: the esbuild bundles (scripts/bundle.mjs), then
// `vsce package --no-dependencies` (the bundles carry their dependencies; package.json's `files`
// lists what goes in) with no flag that silences it: the README's relative links and images become
// absolute URLs into the repository named in package.json. Any warning vsce prints fails the
// packaging. Then it opens the archive and checks that what VS Code loads is there and no
// node_modules tree, sources, source maps or full fonts are. Prints the size.
//
// Usage: node scripts/package-vsix.mjs [--out FILE]     (npm run package)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Files the extension cannot work without (paths inside the .vsix). */
const REQUIRED = [
  'extension/package.json',
  'extension/package.nls.json',
  'extension/dist/extension.js',
  'extension/dist/languageClient.js',
  'extension/dist/server.js',
  'extension/dist/preview.js',
  'extension/dist/pdf.js',
  'extension/dist/web/extension.js',
  'extension/dist/web/server.js',
  'extension/dist/fonts/DejaVuSerif.ttf',
  'extension/LICENSE.txt',
  'extension/changelog.md',
  'extension/readme.md',
  'extension/language-configuration.json',
  'extension/syntaxes/protokoll.tmLanguage.json',
  'extension/snippets/protokoll.code-snippets',
  'extension/schemas/protokoll.schema.json',
  'extension/icons/protokoll.png',
];
const FORBIDDEN = [
  [/(^|\/)node_modules\//, 'a node_modules tree (the bundles must carry their dependencies)'],
  [/(?<!\.d)\.ts$/, 'TypeScript sources'],
  [/\.map$/, 'source maps'],
  [/(^|\/)(out|test|\.vscode-test)\//, 'build output or tests'],
  [/(^|\/)media\/fonts\//, 'the full fonts (dist/fonts has the subsets)'],
];

function fail(message, ...hints) {
  console.error(`\npackage-vsix: ${message}`);
  for (const hint of hints) console.error(`  ${hint}`);
  process.exit(1);
}

let out;
try {
  out = path.resolve(
    parseArgs({ options: { out: { type: 'string', short: 'o', default: 'protokoll.vsix' } } })
      .values.out,
  );
} catch (error) {
  fail(error.message, 'Usage: node scripts/package-vsix.mjs [--out FILE]');
}

const t0 = Date.now();
run('bundle', process.execPath, [path.join(repo, 'scripts', 'bundle.mjs')]);
fs.rmSync(out, { force: true });
const vsceOutput = run(
  'vsce package',
  process.execPath,
  [
    path.join(path.dirname(require.resolve('@vscode/vsce/package.json')), 'vsce'),
    'package',
    '--no-dependencies',
    '--out',
    out,
  ],
  true,
);
const warnings = vsceOutput.split('\n').filter((line) => /\bWARNING\b|\bwarn(ing)?\b/i.test(line));
if (warnings.length)
  fail(`vsce warned:\n  ${warnings.join('\n  ')}`, 'Fix the cause; do not silence it.');

const entries = zipEntries(fs.readFileSync(out));
const missing = REQUIRED.filter((name) => !entries.some((e) => e.name === name));
if (missing.length) {
  fail(
    `${path.relative(repo, out)} lacks ${missing.join(', ')}.`,
    "Build first (npm run build), and check that package.json's files list has them.",
  );
}
// Every chunk a shipped bundle loads by relative path (scripts/bundle.mjs) must ship too.
for (const entry of entries.filter((e) => /^extension\/dist\/[^/]+\.js$/.test(e.name))) {
  const code = fs.readFileSync(path.join(repo, entry.name.slice('extension/'.length)), 'utf8');
  for (const [, chunk] of code.matchAll(/require\("\.\/([^"]+\.js)"\)/g)) {
    if (!entries.some((e) => e.name === `extension/dist/${chunk}`))
      fail(
        `${entry.name.slice('extension/'.length)} loads dist/${chunk}, which ${path.relative(repo, out)} lacks.`,
        "Add it to package.json's files list.",
      );
  }
}
for (const [pattern, what] of FORBIDDEN) {
  const found = entries.filter((e) => pattern.test(e.name)).map((e) => e.name);
  if (found.length) {
    fail(
      `${path.relative(repo, out)} contains ${what}: ${found.slice(0, 5).join(', ')}${found.length > 5 ? ', …' : ''}`,
      "Leave them out of package.json's files list.",
    );
  }
}

const size = fs.statSync(out).size;
const files = entries.filter((e) => e.name.startsWith('extension/'));
console.log(
  `${path.relative(repo, out)}: ${kb(size)} (${files.length} files, ${kb(files.reduce((n, e) => n + e.size, 0))} unpacked) in ${((Date.now() - t0) / 1000).toFixed(1)}s`,
);
for (const e of files)
  console.log(`  ${e.name.slice('extension/'.length).padEnd(44)} ${kb(e.size)}`);

/** Runs a step; with `capture`, echoes and returns what it printed (stdout and stderr). */
function run(what, command, args, capture = false) {
  const result = spawnSync(command, args, {
    cwd: repo,
    stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    encoding: 'utf8',
  });
  if (capture) {
    process.stdout.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
  }
  if (result.error) fail(`${what} could not run: ${result.error.message}`);
  if (result.status !== 0) fail(`${what} failed (exit ${result.status}; its output is above).`);
  return capture ? `${result.stdout}\n${result.stderr}` : '';
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** Names and uncompressed sizes from a zip's central directory. */
function zipEntries(zip) {
  const EOCD = 0x06054b50;
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== EOCD) eocd--;
  if (eocd < 0) fail(`${path.relative(repo, out)} is not a zip archive.`);
  const count = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) fail('corrupt zip central directory');
    const size = zip.readUInt32LE(offset + 24);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    entries.push({ name, size });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
