/**
 * Serialises async work per key within this process. recordPupilStatement holds it across "read the
 * pupil's ETag, compare, append", so two writers with the same If-Match cannot both succeed. It covers a
 * single server process (the embedded store); several processes on one PostgreSQL need a conditional
 * append in the store itself.
 */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const current = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => current);
    this.tails.set(key, tail);
    await previous;
    try {
      return await work();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
