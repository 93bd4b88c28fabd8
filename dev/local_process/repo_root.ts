import path from 'node:path';

/** The repository checkout; the launchers cache their distributions under its .cache. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');
