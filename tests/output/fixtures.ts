/** Two small synthetic plans (a regional education authority plan and a municipal plan) for the workbook tests. */
import type { PlanDocument, Row } from "../../src/model/schema.js";

/** A row with every field empty but the ones given. */
export function row(partial: Partial<Row> & Pick<Row, "activity">): Row {
  return {
    number: null,
    sections: [],
    deadline: { text: null, start: null, end: null, kind: "none" },
    indicator: { unit: null, current: null, target: null, expected: null },
    financing: null,
    responsible: { text: null, parties: [] },
    note: null,
    pages: [],
    ...partial,
  };
}

const ruoSection1 = { number: "1", label: null, title: "Повишаване на обхвата и пълноценното включване на децата и учениците" };
const ruoSection11 = { number: "1.1", label: "Цел", title: "Разширяване на обхвата на децата в задължителното предучилищно образование" };
const ruoSection12 = { number: "1.2", label: "Цел", title: "Намаляване процента на отпадналите деца и ученици" };
const ruoSection2 = { number: "2", label: null, title: "Повишаване на образователните резултати чрез дигитализация" };

export const kyustendil: PlanDocument = {
  schemaVersion: 1,
  source: { file: "ruo-kyustendil-2024-2025.pdf", format: "pdf", sha256: "a".repeat(64), pages: 14 },
  document: {
    title: "План за дейността на Регионално управление на образованието – Кюстендил за учебната 2024/2025 година",
    issuer: "Регионално управление на образованието – Кюстендил",
    region: "Кюстендил",
    period: { label: "2024/2025", start: "2024-09-15", end: "2025-09-14" },
  },
  rows: [
    row({
      number: "1.1.1",
      sections: [ruoSection1, ruoSection11],
      activity:
        "Методическа подкрепа и контрол на организацията и предоставянето на обща подкрепа за личностно развитие в детската градина",
      deadline: { text: "октомври 2024 -декември 2024 година", start: "2024-10-01", end: "2024-12-31", kind: "range" },
      indicator: {
        unit: "брой",
        current: "19 детски градини",
        target: "3 детски градини",
        expected: null,
        targetParts: [{ value: 3, unit: "детски градини", text: "3 детски градини" }],
      },
      responsible: { text: "ст. експерт по ПО", parties: [{ text: "ст. експерт по ПО", expanded: "старши експерт по предучилищно образование" }] },
      pages: [2],
    }),
    row({
      number: "1.2.2",
      sections: [ruoSection1, ruoSection12],
      activity: "Провеждане на организационни срещи с представителите на екипите за обхват по общини",
      deadline: { text: "септември 2024 г. – юни 2025 г.", start: "2024-09-01", end: "2025-06-30", kind: "range" },
      indicator: { unit: "брой срещи", current: "0", target: "9", expected: null },
      responsible: { text: "ръководители на екипите за обхват", parties: [{ text: "ръководители на екипите за обхват", expanded: null }] },
      pages: [2, 3],
    }),
    row({
      number: "1.2.10",
      sections: [ruoSection1, ruoSection12],
      activity: "Осъществяване на контрол по изпълнение на индивидуални учебни планове съгласно чл. 95, ал. 2 от ЗПУО",
      deadline: { text: "ежемесечен", start: "2024-09-15", end: "2025-09-14", kind: "recurring", recurrence: "monthly" },
      indicator: { unit: "брой", current: "38 училища", target: "=SUM(A1)", expected: null },
      responsible: {
        text: "ст. експерт по ОСО, ст. експерт по ПО",
        parties: [
          { text: "ст. експерт по ОСО", expanded: "старши експерт по организация на средното образование" },
          { text: "ст. експерт по ПО", expanded: "старши експерт по предучилищно образование" },
        ],
      },
      pages: [3],
    }),
    row({
      number: "2.1.3",
      sections: [ruoSection2],
      activity: "Обучение на учители за работа с дигитални ресурси и STEM среда",
      deadline: { text: "при необходимост", start: null, end: null, kind: "conditional" },
      indicator: { unit: "%", current: "-5 деца", target: "2,5", expected: "Повишена дигитална компетентност" },
      responsible: { text: "ст. експерт по ИКТ", parties: [{ text: "ст. експерт по ИКТ", expanded: null }] },
      note: "+ допълнително финансиране",
      pages: [5],
    }),
  ],
  warnings: [
    { code: "deadline-unparsed", message: "Срокът „при необходимост“ не назовава период", page: 5, row: 3 },
    { code: "header-repeated", message: "Повторена заглавна част на таблицата", page: 3, row: null },
  ],
  review: { status: "ok", reasons: [] },
};

const kzOp1 = { number: null, label: "Оперативна цел 1", title: "Осигуряване на процес и среда на учене, които премахват пречките пред ученето" };
const kzM1 = { number: null, label: "Мярка 1", title: "Осигуряване на качествено оценяване на индивидуалните потребности" };
const kzM2 = { number: null, label: "Мярка 2", title: "Подкрепа за приобщаващо образование" };

export const kazanlak: PlanDocument = {
  schemaVersion: 1,
  source: { file: "kazanlak-pld-2024.docx", format: "docx", sha256: "b".repeat(64), pages: null },
  document: {
    title: "План на дейностите за подкрепа за личностно развитие на децата и учениците в община Казанлък за 2024 г.",
    issuer: "Община Казанлък",
    region: "Казанлък",
    period: { label: "2024", start: "2024-01-01", end: "2024-12-31" },
  },
  rows: [
    row({
      sections: [kzOp1, kzM1],
      activity:
        "Изпълнение на нормативно определените практики за екипна работа на учителите, съгласно Наредбата за приобщаващо образование",
      deadline: { text: "Декември 2024 г.", start: "2024-12-01", end: "2024-12-31", kind: "month" },
      financing: "От бюджета на отговорните институции",
      indicator: { unit: null, current: null, target: null, expected: "Ранно разпознаване на обучителни трудности" },
      responsible: {
        text: "Детски градини, училища, РЦПППО – Стара Загора",
        parties: [
          { text: "Детски градини", expanded: null },
          { text: "училища", expanded: null },
          { text: "РЦПППО – Стара Загора", expanded: "Регионален център за подкрепа на процеса на приобщаващото образование – Стара Загора" },
        ],
      },
    }),
    row({
      sections: [kzOp1, kzM2],
      activity: "Квалификация на педагогическите специалисти за работа с деца със специални образователни потребности",
      deadline: { text: "м. март – м. май 2024 г.", start: "2024-03-01", end: "2024-05-31", kind: "range" },
      financing: "Национална програма",
      responsible: {
        text: "ст. експерти по ПО, Община Казанлък",
        parties: [
          { text: "ст. експерти по ПО", expanded: "старши експерти по предучилищно образование" },
          { text: "Община Казанлък", expanded: null },
        ],
      },
    }),
    row({
      sections: [kzOp1, kzM2],
      activity: "Информационна кампания за превенция на отпадането от училище",
      deadline: { text: "постоянен", start: null, end: null, kind: "ongoing" },
      responsible: { text: "Община Казанлък", parties: [{ text: "Община Казанлък", expanded: null }] },
    }),
  ],
  warnings: [],
  review: { status: "ok", reasons: [] },
};
