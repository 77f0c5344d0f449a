// Which files the editor reads and how much of them, wherever it reads from (the disk in Node,
// the editor's file system in the browser).

/** The configuration file, in the minutes' folder or one above it. */
export const CONFIG_FILE_NAME = '.protokoll.json';

/** The largest `.protokoll.json` read; real ones are a few kilobytes. */
export const CONFIG_SIZE_LIMIT = 1024 * 1024;

/** The largest minutes file read; a year of a municipal board's minutes is well under 5 MB. */
export const MINUTES_SIZE_LIMIT = 50 * 1024 * 1024;

/**
 * The cross-file numbering check reads at most this many `.protokoll` files of a folder; in a
 * larger folder the editor skips it (`protokoll check` does not), since leaving out some meetings
 * would report gaps that are not there.
 */
export const MAX_SERIES_FOLDER_FILES = 500;
