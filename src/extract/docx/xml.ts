/**
 * The parts of a DOCX package as a small element tree, parsed by saxes (strict and namespace-aware):
 * every element carries its namespace URI and local name, so that `w:p` is recognised whatever
 * prefix a producer chose.
 */
import { SaxesParser } from "saxes";
import { MAX_XML_DEPTH } from "../../limits.js";

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

/** Elements nested deeper than MAX_XML_DEPTH: the part is refused (later walks may then recurse safely). */
export class XmlDepthError extends Error {
  constructor(readonly limit: number) {
    super(`elements nested deeper than ${limit}`);
    this.name = "XmlDepthError";
  }
}

export const NS = {
  w: "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
  wStrict: "http://purl.oclc.org/ooxml/wordprocessingml/main",
  mc: "http://schemas.openxmlformats.org/markup-compatibility/2006",
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
} as const;

/**
 * Parse an XML text into its root element with saxes (a strict, namespace-aware XML parser).
 * Throws XmlSyntaxError on malformed input, so a damaged part is reported as such.
 */
export function parseXml(text: string, maxDepth = MAX_XML_DEPTH): XmlElement {
  // Namespaces are resolved here rather than by saxes (its xmlns mode, and position tracking, cost
  // about half the parse time of a large document); an unbound prefix is still an error.
  const parser = new SaxesParser({ position: false });
  let tooDeep = false;
  const stack: XmlElement[] = [];
  /** Prefix → namespace URI in scope for each open element ("" for the default namespace). */
  const scopes: Map<string, string>[] = [new Map([["xml", "http://www.w3.org/XML/1998/namespace"]])];
  let root: XmlElement | null = null;
  let failure: Error | null = null;
  parser.on("error", (err) => {
    failure ??= err;
  });
  parser.on("opentag", (tag) => {
    let scope = scopes[scopes.length - 1];
    const raw = tag.attributes as Record<string, string>;
    const attrs: Record<string, string> = {};
    let prefixed: string[] | null = null;
    for (const key in raw) {
      const colon = key.indexOf(":");
      if (colon < 0) {
        if (key === "xmlns") (scope = scope === scopes[scopes.length - 1] ? new Map(scope) : scope).set("", raw[key]);
        else attrs[key] = raw[key];
      } else if (key.startsWith("xmlns:")) {
        (scope = scope === scopes[scopes.length - 1] ? new Map(scope) : scope).set(key.slice(6), raw[key]);
      } else {
        (prefixed ??= []).push(key.slice(0, colon));
        attrs[key.slice(colon + 1)] = raw[key];
      }
    }
    const colon = tag.name.indexOf(":");
    const prefix = colon < 0 ? "" : tag.name.slice(0, colon);
    const ns = scope.get(prefix);
    if (ns === undefined && prefix !== "") failure ??= new Error(`unbound namespace prefix: "${prefix}"`);
    for (const p of prefixed ?? []) if (!scope.has(p)) failure ??= new Error(`unbound namespace prefix: "${p}"`);
    const el: XmlElement = { ns: ns ?? "", name: colon < 0 ? tag.name : tag.name.slice(colon + 1), attrs, children: [] };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else root ??= el;
    if (!tag.isSelfClosing) {
      stack.push(el);
      scopes.push(scope);
    }
    if (stack.length > maxDepth && !tooDeep) {
      tooDeep = true;
      // Stop parsing now: the rest of the text is not looked at.
      throw new XmlDepthError(maxDepth);
    }
  });
  parser.on("closetag", (tag) => {
    if (!tag.isSelfClosing) {
      stack.pop();
      scopes.pop();
    }
  });
  const addText = (t: string) => {
    const top = stack[stack.length - 1];
    if (top) top.children.push(t);
  };
  parser.on("text", addText);
  parser.on("cdata", addText);
  try {
    parser.write(text).close();
  } catch (err) {
    if (err instanceof XmlDepthError) throw err;
    failure ??= err as Error;
  }
  if (tooDeep) throw new XmlDepthError(maxDepth);
  if (failure) throw new XmlSyntaxError((failure as Error).message);
  if (!root) throw new XmlSyntaxError("no root element");
  return root;
}

/** True for an element of the WordprocessingML namespace (transitional or strict) with this local name. */
export function isW(node: XmlNode | undefined, name?: string): boolean {
  return typeof node === "object" && (node.ns === NS.w || node.ns === NS.wStrict) && (name === undefined || node.name === name);
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
