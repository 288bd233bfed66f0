/**
 * Batch progress: a redrawn bar on a terminal, one plain line per file otherwise, nothing with --quiet.
 * Failures always reach stderr as a line naming the file and the reason.
 */
import type { FileResult } from "./process-file.js";

export interface ProgressOptions {
  total: number;
  quiet: boolean;
  /** Whether stderr is a terminal (bar) or not (lines). */
  tty: boolean;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

export class Progress {
  private done = 0;
  private failed = 0;
  private pages = 0;
  private readonly started = performance.now();
  private barShown = false;
  /** Converted files whose review status is "check", in the order they finished. */
  private readonly toCheck: string[] = [];

  constructor(private opts: ProgressOptions) {}

  file(result: FileResult, display: string): void {
    this.done++;
    if (result.ok) this.pages += result.pages;
    else this.failed++;
    const check = result.ok && result.doc.review?.status === "check";
    if (check) this.toCheck.push(display);
    if (!result.ok) {
      this.clearBar();
      this.opts.err.write(`error: ${display}: ${result.message} [${result.code}]\n`);
    } else if (!this.opts.quiet && !this.opts.tty) {
      const what =
        (result.skipped ? "unchanged, skipped" : `${result.doc.rows.length} rows, ${result.doc.warnings.length} warnings`) +
        (check ? ", check" : "");
      this.opts.out.write(`ok: ${display} (${what})\n`);
    }
    if (!this.opts.quiet && this.opts.tty) this.drawBar();
  }

  private elapsed(): number {
    return (performance.now() - this.started) / 1000;
  }

  private drawBar(): void {
    const { total } = this.opts;
    const width = 24;
    const filled = total ? Math.round((this.done / total) * width) : width;
    const secs = this.elapsed();
    const pps = secs > 0 ? this.pages / secs : 0;
    const left = this.done ? (secs / this.done) * (total - this.done) : 0;
    const line =
      `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${this.done}/${total} files · ` +
      `${pps.toFixed(1)} pages/s · ${this.failed} failed · ${formatTime(left)} left`;
    this.opts.err.write(`\r${line}\x1b[K`);
    this.barShown = true;
  }

  private clearBar(): void {
    if (this.barShown) {
      this.opts.err.write("\r\x1b[K");
      this.barShown = false;
    }
  }

  finish(summary: string): void {
    this.clearBar();
    if (this.opts.quiet) return;
    this.opts.out.write(`${summary} in ${formatTime(this.elapsed())}\n`);
    if (this.toCheck.length > 0) {
      const n = this.toCheck.length;
      this.opts.out.write(`${n} file${n === 1 ? "" : "s"} need${n === 1 ? "s" : ""} a check (review status "check"):\n`);
      for (const f of this.toCheck) this.opts.out.write(`  ${f}\n`);
    }
  }
}

function formatTime(secs: number): string {
  const s = Math.max(0, Math.round(secs));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}
