/**
 * One-off helper: builds fixtures/expected/ruo-kyustendil-2024-2025.json from the seed text
 * /work/shared/seeds/ruo-kyustendil-2024-2025.txt.
 *
 * Only the mechanical part is done by code (splitting the tab-separated rows, joining continuation
 * lines, tracking sections). Every deadline and every list of responsible parties comes from the
 * hand-made tables below, worked out by reading the document; a cell text missing from a table stops
 * the script, so nothing is guessed. No code of the project's normalizers is used.
 *
 * Run: npx tsx scripts/seeds/kyustendil-seed.ts [seed.txt] [out.json]
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { validatePlan } from "../../src/model/schema.js";

const seedPath = process.argv[2] ?? "/work/shared/seeds/ruo-kyustendil-2024-2025.txt";
const outPath = process.argv[3] ?? "fixtures/expected/ruo-kyustendil-2024-2025.json";

const PERIOD = { label: "2024/2025", start: "2024-09-15", end: "2025-09-14" };

type Kind = "range" | "month" | "school-year" | "recurring" | "conditional";
interface HandDeadline {
  start: string | null;
  end: string | null;
  kind: Kind;
  recurrence?: string;
}
const SY = (a: number): HandDeadline => ({
  start: `${a}-09-15`,
  end: `${a + 1}-09-14`,
  kind: "school-year",
});
const R = (start: string, end: string): HandDeadline => ({ start, end, kind: "range" });

/** Deadline cell text (cleaned, as printed) → period, decided by hand. */
const DEADLINES: Record<string, HandDeadline> = {
  "октомври 2024 -декември 2024 година": R("2024-10-01", "2024-12-31"),
  "учебна 2024-2025 година": SY(2024),
  "учебната 2024-2025 година": SY(2024),
  "учебна 2024 - 2025 година": SY(2024),
  "учебна 2024/2025 година": SY(2024),
  "учебна 2024-2025 година съгласно графика на МОН": SY(2024),
  "учебна 2023/2024 година по график на МОН": SY(2023),
  "септември 2024 г. – юни 2025 г.": R("2024-09-01", "2025-06-30"),
  "м. септември 2024 г. – м. юни 2025 г.": R("2024-09-01", "2025-06-30"),
  "септември 2024 г. – май 2025 г.": R("2024-09-01", "2025-05-31"),
  "септември 2024 г. – декември 2024 г.": R("2024-09-01", "2024-12-31"),
  "септември 2024 г. – ноември 2024 г.": R("2024-09-01", "2024-11-30"),
  "септември 2024 г. - ноември 2024 г.": R("2024-09-01", "2024-11-30"),
  "октомври 2024 г. – юни 2025 г.": R("2024-10-01", "2025-06-30"),
  "октомври 2024 г.-юни 2025 г.": R("2024-10-01", "2025-06-30"),
  "октомври 2024 г.- юни 2025 г.": R("2024-10-01", "2025-06-30"),
  "октомври 2024 г. - юни 2025 г.": R("2024-10-01", "2025-06-30"),
  "октомври 2024 г. – май 2025 г.": R("2024-10-01", "2025-05-31"),
  "октомври 2024 г. – декември 2024 г.": R("2024-10-01", "2024-12-31"),
  "октомври 2024 – декември 2024 г.": R("2024-10-01", "2024-12-31"),
  "октомври 2024 г. – ноември 2024 г.": R("2024-10-01", "2024-11-30"),
  "ноември 2024 г. – февруари 2025 г.": R("2024-11-01", "2025-02-28"),
  "ноември 2024 г. – декември 2024 г.": R("2024-11-01", "2024-12-31"),
  "ноември 2024 г. – юни 2025 г.": R("2024-11-01", "2025-06-30"),
  "декември 2024 г.- февруари 2025 г.": R("2024-12-01", "2025-02-28"),
  "февруари 2025 г.": { start: "2025-02-01", end: "2025-02-28", kind: "month" },
  "февруари 2025 г. – юни 2025 г.": R("2025-02-01", "2025-06-30"),
  "февруари 2025 г.-юни 2025 г.": R("2025-02-01", "2025-06-30"),
  "април 2025 г. – юни 2025 г.": R("2025-04-01", "2025-06-30"),
  "април 2025 г.- юни 2025 г.": R("2025-04-01", "2025-06-30"),
  "май 2025 г. - юни 2025 г.": R("2025-05-01", "2025-06-30"),
  "юни 2025 г. – юли 2025 г.": R("2025-06-01", "2025-07-31"),
  ежемесечен: { start: PERIOD.start, end: PERIOD.end, kind: "recurring", recurrence: "monthly" },
  "съгласно сроковете, определени в чл. 21, ал. 10 от ПУФРУО": {
    start: null,
    end: null,
    kind: "conditional",
  },
};

/** Responsible cell text (cleaned, as printed) → the distinct parties it names, decided by hand. */
const PARTIES: Record<string, string[]> = {
  "ст. експерт по ПО": ["ст. експерт по ПО"],
  "ст. експертът по ПО": ["ст. експертът по ПО"],
  "ст. експерт по ОСО": ["ст. експерт по ОСО"],
  "ст. експерт по ПОО": ["ст. експерт по ПОО"],
  "ст. експерт по БЕЛ": ["ст. експерт по БЕЛ"],
  "ст. експерти по БЕЛ": ["ст. експерти по БЕЛ"],
  "ст. експерт за ОНЕ": ["ст. експерт за ОНЕ"],
  "ст. експерт по ЧЕМЕ": ["ст. експерт по ЧЕМЕ"],
  "ст. експерт по математика": ["ст. експерт по математика"],
  "ст. експерт по ПНЕ": ["ст. експерт по ПНЕ"],
  "ст. експерт по ОНГОР": ["ст. експерт по ОНГОР"],
  "старши експерт по ОНГОР": ["старши експерт по ОНГОР"],
  "ст. експерт по АИ": ["ст. експерт по АИ"],
  "ст. експерти в отдел ОМДК": ["ст. експерти в отдел ОМДК"],
  "началник на отдел АПФСИО": ["началник на отдел АПФСИО"],
  "ръководители на екипите за обхват по общини": ["ръководители на екипите за обхват по общини"],
  "началници на отдели, ст. експерти от отдел ОМДК и от отдел АПФСИО,": [
    "началници на отдели",
    "ст. експерти от отдел ОМДК и от отдел АПФСИО",
  ],
  "началник на РУО, началници на отдели, ст. експерти от отдел ОМДК и отдел АПФСИО": [
    "началник на РУО",
    "началници на отдели",
    "ст. експерти от отдел ОМДК и отдел АПФСИО",
  ],
  "началници на отдели, ст. експерти от отдел ОМДК и отдел АПФСИО": ["началници на отдели", "ст. експерти от отдел ОМДК и отдел АПФСИО"],
  "ст. експерти и началници на отдели, ръководители на екипите за обхват": [
    "ст. експерти",
    "началници на отдели",
    "ръководители на екипите за обхват",
  ],
  "началник на отдел ОМДК и ст. експерти в отдел ОМДК": ["началник на отдел ОМДК", "ст. експерти в отдел ОМДК"],
  "началник на отдел ОМДК и ст. експерт ОСО": ["началник на отдел ОМДК", "ст. експерт ОСО"],
  "ст. експерт по ОСО, ст. експерт по ПО": ["ст. експерт по ОСО", "ст. експерт по ПО"],
  // The participial clause qualifies the members; it names no party of its own.
  "членове на комисиии, определени със заповеди на началника на РУО": ["членове на комисиии, определени със заповеди на началника на РУО"],
  "началник РУО, началник на отдел ОМДК, ст. експерт по ПОО, ст. експерт по ОСО": [
    "началник РУО",
    "началник на отдел ОМДК",
    "ст. експерт по ПОО",
    "ст. експерт по ОСО",
  ],
  "началник РУО, председател и членове на областната комиси-сия": ["началник РУО", "председател", "членове на областната комиси-сия"],
  "началник на отдел АПФСИО и ст. експерт по АИ": ["началник на отдел АПФСИО", "ст. експерт по АИ"],
  "началник на РУО, началник на отдели, ст. експерти в отдел ОМДК и в отдел АП-ФСНО": [
    "началник на РУО",
    "началник на отдели",
    "ст. експерти в отдел ОМДК и в отдел АП-ФСНО",
  ],
  "ст. експертът по ПО, ст. експерт по ПОО": ["ст. експертът по ПО", "ст. експерт по ПОО"],
  "ст. експерт по ПО, ст. експерт за ОНЕ": ["ст. експерт по ПО", "ст. експерт за ОНЕ"],
  "ст. експерт по ПНЕ и старши експерт по математика": ["ст. експерт по ПНЕ", "старши експерт по математика"],
  "началници на отдели и ст. експерти": ["началници на отдели", "ст. експерти"],
};

/**
 * Continuation joins where the first piece ends in a hyphen: true = a real hyphen (compound, kept),
 * false = an ordinary word broken at the line end (hyphen dropped). Decided by hand.
 */
const HYPHEN_KEEP: Record<string, boolean> = {
  "социално-": true, // социално-емоционалното
  "При-": false, // Прилагане
};

const stripTags = (s: string) => s.replace(/<\/?i>/g, "");
const clean = (s: string) => stripTags(s).replace(/\s+/g, " ").trim();

function joinPieces(a: string, b: string): string {
  if (a === "") return b;
  if (b === "") return a;
  const m = /(\S+-)$/.exec(a);
  if (m && /\p{L}-$/u.test(m[1])) {
    const keep = HYPHEN_KEEP[m[1]];
    if (keep === undefined) throw new Error(`hyphen at a line end not decided: ${m[1]}`);
    return keep ? a + b : a.slice(0, -1) + b;
  }
  return `${a} ${b}`;
}

const lines = readFileSync(seedPath, "utf8").split("\n");
const headerIdx = lines.findIndex((l) => l.startsWith("№\t"));
if (headerIdx < 0) throw new Error("table header not found");

/** Raw table rows: cells with continuation lines joined. */
const raw: string[][] = [];
let i = headerIdx + 2; // header spans two lines
for (; i < lines.length; i++) {
  const line = lines[i];
  if (line.trim() === "") continue; // page break
  if (!line.includes("\t")) break; // text after the table
  const cells = line.split("\t").map(clean);
  if (cells.length !== 8) throw new Error(`line ${i + 1}: ${cells.length} cells`);
  if (line.startsWith("\t") && !/^Дейности:$/.test(cells[1])) {
    const prev = raw[raw.length - 1];
    if (!prev || prev[1] === "Дейности:") throw new Error(`line ${i + 1}: continuation without a row`);
    for (let c = 0; c < 8; c++) prev[c] = joinPieces(prev[c], cells[c]);
  } else {
    raw.push(cells);
  }
}

type Section = { number: string | null; label: string | null; title: string };
const rows: unknown[] = [];
let priority: Section | null = null;
let goal: Section | null = null;
for (const cells of raw) {
  const [num, text, deadline, unit, current, target, responsible, note] = cells;
  if (num === "" && text === "Дейности:") continue;
  const number = num.replace(/\.$/, "");
  const isHeading = [deadline, unit, current, target, responsible, note].every((c) => c === "");
  if (isHeading) {
    const m = /^(Цел):\s*(.*)$/.exec(text);
    if (m) goal = { number, label: m[1], title: m[2] };
    else {
      priority = { number, label: null, title: text };
      goal = null;
    }
    continue;
  }
  if (!/^\d+\.\d+\.\d+$/.test(number)) throw new Error(`unexpected activity number ${num}`);
  const d = DEADLINES[deadline];
  if (!d) throw new Error(`deadline not decided by hand: ${deadline}`);
  const parties = PARTIES[responsible];
  if (!parties) throw new Error(`parties not decided by hand: ${responsible}`);
  for (const p of parties) if (!responsible.includes(p)) throw new Error(`party not in cell: ${p}`);
  rows.push({
    number,
    sections: [priority, goal].filter((s): s is Section => s !== null),
    activity: text,
    deadline: {
      text: deadline === "" ? null : deadline,
      start: d.start,
      end: d.end,
      kind: d.kind,
      ...(d.recurrence ? { recurrence: d.recurrence } : {}),
    },
    indicator: {
      unit: unit || null,
      current: current || null,
      target: target || null,
      expected: null,
    },
    financing: null,
    responsible: {
      text: responsible || null,
      parties: parties.map((p) => ({ text: p, expanded: null })),
    },
    note: note || null,
    pages: [],
  });
}

const doc = {
  schemaVersion: 1,
  source: {
    file: "ruo-kyustendil-2024-2025.docx",
    format: "docx",
    sha256: "0".repeat(64),
    pages: null,
  },
  document: {
    title: "ПЛАН ЗА ДЕЙНОСТТА НА РЕГИОНАЛНО УПРАВЛЕНИЕ НА ОБРАЗОВАНИЕТО – КЮСТЕНДИЛ ЗА УЧЕБНАТА 2024/2025 ГОДИНА",
    issuer: "Регионално управление на образованието – Кюстендил",
    region: "Кюстендил",
    period: PERIOD,
  },
  rows,
  warnings: [],
  review: { status: "ok", reasons: [] },
};

validatePlan(doc);
mkdirSync(dirname(outPath), { recursive: true });
writeFileSync(outPath, JSON.stringify(doc, null, 2) + "\n");
console.log(`${rows.length} rows written to ${outPath}`);
