import { type FileHandle, open } from 'node:fs/promises';

/** The input cannot be read at all: a usage-level failure (exit 2), unlike a broken record (exit 1). */
export class InputError extends Error {}

export interface Input {
  /** Chunks of the input. A chunk's bytes are only valid until the next one is requested. */
  chunks: AsyncIterable<Uint8Array>;
  /** Total bytes when known (a regular file), for the progress display. */
  size: number | undefined;
  name: string;
}

const CHUNK_BYTES = 1 << 20;

function describe(err: unknown, name: string): InputError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'it is a directory, not a file'
          : err instanceof Error
            ? err.message
            : String(err);
  return new InputError(`cannot read ${name}: ${reason}`);
}

/** Reads a file into one reused buffer, so reading adds no garbage per chunk. */
async function* fileChunks(handle: FileHandle): AsyncGenerator<Uint8Array> {
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

async function* guarded(chunks: AsyncIterable<Uint8Array>, name: string): AsyncGenerator<Uint8Array> {
  try {
    yield* chunks;
  } catch (err) {
    throw err instanceof InputError ? err : describe(err, name);
  }
}

export async function openInput(arg: string): Promise<Input> {
  if (arg === '-') {
    return { chunks: guarded(process.stdin, 'standard input'), size: undefined, name: 'standard input' };
  }
  let handle: FileHandle | undefined;
  try {
    handle = await open(arg, 'r');
    const stats = await handle.stat();
    if (stats.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    return {
      chunks: guarded(fileChunks(handle), arg),
      size: stats.isFile() ? stats.size : undefined,
      name: arg,
    };
  } catch (err) {
    await handle?.close();
    throw describe(err, arg);
  }
}
