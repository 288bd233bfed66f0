/**
 * Just enough of the OLE compound file format ([MS-CFB]) to tell an old Word .doc from an encrypted
 * Office 2007+ package: the names of the streams in the file, and the "encrypted" flag of a Word
 * document's FIB.
 */

const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const MAX_SECTORS = 1 << 22;

interface Cfb {
  view: DataView;
  sectorSize: number;
  fat: number[];
  entries: { name: string; type: number; start: number; size: number }[];
}

function sectorOffset(cfb: { sectorSize: number }, n: number): number {
  return (n + 1) * cfb.sectorSize;
}

function readCfb(bytes: Uint8Array): Cfb {
  if (bytes.byteLength < 512) throw new Error("shorter than its header");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) throw new Error(`sector size 2^${shift} is not valid`);
  const sectorSize = 1 << shift;
  const sectorCount = Math.floor((bytes.byteLength - sectorSize) / sectorSize) + 1;
  const inFile = (n: number): boolean => n < sectorCount && sectorOffset({ sectorSize }, n) + sectorSize <= bytes.byteLength;

  // The sectors that hold the FAT: 109 listed in the header, more in the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = view.getUint32(0x4c + i * 4, true);
    if (s !== FREE && s !== END_OF_CHAIN) fatSectors.push(s);
  }
  let difat = view.getUint32(0x44, true);
  let guard = 0;
  while (difat !== END_OF_CHAIN && difat !== FREE && inFile(difat) && guard++ < MAX_SECTORS) {
    const base = sectorOffset({ sectorSize }, difat);
    const per = sectorSize / 4 - 1;
    for (let i = 0; i < per; i++) {
      const s = view.getUint32(base + i * 4, true);
      if (s !== FREE && s !== END_OF_CHAIN) fatSectors.push(s);
    }
    difat = view.getUint32(base + per * 4, true);
  }
  const fat: number[] = [];
  for (const s of fatSectors) {
    if (!inFile(s)) continue;
    const base = sectorOffset({ sectorSize }, s);
    for (let i = 0; i < sectorSize / 4; i++) fat.push(view.getUint32(base + i * 4, true));
  }

  const entries: Cfb["entries"] = [];
  const seen = new Set<number>();
  let dir = view.getUint32(0x30, true);
  while (dir !== END_OF_CHAIN && inFile(dir) && !seen.has(dir)) {
    seen.add(dir);
    const base = sectorOffset({ sectorSize }, dir);
    for (let off = base; off + 128 <= base + sectorSize; off += 128) {
      const nameBytes = Math.min(64, view.getUint16(off + 0x40, true));
      const type = view.getUint8(off + 0x42);
      if (type === 0 || nameBytes < 2) continue;
      let name = "";
      for (let i = 0; i < nameBytes - 2; i += 2) name += String.fromCharCode(view.getUint16(off + i, true));
      entries.push({ name, type, start: view.getUint32(off + 0x74, true), size: view.getUint32(off + 0x78, true) });
    }
    dir = fat[dir] ?? END_OF_CHAIN;
  }
  if (entries.length === 0) throw new Error("no directory entries");
  return { view, sectorSize, fat, entries };
}

/** What telling formats apart needs from a compound file, from one reading of its directory. */
export interface CompoundFile {
  /** Names of the streams and storages in the file. */
  streams: Set<string>;
  /** The WordDocument stream's FIB says the document is encrypted (false without such a stream). */
  wordDocumentEncrypted: boolean;
}

/** Read a compound file's directory (once); throws when the header or the directory cannot be read. */
export function readCompoundFile(bytes: Uint8Array): CompoundFile {
  const cfb = readCfb(bytes);
  return { streams: new Set(cfb.entries.map((e) => e.name)), wordDocumentEncrypted: wordDocumentEncrypted(cfb) };
}

/**
 * True when the WordDocument stream's FIB says the document is encrypted (Word 97–2003 "password
 * to open"): FibBase.fEncrypted, bit 0x0100 of the flags at offset 0x0A. An unreadable FIB is not
 * taken for encryption: LibreOffice then reports the file as damaged.
 */
function wordDocumentEncrypted(cfb: Cfb): boolean {
  const word = cfb.entries.find((e) => e.name === "WordDocument" && e.type === 2);
  // A stream under 4096 bytes would live in the mini stream: no real Word document is that small.
  if (!word || word.size < 4096) return false;
  const off = sectorOffset(cfb, word.start);
  if (off + 12 > cfb.view.byteLength) return false;
  const flags = cfb.view.getUint16(off + 0x0a, true);
  return (flags & 0x0100) !== 0;
}
