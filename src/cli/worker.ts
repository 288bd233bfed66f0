/**
 * Worker-thread entry: converts the files the pool sends, one at a time.
 */
import { parentPort } from "node:worker_threads";
import { processFile, type FileResult, type FileTask } from "./process-file.js";

if (!parentPort) throw new Error("worker.js must run as a worker thread");
const port = parentPort;
port.on("message", async (msg: { id: number; task: FileTask }) => {
  try {
    port.postMessage({ id: msg.id, result: await processFile(msg.task) });
  } catch (err) {
    // processFile reports bad inputs itself; this is a result that could not be sent back.
    const result: FileResult = { ok: false, path: msg.task.path, code: "internal", message: `unexpected error: ${(err as Error).message}`, ms: 0 };
    port.postMessage({ id: msg.id, result });
  }
});
