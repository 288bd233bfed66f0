/**
 * A small, namespace-aware XML reader for the parts of a DOCX package. OOXML parts are plain
 * XML (no DTD, no external entities), so a tokenizer is enough; it gives every element its
 * namespace URI and local name so that `w:p` is recognised whatever prefix a producer chose.
 */

export interface XmlElement {
  /** Namespace URI of the element ("" when none). */
  ns: string;
  /** Local name, without prefix ("p", "tbl", "tc"). */
  name: string;
  /** Attributes by local name (prefixes dropped; namespace declarations left out). */
  attrs: Record<string, string>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

export class XmlSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XmlSyntaxError";
  }
}

export const NS = {
  w: "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
  wStrict: "http://purl.oclc.org/ooxml/wordprocessingml/main",
  mc: "http://schemas.openxmlformats.org/markup-compatibility/2006",
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
} as const;

const TOKEN =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>|<(\/?)([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)|(<)/g;
const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref] ?? whole;
  });
}

interface Frame {
  el: XmlElement;
  qname: string;
  scope: Map<string, string>;
}

/** Parse an XML text into its root element. Throws XmlSyntaxError on malformed input. */
export function parseXml(text: string): XmlElement {
  const docRoot: XmlElement = { ns: "", name: "#document", attrs: {}, children: [] };
  const stack: Frame[] = [{ el: docRoot, qname: "#document", scope: new Map([["xml", "http://www.w3.org/XML/1998/namespace"]]) }];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text)) !== null) {
    const top = stack[stack.length - 1];
    if (m[1] !== undefined) {
      top.el.children.push(m[1]);
    } else if (m[3] !== undefined) {
      const qname = m[3];
      if (m[2] === "/") {
        if (top.qname !== qname) {
          throw new XmlSyntaxError(`closing tag </${qname}> does not match <${top.qname}>`);
        }
        stack.pop();
        continue;
      }
      const rawAttrs: [string, string][] = [];
      const attrText = m[4] ?? "";
      ATTR.lastIndex = 0;
      let a: RegExpExecArray | null;
      while ((a = ATTR.exec(attrText)) !== null) {
        rawAttrs.push([a[1], decodeEntities(a[2] ?? a[3] ?? "")]);
      }
      let scope = top.scope;
      for (const [k, v] of rawAttrs) {
        if (k === "xmlns" || k.startsWith("xmlns:")) {
          if (scope === top.scope) scope = new Map(top.scope);
          scope.set(k === "xmlns" ? "" : k.slice(6), v);
        }
      }
      const colon = qname.indexOf(":");
      const prefix = colon >= 0 ? qname.slice(0, colon) : "";
      const el: XmlElement = {
        ns: scope.get(prefix) ?? "",
        name: colon >= 0 ? qname.slice(colon + 1) : qname,
        attrs: {},
        children: [],
      };
      for (const [k, v] of rawAttrs) {
        if (k === "xmlns" || k.startsWith("xmlns:")) continue;
        const c = k.indexOf(":");
        el.attrs[c >= 0 ? k.slice(c + 1) : k] = v;
      }
      top.el.children.push(el);
      if (m[5] !== "/") stack.push({ el, qname, scope });
    } else if (m[6] !== undefined) {
      if (stack.length > 1) top.el.children.push(decodeEntities(m[6]));
      else if (m[6].trim() !== "") throw new XmlSyntaxError("text outside the root element");
    } else if (m[7] !== undefined) {
      throw new XmlSyntaxError(`malformed markup near offset ${m.index}`);
    }
  }
  if (stack.length !== 1) throw new XmlSyntaxError(`unclosed element <${stack[stack.length - 1].qname}>`);
  const root = docRoot.children.find((c): c is XmlElement => typeof c !== "string");
  if (!root) throw new XmlSyntaxError("no root element");
  return root;
}

/** True for an element of the WordprocessingML namespace (transitional or strict) with this local name. */
export function isW(node: XmlNode | undefined, name?: string): boolean {
  return (
    typeof node === "object" && (node.ns === NS.w || node.ns === NS.wStrict) && (name === undefined || node.name === name)
  );
}

export function isMc(node: XmlNode | undefined, name: string): boolean {
  return typeof node === "object" && node.ns === NS.mc && node.name === name;
}

/** Child elements (w: namespace) with this local name. */
export function wChildren(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => isW(c, name));
}

export function wChild(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (isW(c, name)) return c as XmlElement;
  return undefined;
}

export function elements(el: XmlElement): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== "string");
}

/** The `w:val` attribute of a child element, e.g. wVal(pPr, "pStyle"). */
export function wVal(el: XmlElement | undefined, name: string): string | undefined {
  return wChild(el, name)?.attrs.val;
}

/**
 * An OOXML on/off property (`<w:b/>`, `<w:b w:val="false"/>`): undefined when absent,
 * otherwise its boolean value.
 */
export function onOff(el: XmlElement | undefined, name: string): boolean | undefined {
  const c = wChild(el, name);
  if (!c) return undefined;
  const v = c.attrs.val;
  return v === undefined || !(v === "0" || v === "false" || v === "off");
}

/** The concatenated text nodes directly inside an element. */
export function textOf(el: XmlElement): string {
  let s = "";
  for (const c of el.children) if (typeof c === "string") s += c;
  return s;
}
