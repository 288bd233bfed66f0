/**
 * Worker-thread entry: converts the files the pool sends, one at a time.
 */
import { parentPort } from "node:worker_threads";
import { processFile, type FileTask } from "./process-file.js";

if (!parentPort) throw new Error("worker.js must run as a worker thread");
const port = parentPort;
port.on("message", async (msg: { id: number; task: FileTask }) => {
  const result = await processFile(msg.task);
  port.postMessage({ id: msg.id, result });
});
