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
 * The anchor of `code`'s section in docs/format.md: GitHub's slug of its heading `` ### `code` ``
 * (lower case, punctuation other than `-` and `_` dropped), e.g. `numberinggap`.
 */
export function codeAnchor(code: string): string {
  return code
    .toLowerCase()
    .replace(/[^a-z0-9_ -]/g, '')
    .replace(/ /g, '-');
}

/**
 * Where `code` is documented: its section of docs/format.md on the default branch (the link on a
 * code in the Problems panel and in hovers).
 */
export function codeDocumentationUrl(code: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/format.md#${codeAnchor(code)}`;
}
