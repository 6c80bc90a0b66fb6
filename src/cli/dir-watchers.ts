// Watches files by watching their folders. Editors often save by writing a new file and renaming
// it over the old one; a watch on the old file's inode goes silent after that, a watch on the
// folder does not. Watching folders also sees a file appear that a new $ref just named.
import { watch, type FSWatcher } from "node:fs";
import path from "node:path";

export class DirWatchers {
  private readonly watchers = new Map<string, FSWatcher>();

  /** `onChange` gets the absolute path of the changed entry, or the folder when the OS names none. */
  constructor(private readonly onChange: (file: string) => void) {}

  /** Watches exactly the folders of `files`: new ones are added, ones no longer needed closed. */
  sync(files: Iterable<string>): void {
    const wanted = new Set([...files].map((f) => path.dirname(f)));
    for (const [dir, watcher] of this.watchers) {
      if (wanted.has(dir)) continue;
      watcher.close();
      this.watchers.delete(dir);
    }
    for (const dir of wanted) {
      if (this.watchers.has(dir)) continue;
      try {
        const watcher = watch(dir, { persistent: true }, (_event, name) =>
          this.onChange(name ? path.join(dir, name.toString()) : dir),
        );
        // A folder deleted under us: forget it; the next sync after a good regeneration re-adds it.
        watcher.on("error", () => {
          watcher.close();
          this.watchers.delete(dir);
        });
        this.watchers.set(dir, watcher);
      } catch {
        // The folder does not exist (yet): nothing in it can be read, so nothing to watch.
      }
    }
  }

  get folders(): string[] {
    return [...this.watchers.keys()].sort();
  }

  close(): void {
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }
}
