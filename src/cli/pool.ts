/**
 * Runs file tasks on a fixed number of worker threads (parsing is CPU-bound: one thread per core
 * keeps every core busy). Falls back to the main thread when workers cannot be used (running from
 * TypeScript sources) or when one worker is asked for.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { processFile, type FileResult, type FileTask } from "./process-file.js";

export interface Executor {
  run(task: FileTask): Promise<FileResult>;
  close(): Promise<void>;
}

const workerFile = fileURLToPath(new URL("./worker.js", import.meta.url));

export function createExecutor(workers: number): Executor {
  if (workers <= 1 || !existsSync(workerFile) || import.meta.url.endsWith(".ts")) {
    return { run: processFile, close: async () => {} };
  }
  return new WorkerPool(workers);
}

interface Pending {
  resolve: (r: FileResult) => void;
  task: FileTask;
}

class WorkerPool implements Executor {
  private idle: Worker[] = [];
  private queue: { id: number; task: FileTask }[] = [];
  private pending = new Map<number, Pending>();
  private busy = new Map<Worker, number>();
  private nextId = 1;
  private all: Worker[] = [];
  private closing = false;

  constructor(private size: number) {}

  private spawn(): Worker {
    // The worker runs compiled JavaScript and needs none of the main process's options (--input-type,
    // --eval, loaders; V8 flags apply to the whole process anyway and a worker may not be given them).
    const w = new Worker(workerFile, { execArgv: [] });
    w.on("message", (msg: { id: number; result: FileResult }) => {
      this.busy.delete(w);
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      p?.resolve(msg.result);
      this.idle.push(w);
      this.pump();
    });
    w.on("error", (err) => this.fail(w, err));
    w.on("exit", (code) => {
      if (this.closing) return;
      if (this.busy.has(w)) this.fail(w, new Error(`worker stopped with exit code ${code}`));
      else {
        // An idle worker that stopped must not be handed the next file.
        this.all = this.all.filter((x) => x !== w);
        this.idle = this.idle.filter((x) => x !== w);
        this.pump();
      }
    });
    this.all.push(w);
    return w;
  }

  /** A worker that crashed takes only its current file down; a fresh worker takes its place. */
  private fail(w: Worker, err: Error): void {
    const id = this.busy.get(w);
    this.busy.delete(w);
    this.all = this.all.filter((x) => x !== w);
    this.idle = this.idle.filter((x) => x !== w);
    if (id !== undefined) {
      const p = this.pending.get(id);
      this.pending.delete(id);
      p?.resolve({ ok: false, path: p.task.path, code: "internal", message: `the converter crashed: ${err.message}`, ms: 0 });
    }
    void w.terminate();
    this.pump();
  }

  run(task: FileTask): Promise<FileResult> {
    return new Promise((resolve) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve, task });
      this.queue.push({ id, task });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length) {
      let w = this.idle.pop();
      if (!w) {
        if (this.all.length >= this.size) return;
        w = this.spawn();
      }
      const job = this.queue.shift()!;
      this.busy.set(w, job.id);
      w.postMessage(job);
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.all.map((w) => w.terminate()));
    this.all = [];
    this.idle = [];
  }
}
