/**
 * Reading a file from the corpus, which is untrusted: only regular files that
 * really lie inside the corpus, up to a size limit. Every check is made on the
 * open file descriptor, never on the path before opening it, so nothing can be
 * swapped in between the check and the read:
 *   O_NOFOLLOW   a symbolic link as the last component fails to open (ELOOP);
 *   O_NONBLOCK   opening a FIFO does not wait for a writer (it would hang the run);
 *   fstat        anything but a regular file (FIFO, device, socket) is refused;
 *   /proc/self/fd/N   the path the descriptor really names (symlinked folders
 *                resolved) must lie inside the corpus's real path.
 */
import { constants, realpathSync } from 'node:fs';
import { open, readlink, type FileHandle } from 'node:fs/promises';
import { sep } from 'node:path';

/** Why a corpus file was not read, in words a researcher can act on. */
export class CorpusFileError extends Error {
  override name = 'CorpusFileError';
}

const OPEN_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

/** The corpus's real path, memoised: it is resolved once per corpus. */
const realRoots = new Map<string, string>();
function realRoot(corpusDir: string): string {
  let root = realRoots.get(corpusDir);
  if (root === undefined) {
    root = realpathSync(corpusDir);
    realRoots.set(corpusDir, root);
  }
  return root;
}

function kindOf(stats: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isDirectory(): boolean }): string {
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isDirectory()) return 'a folder';
  return 'not a regular file';
}

/**
 * Reads `path` (inside `corpusDir`) whole, or throws a CorpusFileError saying why not
 * (the message completes a sentence whose subject is the file).
 */
export async function readCorpusFile(corpusDir: string, path: string, maxBytes: number): Promise<Buffer> {
  let handle: FileHandle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new CorpusFileError('is a symbolic link: only regular files inside the corpus are read');
    if (code === 'ENOENT') throw new CorpusFileError('no longer exists');
    if (code === 'EACCES' || code === 'EPERM') throw new CorpusFileError('cannot be read (permission denied)');
    throw new CorpusFileError(`cannot be opened: ${(error as Error).message}`);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new CorpusFileError(`is ${kindOf(stats)}: only regular files are read`);
    await assertInside(corpusDir, handle.fd, path);
    if (stats.size > maxBytes) throw new CorpusFileError(`is ${formatBytes(stats.size)}, over the ${formatBytes(maxBytes)} limit`);
    // Read through the descriptor, and no further than the limit: the file may grow while it is read.
    const buffer = Buffer.allocUnsafe(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) {
        if (length > maxBytes) throw new CorpusFileError(`grew past the ${formatBytes(maxBytes)} limit while being read`);
        break;
      }
    }
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

/** The descriptor's real path must lie inside the corpus's real path (a symlinked folder could lead out). */
async function assertInside(corpusDir: string, fd: number, path: string): Promise<void> {
  let real: string;
  try {
    real = await readlink(`/proc/self/fd/${fd}`);
  } catch {
    // No /proc (not Linux): the path's real path, resolved after opening. O_NOFOLLOW still holds for the file itself.
    real = realpathSync(path);
  }
  const root = realRoot(corpusDir);
  if (real !== root && !real.startsWith(root.endsWith(sep) ? root : root + sep)) {
    throw new CorpusFileError('lies outside the corpus (through a symbolically linked folder): only files inside the corpus are read');
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
