// Builds small development PDFs (committed). Needs soffice/chromium only when re-run by hand:
//   node tests/pdf/data/make-dev.mjs && (see make-dev.sh)
import { writeFileSync } from "node:fs";
const acts = [
  "Изпълнение на нормативно определените практики за екипна работа на учителите, съгласно Наредбата за приобщаващо образование.",
  "Извършване на оценка на риска от обучителни затруднения на децата на 5 и 6-годишна възраст в рамките на установяването на готовността.",
  "Ранно оценяване от педагогическите специалисти в детската градина на потребностите от подкрепа за личностно развитие.",
  "Провеждане на арт-терапия и социално-емоционално обучение с децата и учениците.",
  "Организиране на концерти, посещения на културно-исторически обекти и изложби.",
];
const dl = ["Декември 2024 г.", "октомври 2024 г. – юни 2025 г.", "учебна 2024/2025 година", "при необходимост"];
const resp = ["Детски градини Училища", "РЦПППО – Стара Загора", "Община Казанлък", "ст. експерт по ПО"];
function rows(border) {
  let h = "";
  let n = 0;
  for (let g = 1; g <= 4; g++) {
    h += `<tr><td colspan="5"><b>Оперативна цел ${g}: Осигуряване на процес и среда на учене, които премахват пречките пред ученето.</b></td></tr>`;
    for (let m = 1; m <= 2; m++) {
      const k = 3;
      for (let i = 0; i < k; i++) {
        n++;
        h += "<tr>";
        if (i === 0 && border) h += `<td rowspan="${k}">Мярка ${g}.${m}: Осигуряване на качествено оценяване на потребностите</td>`;
        if (!border) h += `<td>${g}.${m}.${i + 1}</td>`;
        h += `<td>${n}. ${acts[n % acts.length]}</td><td>${dl[n % dl.length]}</td><td>${resp[n % resp.length]}</td><td>${n % 3 === 0 ? "Извършена оценка." : ""}</td></tr>`;
      }
    }
  }
  return h;
}
function page(border) {
  const css = border
    ? "table{border-collapse:collapse;width:100%} td,th{border:1px solid #000;padding:3px;vertical-align:top;font-size:11pt}"
    : "table{width:100%} td,th{padding:3px;vertical-align:top;text-align:left;font-size:11pt}";
  return `<!doctype html><html lang="bg"><head><meta charset="utf-8"><style>@page{margin:18mm 15mm;@top-center{content:"План на дейностите за 2024 г.- стр. " counter(page);font-size:9pt}@bottom-right{content:counter(page);font-size:9pt}} body{font-family:'Liberation Serif','DejaVu Serif',serif} ${css} h1{font-size:16pt;text-align:center}</style></head><body>
<h1>План на дейностите за подкрепа за личностно развитие на децата и учениците в община Казанлък за 2024 г.</h1>
<p>(приет с Решение №125/25.04.2024 г. на Общински съвет – Казанлък, Протокол №12)</p>
<table${border ? " border=\"1\" cellspacing=\"0\" cellpadding=\"4\"" : ""}><thead><tr><th>${border ? "Мярка" : "№"}</th><th>Дейности</th><th>Срок за изпълнение</th><th>Отговорни институции</th><th>Очаквани резултати</th></tr></thead>
<tbody>${rows(border)}</tbody></table>
<p>Изготвил: Иван Иванов</p></body></html>`;
}
writeFileSync("dev-ruled.html", page(true));
writeFileSync("dev-borderless.html", page(false));
