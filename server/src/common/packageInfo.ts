// What package.json says about the release, for `--version`, `serverInfo`, SARIF and the links to
// the documentation. esbuild keeps only the fields named here, not the whole manifest.
import { homepage, repository, version } from '../../../package.json';

/** The release, as in package.json (the one place it is written). */
export const VERSION: string = version;

/** The repository's web address, `https://github.com/owner/name`. */
export const REPOSITORY_URL: string = repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

/** The project's home page (the README in the repository). */
export const HOMEPAGE: string = homepage;

/**
 * Where the diagnostic codes are documented: the table of checks in docs/format.md on the default
 * branch, one row per code (the link on a code in the Problems panel and in hovers).
 */
export const CODES_DOCUMENTATION_URL = `${REPOSITORY_URL}/blob/main/docs/format.md#checks`;
