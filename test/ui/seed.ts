import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../e2e/codeServer';

/** The seed minutes and the SIKT configuration, as the UI tests put them in their workspace. */
export const SEED_NAME = 'sikt-2018-12-14.protokoll';
export const seedText = fs.readFileSync(path.join(repoRoot, 'examples', 'sikt', SEED_NAME), 'utf8');
export const seedConfig = fs.readFileSync(
  path.join(repoRoot, 'examples', 'sikt', '.protokoll.json'),
  'utf8',
);
