/**
 * One-off helper: builds the hand-checked expected output fixtures/expected/kazanlak-pld-2024.json
 * from the text dump /work/shared/seeds/kazanlak-pld-2024.txt.
 *
 * Every cell is given as seed line numbers (1-based) so no text is retyped by hand; a line shared by
 * two cells is split by giving the literal part, which is checked against the line. At the end the
 * script checks that every non-blank line of the table region (except page headers) is used exactly
 * once, that the word multiset of the output equals the seed's, and validates against PlanDocument.
 *
 * Run: npx tsx scripts/seeds/kazanlak-seed.ts [seed.txt] [out.json]
 *
 * Judgment calls (see also the comments in `items`):
 * - "СТРАТЕГИЧЕСКА ЦЕЛ: …" stands above the table's header row, so it is document text, not a section.
 * - The running page headers ("План на дейностите за 2024 г.- стр. N", lines 1 and 527) enter no cell.
 * - Two merged "Мярка" cells are cut by a page break; their tails (lines 852–860, 1261–1262) are joined
 *   back to the measure title, not to the expected-results cell printed just before them.
 * - "психо-" + "физическите" keeps its hyphen: the author writes "психо-социална" mid-line, and the wide
 *   activity column shows no other line-end hyphen outside compounds (dictionary-bg knows only
 *   "психофизическите", so a dictionary-driven joiner would disagree).
 * - "Началото на учебната 2024/2025" names the start of the school year: kind "day", 2024-09-15.
 * - The row "Работа с родителските общности…" has no financing text: null (the cell above may be a
 *   vertically merged cell spanning both rows; the text dump cannot tell).
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { validatePlan, type PlanDocument, type Row, type Section, type Deadline } from "../../src/model/schema.js";

const seedPath = process.argv[2] ?? "/work/shared/seeds/kazanlak-pld-2024.txt";
const outPath = process.argv[3] ?? "fixtures/expected/kazanlak-pld-2024.json";
const seed = readFileSync(seedPath, "utf8").split("\n");
const line = (n: number): string => seed[n - 1] ?? "";

/** Table region and the running page headers inside it. */
const TABLE_FIRST = 33;
const TABLE_LAST = seed.length;
const PAGE_HEADER = /^\s*План на дейностите за 2024 г\.- стр\. \d+\s*$/;

/** Line-end hyphens that are real hyphens (compound words); every other word-final hyphen is a break. */
const KEEP_HYPHEN = new Set(["6-годишна", "културно-исторически", "арт-терапия", "психо-физическите"]);

type Piece = number | [number, number] | [number, string];
type Cell = Piece[];

const used = new Map<number, string[]>(); // line → parts used ("" = whole line)

function take(cell: Cell): string[] {
  const out: string[] = [];
  for (const p of cell) {
    if (typeof p === "number") {
      use(p, "");
      out.push(line(p));
    } else if (typeof p[1] === "number") {
      for (let n = p[0]; n <= p[1]; n++) {
        if (line(n).trim() === "") continue;
        if (PAGE_HEADER.test(line(n))) throw new Error(`range ${p} covers page header ${n}`);
        use(n, "");
        out.push(line(n));
      }
    } else {
      const [n, part] = p;
      if (!squash(line(n)).includes(squash(part))) throw new Error(`line ${n} has no "${part}"`);
      use(n, part);
      out.push(part);
    }
  }
  return out;
}

function use(n: number, part: string): void {
  const list = used.get(n) ?? [];
  list.push(part);
  used.set(n, list);
}

function squash(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** Cleaned text: lines joined by single spaces, line-end hyphen breaks joined, real hyphens kept. */
function clean(lines: string[]): string {
  let text = "";
  for (const raw of lines) {
    const l = squash(raw);
    if (l === "") continue;
    if (text === "") {
      text = l;
      continue;
    }
    const m = /(\S*\p{L})-$/u.exec(text);
    if (m) {
      const head = m[1]!.split(/\s/).pop()!;
      const nextWord = l.split(" ")[0]!;
      const compound = `${head}-${nextWord}`.replace(/[.,;:]+$/, "");
      text = KEEP_HYPHEN.has(compound) ? text + l : text.slice(0, -1) + l;
      if (!KEEP_HYPHEN.has(compound)) joined.add(`${head}-|${nextWord} → ${head}${nextWord}`);
      else kept.add(compound);
    } else if (/\d-$/.test(text)) {
      const head = text.split(" ").pop()!;
      const compound = `${head}${l.split(" ")[0]}`;
      if (!KEEP_HYPHEN.has(compound)) throw new Error(`undecided hyphen ${compound}`);
      kept.add(compound);
      text += l;
    } else {
      text += " " + l;
    }
  }
  return text;
}
const joined = new Set<string>();
const kept = new Set<string>();

// ---- deadlines, worked out by hand ----
function deadline(text: string): Deadline {
  switch (text) {
    case "Декември 2024 г.":
      return { text, start: "2024-12-01", end: "2024-12-31", kind: "month" };
    case "Началото на учебната 2024/2025":
      // "the beginning of the school year 2024/2025": the school year begins on 15 September.
      return { text, start: "2024-09-15", end: "2024-09-15", kind: "day" };
    case "При необходимост":
      return { text, start: null, end: null, kind: "conditional" };
    default:
      throw new Error(`no hand-worked deadline for "${text}"`);
  }
}

// ---- parties: one per line, a wrapped party joined, "A, B" on one line split ----
function parties(lines: string[]): string[] {
  const ls = lines.map(squash).filter((l) => l !== "");
  const out: string[] = [];
  for (let i = 0; i < ls.length; i++) {
    let p = ls[i]!;
    // a party wraps when its line ends with a dash or a preposition, or is a lone first word
    while (i + 1 < ls.length && (/[–-]$/.test(p) || / в$/.test(p) || p === "Община" || p === "Здравни")) {
      p = `${p} ${ls[++i]}`;
    }
    for (const q of p.split(/,\s+/)) if (!out.includes(q)) out.push(q);
  }
  return out;
}

// ---- the table, in document order ----
type Item = { oc: Cell } | { m: Cell } | { a: Cell; d: Cell; f: Cell | null; r: Cell; e: Cell };
const R = (a: Cell, d: Cell, f: Cell | null, r: Cell, e: Cell): Item => ({ a, d, f, r, e });

const items: Item[] = [
  { oc: [[33, 35]] },
  { m: [[37, 46]] },
  R([[48, 52]], [[54, 55]], [[57, 59]], [[61, 62]], [[64, 69]]),
  R([[71, 77]], [[79, 80]], [[82, 84]], [[86, "Детски градини"]], [[86, "Извършена оценка."]]),
  R([[87, 98]], [100, [101, "2024 г."]], [[101, "Неприложимо"]], [[101, "Детски градини"]], [[103, 105]]),
  { m: [[107, 116]] },
  R([[118, 120]], [[122, 123]], [[125, 127]], [129], [[130, 132]]),
  R([[134, 136]], [[138, 139]], [[141, 143]], [[145, 146]], [[148, 150]]),
  R([[152, 154]], [[156, 157]], [[159, 161]], [[163, 164]], [[166, 167]]),
  R([[169, 172]], [[174, 175]], [[177, 179]], [[181, 182]], [[184, 187]]),
  { m: [[189, 196]] },
  R([[198, 203]], [[205, 206]], [[208, 210]], [[212, 214]], [216]),
  R([[218, 220]], [[222, 223]], [[225, 227]], [229, [230, "МКБППМН"]], [[230, "Проведени мероприятия"]]),
  R([[231, 233]], [[235, 236]], [[238, 240]], [242, [243, "МКБППМН"]], [[243, "Проведени мероприятия"]]),
  R([[245, 247]], [[249, 250]], [[252, 254]], [256, [257, "Детски градини"]], [[257, "Формирани умения"]]),
  R([[259, 261]], [[263, 264]], [[266, 268]], [[270, 272]], [274]),
  R([[276, 278]], [[280, 281]], [[283, 285]], [[287, 288]], [[290, 293]]),
  R([[295, 299]], [[301, 302]], [[304, 306]], [[308, 310]], [[312, 313]]),
  R([[315, 319]], [[321, 322]], [[324, 326]], [[328, 329]], [[331, 333]]),
  R([[335, 341]], [[343, 344]], [[346, 348]], [[350, 352]], [[354, 355]]),
  { m: [[356, 368]] },
  R([[370, 375]], [[377, 378]], [[380, 385]], [[387, 390]], [[392, 393]]),
  R([[395, 400]], [[402, 403]], [[405, 407]], [[409, 413]], [[415, 416]]),
  { m: [[418, 430]] },
  R([[432, 434]], [[436, 437]], [[439, 441]], [[443, 445]], [[447, 448]]),
  R([[450, 452]], [[454, 455]], [[457, 459]], [[461, 463]], [465]),
  R([[467, 469]], [[471, 472]], [[474, 478]], [480, [481, "Казанлък"]], [[481, "Отпуснати стипендии"]]),
  R([[483, 486]], [[488, 489]], [[491, 493]], [[495, 496]], [[498, 499]]),
  R([[501, 503]], [[505, 506]], [[508, 510]], [[512, 517]], [[519, 523]]),
  // 527: running page header "План на дейностите за 2024 г.- стр. 5" — dropped
  { m: [[530, 544]] },
  R([[546, 551]], [[553, 554]], [[556, 558]], [[560, 561]], [[563, 564]]),
  R([[566, 571]], [[573, 574]], [[576, 578]], [[580, 586]], [[588, 592]]),
  R([[594, 596]], [[598, 599]], [[601, 603]], [[605, 608]], [610]),
  R([[612, 614]], [[616, 617]], [[619, 621]], [[623, "Училища"]], [[623, "Допълнителни занимания"], 624]),
  R([[626, 627]], [[629, 630]], [[632, 634]], [[636, 639]], [[641, 642]]),
  R([[644, 651]], [[653, 654]], [[656, 658]], [[660, 666]], [[668, 670]]),
  { oc: [[671, 672]] },
  { m: [[674, 681]] },
  R([[683, 686]], [[688, 689]], [[691, 693]], [[695, 696]], [[698, 699]]),
  R([[701, 702]], [[704, 707]], [[709, 711]], [[713, 714]], [[716, 717]]),
  R([[719, 721]], [[723, 724]], [[726, 728]], [[730, 732]], [[734, 735]]),
  R([[737, 742]], [[744, 747]], [[749, 751]], [[753, 758]], [[760, 763]]),
  R([[765, 770]], [[772, 774]], [[776, 778]], [[780, 783]], [[785, 788]]),
  // Мярка 2's merged cell is cut by a page break: its last lines (852–860) follow the page's last row.
  {
    m: [
      [790, 801],
      [852, 860],
    ],
  },
  R([[803, 808]], [[810, 811]], [[813, 818]], [[820, 824]], [826]),
  R([[828, 832]], [[834, 835]], [[837, 841]], [[843, 847]], [[849, 851]]),
  { oc: [[862, 864]] },
  { m: [[866, 876]] },
  R(
    [
      [878, 882],
      [883, "развитие на децата и учениците със СОП."],
    ],
    [
      [883, "Декември"],
      [885, "2024 г."],
    ],
    [[885, "Неприложимо"]],
    [[885, "Детски градини"], 886],
    [[888, 892]],
  ),
  { m: [[894, 905]] },
  R(
    [[907, 913]],
    [[915, 918]],
    [[920, "Неприложимо"]],
    [
      [920, "Детски градини"],
      [921, "Училища"],
    ],
    [[921, "Структурирани ЕПЛР"]],
  ),
  { m: [[922, 938]] },
  R([[940, 944]], [[946, 947]], [[949, 951]], [[953, 956]], [[958, 960]]),
  { m: [[962, 970]] },
  R([[972, 978]], [[980, 981]], [[983, 985]], [[987, 989]], [[991, 997]]),
  { m: [[998, 1011]] },
  R([[1013, 1027]], [[1029, 1030]], [[1032, 1034]], [[1036, 1038]], [[1040, 1046]]),
  { m: [[1048, 1051]] },
  R([[1053, 1055]], [[1057, 1058]], [[1060, 1062]], [[1064, 1066]], [[1068, 1069]]),
  { m: [[1071, 1074]] },
  R([[1076, 1077]], [[1079, 1080]], [[1082, 1084]], [[1086, 1088]], [[1090, 1091]]),
  { m: [[1093, 1097]] },
  R([[1099, 1103]], [[1105, 1106]], [[1108, 1110]], [[1112, 1114]], [[1116, 1122]]),
  { m: [[1124, 1128]] },
  R([[1130, 1133]], [1135, [1136, "2024 г."]], [[1136, "неприложимо"]], [[1136, "Училища"]], [[1138, 1141]]),
  { oc: [[1142, 1144]] },
  { m: [[1146, 1154]] },
  R([[1156, 1167]], [[1169, 1170]], [[1172, 1177]], [[1179, 1180]], [[1182, 1185]]),
  { oc: [[1187, 1189]] },
  { m: [[1191, 1197]] },
  R([[1199, 1208]], [1210, [1211, "2024 г."]], [[1211, "Неприложимо"]], [[1213, 1222]], [[1223, 1226]]),
  // Мярка 2's merged cell is cut by a page break: "децата в риск и деца, жертви на насилие" continues it.
  { m: [[1228, 1233], 1261, [1262, "жертви на насилие"]] },
  R([[1235, 1239]], [[1241, 1242]], [[1244, 1246]], [[1248, 1253]], [[1255, 1260]]),
  R(
    [
      [1262, "Прилагане на Механизъм за"],
      [1264, 1265],
    ],
    [[1267, 1268]],
    [[1270, 1272]],
    [1274],
    [[1276, 1280]],
  ),
  R([[1282, 1287]], [[1289, 1290]], [[1292, 1294]], [[1296, 1298]], [[1300, 1306]]),
  R([[1308, 1309]], [[1311, 1312]], [[1314, 1315]], [1317, [1318, "МКБППМН"]], [[1318, "Реализирани кампании"]]),
  { m: [[1320, 1329]] },
  R([[1331, 1334]], [[1336, 1337]], [[1339, 1341]], [[1343, 1344]], [[1346, 1348]]),
  { m: [[1350, 1358]] },
  R([[1360, 1363]], [[1365, 1366]], [[1368, 1370]], [1372], [[1373, 1375]]),
  { m: [[1376, 1386]] },
  R([[1388, 1394]], [[1396, 1397]], [[1399, 1401]], [1403], [[1405, 1408]]),
  R([[1410, 1413]], [[1415, 1416]], [[1418, 1420]], [1422], [[1423, 1425]]),
  R([[1427, 1433]], [[1435, 1436]], [[1438, 1440]], [[1442, 1443]], [[1445, 1446]]),
  R([[1448, 1453]], [[1455, 1456]], [[1458, 1460]], [[1462, 1465]], [[1467, 1470]]),
  { oc: [[1472, 1474]] },
  { m: [[1475, 1485]] },
  R([[1487, 1490]], [[1492, 1493]], [[1495, 1500]], [[1502, 1505]], [1507]),
  // no text in the financing column for this row: null
  R([[1509, 1512]], [[1514, 1515]], null, [[1517, 1520]], [[1522, 1523]]),
  R([[1525, 1527]], [[1529, 1530]], [[1532, 1534]], [[1536, 1540]], [[1542, 1543]]),
  { m: [[1545, 1556]] },
  R([[1558, 1566]], [[1568, 1569]], [[1571, 1573]], [[1575, 1579]], [[1581, 1582]]),
  { m: [[1584, 1589]] },
  R([[1591, 1600]], [[1602, 1603]], [[1605, 1610]], [[1612, 1616]], [[1618, 1625]]),
];

function section(cell: Cell): Section {
  const text = clean(take(cell));
  const m = /^(Оперативна цел \d+|Мярка \d+):\s*(.+)$/.exec(text);
  if (!m) throw new Error(`not a heading: ${text}`);
  return { number: null, label: m[1]!, title: m[2]! };
}

const rows: Row[] = [];
const sectionTexts: string[] = [];
let oc: Section | null = null;
let measure: Section | null = null;
for (const it of items) {
  if ("oc" in it) {
    oc = section(it.oc);
    measure = null;
    sectionTexts.push(`${oc.label}: ${oc.title}`);
  } else if ("m" in it) {
    measure = section(it.m);
    sectionTexts.push(`${measure.label}: ${measure.title}`);
  } else {
    // take the cells in column order, so a shared line's parts are checked in printed order
    const activity = clean(take(it.a));
    const dl = deadline(clean(take(it.d)));
    const financing = it.f ? clean(take(it.f)) : null;
    const rLines = take(it.r);
    const expected = clean(take(it.e));
    rows.push({
      number: null,
      sections: [oc, measure].filter((s): s is Section => s !== null),
      activity,
      deadline: dl,
      indicator: { unit: null, current: null, target: null, expected },
      financing,
      responsible: {
        text: clean(rLines),
        parties: parties(rLines).map((text) => ({ text, expanded: null })),
      },
      note: null,
      pages: [],
    });
  }
}

// ---- check 1: every non-blank table line used exactly once (whole, or its parts make it up) ----
const problems: string[] = [];
for (let n = TABLE_FIRST; n <= TABLE_LAST; n++) {
  const l = line(n);
  const parts = used.get(n);
  if (l.trim() === "" || PAGE_HEADER.test(l)) {
    if (parts && parts.some((p) => p !== "")) problems.push(`line ${n} is blank/header but used`);
    continue;
  }
  if (!parts) problems.push(`line ${n} unused: ${l}`);
  else if (parts.includes("") && parts.length > 1) problems.push(`line ${n} used ${parts.length} times`);
  else if (!parts.includes("") && squash(parts.join(" ")) !== squash(l)) problems.push(`line ${n} parts ≠ line: ${parts.join(" | ")}`);
}
for (const n of used.keys()) if (n < TABLE_FIRST) problems.push(`line ${n} is outside the table`);

// ---- check 2: word multiset of the output = word multiset of the seed's table ----
function words(s: string): string[] {
  return s
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
    .filter((w) => w !== "");
}
const seedLines: string[] = [];
for (let n = TABLE_FIRST; n <= TABLE_LAST; n++) if (!PAGE_HEADER.test(line(n))) seedLines.push(line(n));
// join the seed's hyphen breaks per line with the same rule, without counting the decisions twice
const seedWords = words(cleanQuiet(seedLines));
function cleanQuiet(ls: string[]): string {
  const j = new Set(joined);
  const k = new Set(kept);
  const t = clean(ls);
  joined.clear();
  kept.clear();
  for (const x of j) joined.add(x);
  for (const x of k) kept.add(x);
  return t;
}
const outWords: string[] = [];
for (const s of sectionTexts) outWords.push(...words(s));
for (const r of rows) {
  for (const t of [r.activity, r.deadline.text, r.financing, r.responsible.text, r.indicator.expected]) if (t) outWords.push(...words(t));
}
const count = (ws: string[]) => ws.reduce((m, w) => m.set(w, (m.get(w) ?? 0) + 1), new Map<string, number>());
const a = count(seedWords);
const b = count(outWords);
for (const w of new Set([...a.keys(), ...b.keys()])) {
  if ((a.get(w) ?? 0) !== (b.get(w) ?? 0)) problems.push(`word "${w}": seed ${a.get(w) ?? 0}, output ${b.get(w) ?? 0}`);
}

if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}

const doc: PlanDocument = {
  schemaVersion: 1,
  source: { file: "kazanlak-pld-2024.docx", format: "docx", sha256: "0".repeat(64), pages: null },
  document: {
    title: clean([line(4), line(5)]),
    issuer: "Община Казанлък",
    region: "Казанлък",
    period: { label: "2024", start: "2024-01-01", end: "2024-12-31" },
  },
  rows,
  warnings: [],
  review: { status: "ok", reasons: [] },
};
validatePlan(doc);
mkdirSync(dirname(outPath), { recursive: true });
writeFileSync(outPath, JSON.stringify(doc, null, 2) + "\n");
console.log(`${rows.length} rows, ${sectionTexts.length} sections, ${seedWords.length} words checked → ${outPath}`);
console.log(`hyphen breaks joined: ${[...joined].join("; ")}`);
console.log(`real hyphens kept: ${[...kept].join("; ")}`);
