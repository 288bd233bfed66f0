import { describe, expect, it } from "vitest";
import { collapseLetterSpacing, readMetadata } from "../../src/interpret/metadata.js";

const read = (lines: string[]) =>
  readMetadata(
    lines.map((text) => ({ text, page: null, where: "before" as const })),
    "",
  );

describe("document metadata", () => {
  it("reads a municipal plan's title, issuer, region and calendar-year period", () => {
    expect(
      read([
        "План на дейностите за подкрепа за личностно развитие",
        "на децата и учениците в община Казанлък за 2024 г.",
        "(приет с Решение №125)",
      ]),
    ).toEqual({
      title: "План на дейностите за подкрепа за личностно развитие на децата и учениците в община Казанлък за 2024 г.",
      issuer: "Община Казанлък",
      region: "Казанлък",
      period: { label: "2024", start: "2024-01-01", end: "2024-12-31" },
    });
  });

  it("reads an upper-case, letter-spaced РУО title with a school-year period", () => {
    const m = read([
      "МИНИСТЕРСТВО НА ОБРАЗОВАНИЕТО И НАУКАТА",
      "П Л А Н",
      "ЗА ДЕЙНОСТТА НА",
      "РЕГИОНАЛНО УПРАВЛЕНИЕ НА ОБРАЗОВАНИЕТО – КЮСТЕНДИЛ",
      "ЗА УЧЕБНАТА 2024/2025 ГОДИНА",
    ]);
    expect(m.title).toBe("ПЛАН ЗА ДЕЙНОСТТА НА РЕГИОНАЛНО УПРАВЛЕНИЕ НА ОБРАЗОВАНИЕТО – КЮСТЕНДИЛ ЗА УЧЕБНАТА 2024/2025 ГОДИНА");
    expect(m.issuer).toBe("Регионално управление на образованието – Кюстендил");
    expect(m.region).toBe("Кюстендил");
    expect(m.period).toEqual({ label: "2024/2025", start: "2024-09-15", end: "2025-09-14" });
  });

  it("reads abbreviated issuers and two-word places", () => {
    const m = read(["ГОДИШЕН ПЛАН", "НА РУО – СТАРА ЗАГОРА", "за учебната 2023-2024 година"]);
    expect(m.region).toBe("Стара Загора");
    expect(m.period?.label).toBe("2023/2024");
  });

  it("skips running page headers and collapses letter spacing only for single letters", () => {
    expect(read(["План на дейностите за 2024 г.- стр. 1", "План за работа на Община Стара Загора за 2025 г."]).title).toBe(
      "План за работа на Община Стара Загора за 2025 г.",
    );
    expect(collapseLetterSpacing("П Л А Н за 2024 г. и ДГ")).toBe("ПЛАН за 2024 г. и ДГ");
  });
});

describe("document metadata of every kind of plan", () => {
  it("reads a school's or kindergarten's title block: the institution as issuer, its town as region", () => {
    const school = read(["СУ „Христо Ботев“ – гр. Дупница", "ГОДИШЕН ПЛАН ЗА ДЕЙНОСТТА НА УЧИЛИЩЕТО", "ЗА УЧЕБНАТА 2024/2025 ГОДИНА"]);
    expect(school).toEqual({
      title: "ГОДИШЕН ПЛАН ЗА ДЕЙНОСТТА НА УЧИЛИЩЕТО ЗА УЧЕБНАТА 2024/2025 ГОДИНА",
      issuer: "СУ „Христо Ботев“ – гр. Дупница",
      region: "Дупница",
      period: { label: "2024/2025", start: "2024-09-15", end: "2025-09-14" },
    });
    const kg = read(["Детска градина „Слънце“, гр. Казанлък", "ГОДИШЕН ПЛАН", "за учебната 2024/2025 година"]);
    expect([kg.issuer, kg.region]).toEqual(["Детска градина „Слънце“, гр. Казанлък", "Казанлък"]);
  });

  it("reads a municipal programme's title over several lines and the municipality on its own line", () => {
    const m = read([
      "ОБЩИНА КАЗАНЛЪК",
      "ПРОГРАМА",
      "за подкрепа за личностно развитие",
      "на децата и учениците в община Казанлък",
      "за 2024 г.",
    ]);
    expect(m.title).toBe("ПРОГРАМА за подкрепа за личностно развитие на децата и учениците в община Казанлък за 2024 г.");
    expect([m.issuer, m.region]).toEqual(["Община Казанлък", "Казанлък"]);
  });

  it("never takes a stray word such as 'Приложение' or the next line's first word for the region", () => {
    const m = read(["Приложение № 2", "ОБЩИНА КАЗАНЛЪК", "План за действие за 2024 г."]);
    expect([m.title, m.issuer, m.region]).toEqual(["План за действие за 2024 г.", "Община Казанлък", "Казанлък"]);
  });
});
