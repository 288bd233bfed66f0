import { describe, expect, it } from "vitest";
import { NS, parseXml, XmlSyntaxError, textOf, wChild } from "../../src/extract/docx/xml.js";

describe("parseXml", () => {
  it("resolves namespaces whatever the prefix, decodes entities, keeps CDATA, skips comments", () => {
    const root = parseXml(
      `<?xml version="1.0"?><!-- c --><x:document xmlns:x="${NS.w}"><x:t a="1 &gt; 0" b='&#x41;&amp;'>a &lt;b&gt; &#1041;<![CDATA[<raw>]]></x:t><y:t xmlns:y="urn:other"/></x:document>`,
    );
    expect(root.ns).toBe(NS.w);
    expect(root.name).toBe("document");
    const t = wChild(root, "t");
    expect(t?.attrs).toEqual({ a: "1 > 0", b: "A&" });
    expect(textOf(t!)).toBe("a <b> Б<raw>");
    expect(root.children.filter((c) => typeof c !== "string")).toHaveLength(2);
  });

  it("rejects malformed XML", () => {
    expect(() => parseXml("<a><b></a>")).toThrow(XmlSyntaxError);
    expect(() => parseXml("<a>")).toThrow(XmlSyntaxError);
    expect(() => parseXml("<a x=1/>")).toThrow(XmlSyntaxError);
    expect(() => parseXml("")).toThrow(XmlSyntaxError);
  });

  it("resolves default namespaces and redeclared prefixes per element, and rejects unbound prefixes", () => {
    const root = parseXml(`<r xmlns="urn:a"><x:e xmlns:x="${NS.w}" x:val="1"><x:f xmlns:x="urn:b"/><g/></x:e></r>`);
    expect([root.ns, root.name]).toEqual(["urn:a", "r"]);
    const e = root.children[0] as Exclude<(typeof root.children)[0], string>;
    expect([e.ns, e.name, e.attrs]).toEqual([NS.w, "e", { val: "1" }]);
    expect((e.children as { ns: string }[]).map((c) => c.ns)).toEqual(["urn:b", "urn:a"]);
    expect(() => parseXml("<w:p/>")).toThrow(XmlSyntaxError);
    expect(() => parseXml(`<a xmlns:w="${NS.w}"><b q:x="1"/></a>`)).toThrow(XmlSyntaxError);
    expect(parseXml(`<a xml:space="preserve"/>`).attrs).toEqual({ space: "preserve" });
  });
});
