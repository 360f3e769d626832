// Watches map files and folders of maps and calls back once per save: the first change event is
// answered at once, and only the events that follow within a quiet period are merged into one more
// call, so an edit is rendered in milliseconds while a burst of writes costs at most two renders. An
// event that finds nothing to render yet (a save half done) does not start a quiet period.
import { watch, type FSWatcher } from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";

export interface WatchOptions {
  /** Map files (absolute paths) to watch. */
  files: readonly string[];
  /** Folders (absolute paths) in which a map added later is picked up too, at any depth. */
  folders: readonly string[];
  /** Whether a file in a watched folder is a map (by name). */
  isMap(path: string): boolean;
  /** Folder names never looked into (node_modules, .git). */
  skippedFolders?: ReadonlySet<string>;
  /** Called with the path of a map that changed or appeared; calls run one at a time, in order. It
   * resolves to false when there was nothing to render yet (the editor had truncated the file, or
   * was renaming it): the write that follows is then answered at once, not after the quiet period. */
  onChange(path: string): Promise<boolean | void>;
  /** Called when onChange throws, so that one bad save never ends the watch. */
  onError(error: unknown): void;
  /** How long after a call events are merged into one follow-up call (default 50 ms). */
  quietMs?: number;
}

export interface MapWatcher {
  /** Stops watching and waits for the call under way, if any. */
  close(): Promise<void>;
}

/** True when `path` is `folder` itself or inside it. */
function isWithin(path: string, folder: string): boolean {
  const shown = relative(folder, path);
  return shown === "" || (!shown.startsWith("..") && !shown.startsWith(sep) && shown !== path);
}

export function watchMaps(options: WatchOptions): MapWatcher {
  const quietMs = options.quietMs ?? 50;
  const skipped = options.skippedFolders ?? new Set<string>();
  const files = new Set(options.files);
  // Per path: the end of its quiet period, and whether events arrived during it.
  const quiet = new Map<string, { timer: NodeJS.Timeout; again: boolean }>();
  let queue = Promise.resolve();
  let closed = false;

  const run = (path: string) => {
    queue = queue.then(async () => {
      if (closed) return;
      try {
        if ((await options.onChange(path)) === false) endQuiet(path);
      } catch (error) {
        options.onError(error);
      }
    });
  };
  /** Ends a quiet period early; an event that came during it is answered now. */
  const endQuiet = (path: string) => {
    const pending = quiet.get(path);
    if (!pending) return;
    clearTimeout(pending.timer);
    quiet.delete(path);
    if (pending.again && !closed) changed(path);
  };
  const changed = (path: string) => {
    const pending = quiet.get(path);
    if (pending) {
      pending.again = true;
      return;
    }
    run(path); // the first event of a burst: at once
    const state = {
      again: false,
      timer: setTimeout(() => {
        quiet.delete(path);
        if (state.again && !closed) changed(path);
      }, quietMs),
    };
    quiet.set(path, state);
  };

  // Folders, not files, are watched: editors often save by writing a new file and renaming it over
  // the old one, which a watch on the file itself would lose.
  const watchers: FSWatcher[] = [];
  for (const folder of options.folders) {
    watchers.push(
      watch(folder, { recursive: true }, (_event, name) => {
        if (name === null) return;
        const path = join(folder, String(name));
        const inSkipped = relative(folder, dirname(path))
          .split(sep)
          .some((part) => skipped.has(part));
        if (files.has(path) || (!inSkipped && options.isMap(path))) changed(path);
      }),
    );
  }
  const parents = new Set(
    [...files]
      .map((file) => dirname(file))
      .filter((parent) => !options.folders.some((folder) => isWithin(parent, folder))),
  );
  for (const parent of parents) {
    watchers.push(
      watch(parent, (_event, name) => {
        if (name === null) return;
        const path = join(parent, basename(String(name)));
        if (files.has(path)) changed(path);
      }),
    );
  }

  return {
    async close() {
      closed = true;
      for (const watcher of watchers) watcher.close();
      for (const { timer } of quiet.values()) clearTimeout(timer);
      quiet.clear();
      await queue;
    },
  };
}
