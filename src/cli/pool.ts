/**
 * The conversion sandbox: every file is converted in a child process (also with --concurrency 1),
 * never on the main thread. A child has a real memory cap (V8 heap limit `--max-old-space-size`, plus
 * a watch on its resident size, which also counts buffers outside the heap), a per-file time limit
 * after which it is killed and replaced, and handlers for stray promise rejections. A file that takes
 * its worker down fails alone (`timeout`, `too-complex` for the memory cap, `internal` otherwise);
 * the batch goes on.
 *
 * Child processes rather than worker threads: a thread shares the process, so a native abort (V8
 * running out of memory outside the heap limit, an allocation that fails) still ends the whole batch,
 * and `resourceLimits` do not count ArrayBuffers. A process can be killed at any moment without harm.
 *
 * Protocol (src/cli/worker.ts): the child sends {type:"ready"} once its init hooks ran; the pool
 * sends {type:"task", id, task} one at a time and gets {type:"result", id, result}; {type:"close"}
 * runs the child's dispose hooks and lets it exit.
 */
import { fork, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import type { FileResult, FileTask } from "./process-file.js";
import { PRELOAD_PDF_ENV } from "./worker-hooks.js";

export interface SandboxOptions {
  /** Worker processes (files converted at once). */
  workers: number;
  /** Memory cap of one worker, MB. */
  maxMemoryMb: number;
  /** Time limit of one file, ms. */
  timeoutMs: number;
  /**
   * Start the workers at once rather than with the first file: their start-up (loading the readers and
   * the word list, ~0.7 s of CPU each) then overlaps what the main process does before the first file.
   */
  prestart?: boolean;
  /**
   * Load pdf.js when a worker starts (default true). A batch with no PDF among its inputs leaves it out
   * (~0.27 s of CPU a worker); a PDF that comes anyway, under another name, loads it when it is read.
   */
  preloadPdf?: boolean;
}

export interface Executor {
  run(task: FileTask): Promise<FileResult>;
  close(): Promise<void>;
  /** Highest resident size seen of any one worker, MB (0 where /proc cannot be read). */
  peakWorkerRssMb(): number;
}

export type WorkerMessage = { type: "ready" } | { type: "result"; id: number; result: FileResult };
export type PoolMessage = { type: "task"; id: number; task: FileTask } | { type: "close" };

const fromSources = import.meta.url.endsWith(".ts");
const workerFile = fileURLToPath(new URL(fromSources ? "./worker.ts" : "./worker.js", import.meta.url));
/** Workers in a row that die before they are ready, after which the waiting files fail. */
const MAX_START_FAILURES = 3;
/** How often a busy worker's resident size is looked at. */
const RSS_POLL_MS = 200;
/**
 * V8's young generation of a worker, MB per semi-space (Node's default is 16). A conversion allocates
 * many short-lived objects; twice the room halves the scavenges, which V8 runs on helper threads too:
 * 4–21 % less CPU per worker (about 10 % typically), measured A/B on the PDF fixtures, for at most
 * ~50 MB more resident size.
 */
const SEMI_SPACE_MB = 32;
/**
 * Threads of V8's platform pool in a worker (concurrent marking and sweeping, parallel scavenges,
 * background compilation). Node's default is one per core, so every worker brings as many helper threads
 * as the machine has cores, competing with the other workers and the main process. One is enough: on
 * 70 PDFs (1,246 pages, 2 cores) 8 of 8 interleaved pairs were faster or equal — one worker 9–12 % less
 * wall time, two workers 0–11 % — with less CPU in all.
 */
const V8_POOL_THREADS = 1;
/**
 * V8 flags of a worker when the workers alone fill every core. A worker's V8 helper thread is busy a
 * good deal: on 70 PDFs one worker's main thread used ~13–15 s of CPU and its helper thread ~5 s, most
 * of it TurboFan compiling (some 1,260 optimising compilations of ~560 functions, ~5 s) and the rest
 * concurrent GC. With a spare core that work is free; when every core already runs a worker it only
 * takes turns with them. So then:
 * - garbage collection and optimising compilation run on the worker's own thread
 *   (`--single-threaded-gc`, `--no-concurrent-recompilation`): 2 workers on 2 cores, 70 PDFs, 5 of 5
 *   interleaved rounds faster, median −4 to −6 % wall time;
 * - a function has to run twice as long as V8's default before it is optimised (`--interrupt-budget`,
 *   V8 11's default 66 KB of bytecode → 132 KB): fewer compilations of lukewarm functions, which are now
 *   paid for on the worker's own thread; 7 of 8 interleaved rounds faster, median −8 %.
 * With fewer workers than cores the helper thread keeps its spare core (one worker alone is ~25 %
 * slower without it) and V8's defaults stay. WebAssembly compilation (the OCR engine) is left alone.
 */
const WORKER_FILLS_CORES_FLAGS = ["--single-threaded-gc", "--no-concurrent-recompilation", `--interrupt-budget=${132 * 1024}`];

/** V8 flags of a worker process, for `workers` workers on a machine with `cores` cores. */
export function workerV8Flags(opts: { maxMemoryMb: number; workers: number }, cores: number): string[] {
  const flags = [`--max-old-space-size=${opts.maxMemoryMb}`, `--max-semi-space-size=${SEMI_SPACE_MB}`, `--v8-pool-size=${V8_POOL_THREADS}`];
  if (opts.workers >= cores) flags.push(...WORKER_FILLS_CORES_FLAGS);
  return flags;
}

export function createExecutor(opts: SandboxOptions): Executor {
  if (!existsSync(workerFile)) throw new Error(`the conversion worker ${workerFile} is missing (run npm run build)`);
  return new SandboxPool(opts);
}

interface Job {
  id: number;
  task: FileTask;
  resolve: (r: FileResult) => void;
  started: number;
  timer?: NodeJS.Timeout;
}

interface Slot {
  child: ChildProcess;
  ready: boolean;
  job: Job | null;
  /** Why the pool ended this child, when it did. */
  killedFor: "timeout" | "memory" | null;
  stderrTail: string;
}

class SandboxPool implements Executor {
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private nextId = 1;
  private closing = false;
  private peakRss = 0;
  private startFailures = 0;
  private readonly poll: NodeJS.Timeout;
  private readonly pageSize = 4096;

  constructor(private readonly opts: SandboxOptions) {
    this.poll = setInterval(() => this.watchMemory(), RSS_POLL_MS);
    this.poll.unref();
    if (opts.prestart) while (this.slots.length < opts.workers) this.spawn();
  }

  run(task: FileTask): Promise<FileResult> {
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, task, resolve, started: 0 });
      this.pump();
    });
  }

  peakWorkerRssMb(): number {
    return Math.round(this.peakRss / 1048576);
  }

  private spawn(): Slot {
    const execArgv = workerV8Flags(this.opts, availableParallelism());
    if (fromSources) execArgv.push("--import", "tsx");
    const child = fork(workerFile, [], {
      execArgv,
      env: { ...process.env, [PRELOAD_PDF_ENV]: this.opts.preloadPdf === false ? "0" : "1" },
      serialization: "advanced",
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    const slot: Slot = { child, ready: false, job: null, killedFor: null, stderrTail: "" };
    child.stderr?.on("data", (d: Buffer) => {
      slot.stderrTail = (slot.stderrTail + d.toString("utf8")).slice(-4000);
    });
    child.on("message", (msg: WorkerMessage) => {
      if (msg.type === "ready") {
        slot.ready = true;
        this.pump();
      } else if (msg.type === "result" && slot.job?.id === msg.id) {
        const job = slot.job;
        slot.job = null;
        clearTimeout(job.timer);
        job.resolve(msg.result);
        this.pump();
      }
    });
    child.on("error", () => this.ended(slot, null, null));
    child.on("exit", (code, signal) => this.ended(slot, code, signal));
    this.slots.push(slot);
    return slot;
  }

  /** A worker ended: its file (if any) fails alone, and the slot is freed for a fresh worker. */
  private ended(slot: Slot, code: number | null, signal: NodeJS.Signals | null): void {
    if (!this.slots.includes(slot)) return;
    this.slots = this.slots.filter((s) => s !== slot);
    if (!slot.ready && !this.closing) {
      // A worker that cannot even start would be restarted for ever: after a few tries, every
      // waiting file fails with the reason.
      if (++this.startFailures >= MAX_START_FAILURES) {
        const why = slot.stderrTail.trim().split("\n").filter(Boolean).pop() ?? `exit code ${code}`;
        for (const job of this.queue.splice(0)) {
          job.resolve({
            ok: false,
            path: job.task.path,
            code: "internal",
            message: `the conversion worker cannot start: ${why.slice(0, 200)}; please report this`,
            ms: 0,
          });
        }
      }
    } else if (slot.ready) this.startFailures = 0;
    const job = slot.job;
    slot.job = null;
    if (job) {
      clearTimeout(job.timer);
      job.resolve(this.failure(slot, job, code, signal));
    }
    if (!this.closing) this.pump();
  }

  private failure(slot: Slot, job: Job, code: number | null, signal: NodeJS.Signals | null): FileResult {
    const ms = Math.round(performance.now() - job.started);
    const base = { ok: false as const, path: job.task.path, ms };
    if (slot.killedFor === "timeout") {
      return {
        ...base,
        code: "timeout",
        message: `the conversion took longer than the limit of ${this.opts.timeoutMs / 1000} s (--timeout)`,
      };
    }
    const oom = /heap out of memory|Reached heap limit|Allocation failed|invalid array length|ENOMEM/i.test(slot.stderrTail);
    if (slot.killedFor === "memory" || oom) {
      return {
        ...base,
        code: "too-complex",
        message: `the conversion needed more than the memory cap of ${this.opts.maxMemoryMb} MB (--max-memory)`,
      };
    }
    const how = signal ? `signal ${signal}` : `exit code ${code}`;
    const last = slot.stderrTail.trim().split("\n").filter(Boolean).pop() ?? "";
    return {
      ...base,
      code: "internal",
      message: `the converter stopped (${how})${last ? `: ${last.slice(0, 200)}` : ""}; please report this file`,
    };
  }

  private pump(): void {
    if (this.closing) return;
    while (this.queue.length) {
      const slot = this.slots.find((s) => s.ready && !s.job && s.child.connected);
      if (!slot) {
        if (this.slots.length < this.opts.workers) {
          this.spawn();
          continue;
        }
        return;
      }
      const job = this.queue.shift()!;
      slot.job = job;
      job.started = performance.now();
      job.timer = setTimeout(() => {
        slot.killedFor = "timeout";
        slot.child.kill("SIGKILL");
      }, this.opts.timeoutMs);
      const msg: PoolMessage = { type: "task", id: job.id, task: job.task };
      slot.child.send(msg, (err) => {
        if (err) slot.child.kill("SIGKILL");
      });
    }
  }

  private watchMemory(): void {
    const cap = this.opts.maxMemoryMb * 1048576;
    for (const slot of this.slots) {
      const pid = slot.child.pid;
      if (!pid) continue;
      let rss: number;
      try {
        rss = Number(readFileSync(`/proc/${pid}/statm`, "latin1").split(" ")[1]) * this.pageSize;
      } catch {
        // the worker has just exited: nothing to measure
        continue;
      }
      if (!(rss > 0)) continue;
      this.peakRss = Math.max(this.peakRss, rss);
      if (rss > cap && slot.job && !slot.killedFor) {
        slot.killedFor = "memory";
        slot.child.kill("SIGKILL");
      }
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.poll);
    await Promise.all(
      this.slots.map(
        (slot) =>
          new Promise<void>((resolve) => {
            if (slot.child.exitCode !== null || slot.child.signalCode !== null) return resolve();
            slot.child.once("exit", () => resolve());
            const kill = setTimeout(() => slot.child.kill("SIGKILL"), 2000);
            kill.unref();
            const msg: PoolMessage = { type: "close" };
            if (slot.child.connected) slot.child.send(msg, (err) => err && slot.child.kill("SIGKILL"));
            else slot.child.kill("SIGKILL");
          }),
      ),
    );
    this.slots = [];
    for (const job of this.queue.splice(0))
      job.resolve({ ok: false, path: job.task.path, code: "internal", message: "the batch was stopped", ms: 0 });
  }
}
