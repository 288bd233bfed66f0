/**
 * Child-process entry of the conversion sandbox (see src/cli/pool.ts for the protocol): runs the
 * init hooks once, then converts the files the pool sends, one at a time. A stray promise rejection
 * (pdf.js rejecting a promise nobody awaits, on a malformed file) is caught here and never ends the
 * process; the file it came with still gets its own result.
 */
// First: captures the built-ins pdf.js's polyfills replace, before anything loads pdf.js.
import "../extract/pdf/reader/native-builtins.js";
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { processFile, type FileResult } from "./process-file.js";
import type { PoolMessage, WorkerMessage } from "./pool.js";
import { workerHooks } from "./worker-hooks.js";

if (!process.send) throw new Error("worker.js must run as a child process of the batch runner");
const send = (msg: WorkerMessage, then?: () => void): void => {
  process.send!(msg, undefined, {}, () => then?.());
};

let current: { id: number; path: string } | null = null;
let stray = null as string | null;

process.on("unhandledRejection", (reason) => {
  stray ??= reason instanceof Error ? reason.message : String(reason);
});
process.on("uncaughtException", (err) => {
  // State after an uncaught exception is unknown: answer for the current file, then end; the pool
  // starts a fresh worker.
  const exit = () => {
    removeOwnTemporaries();
    process.exit(1);
  };
  if (current) {
    send(
      {
        type: "result",
        id: current.id,
        result: { ok: false, path: current.path, code: "internal", message: `unexpected error: ${oneLine(err)}`, ms: 0 },
      },
      exit,
    );
  } else exit();
});

/** The output folder of the current batch, where this process may have temporaries in flight. */
let outDir: string | null = null;

/**
 * Remove this process's temporaries (named with its pid, see src/output/atomic-write.ts) before it
 * exits: a batch runner killed without warning leaves no temporary its next run could miss.
 */
function removeOwnTemporaries(): void {
  if (!outDir) return;
  try {
    for (const name of readdirSync(outDir)) {
      if (name.startsWith(".") && name.endsWith(".tmp") && name.includes(`.${process.pid}.`)) rmSync(join(outDir, name), { force: true });
    }
  } catch {
    // nothing to clean, or the folder is gone
  }
}

// The batch runner is gone (ended, killed): stop at once rather than run on as an orphan.
process.on("disconnect", () => {
  removeOwnTemporaries();
  process.exit(0);
});

process.on("message", async (msg: PoolMessage) => {
  if (msg.type === "close") {
    for (const hook of workerHooks) await hook.dispose?.();
    process.disconnect?.();
    return;
  }
  if (msg.type !== "task") return;
  current = { id: msg.id, path: msg.task.path };
  outDir = msg.task.outDir;
  stray = null;
  let result: FileResult;
  try {
    result = await processFile(msg.task);
  } catch (err) {
    result = { ok: false, path: msg.task.path, code: "internal", message: `unexpected error: ${oneLine(err)}`, ms: 0 };
  }
  // An internal error that came with a stray rejection from the reader is the file's fault.
  const strayReason = stray as string | null;
  if (!result.ok && result.code === "internal" && strayReason) {
    result = { ...result, code: "damaged", message: `the file cannot be read (damaged): ${strayReason.slice(0, 300)}` };
  }
  current = null;
  send({ type: "result", id: msg.id, result });
});

function oneLine(err: unknown): string {
  const m = err instanceof Error ? err.message : String(err);
  return m.replace(/\s+/g, " ").slice(0, 300);
}

for (const hook of workerHooks) await hook.init?.();
send({ type: "ready" });
