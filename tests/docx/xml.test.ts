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
});
