import { execFileSync } from 'node:child_process';
import { chownSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export interface Owner {
  uid: number;
  gid: number;
}

/**
 * Elasticsearch and OpenSearch refuse to run as root: under root, returns the uid/gid of the
 * system user `name` (creating it without a home or login shell), to run the node as. Undefined
 * when we are not root and the node can simply run as us.
 */
export function systemUser(name: string): Owner | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) =>
    Number(execFileSync('id', [flag, name], { stdio: ['ignore', 'pipe', 'ignore'] }).toString());
  try {
    id('-u');
  } catch {
    execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', name]);
  }
  return { uid: id('-u'), gid: id('-g') };
}

/** `chown -R`: hands a node directory to the user that runs the node. */
export function chownTree(dir: string, owner: Owner): void {
  chownSync(dir, owner.uid, owner.gid);
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) chownTree(full, owner);
    else chownSync(full, owner.uid, owner.gid);
  }
}
