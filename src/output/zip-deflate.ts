/**
 * Compress a stored (uncompressed) zip with Node's zlib.
 *
 * exceljs packs an in-memory workbook with JSZip, whose deflate is pako, plain JavaScript: about 40 % of
 * the CPU a plan workbook costs (measured on the seed plans), and most of its garbage. We ask exceljs for
 * a zip of stored entries (JSZip then only copies bytes and computes the CRCs) and deflate each entry here
 * with the native zlib, keeping names, dates, flags and CRCs. Only what JSZip writes is read: no data
 * descriptors, no ZIP64, no multi-part archives; anything else is refused with an error, not guessed at.
 */
import { deflateRawSync } from "node:zlib";

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const LOCAL_HEADER_SIZE = 30;
const CENTRAL_HEADER_SIZE = 46;
const END_SIZE = 22;
/** Compression methods of the zip format. */
const STORED = 0;
const DEFLATED = 8;
/** General-purpose flag bit 3: sizes and CRC follow the data in a descriptor. */
const DATA_DESCRIPTOR_FLAG = 0x0008;
/** zlib's own default, and pako's: the same trade of size for time as before. */
const DEFLATE_LEVEL = 6;

interface Entry {
  /** The central-directory record's fixed part, copied and then patched. */
  central: Buffer;
  name: Buffer;
  extra: Buffer;
  comment: Buffer;
  data: Buffer;
}

/** Read the entries of a zip whose entries are all stored. Throws on anything this module does not write. */
function storedEntries(zip: Buffer): Entry[] {
  const end = zip.length - END_SIZE;
  if (end < 0 || zip.readUInt32LE(end) !== END_OF_CENTRAL_DIRECTORY) throw new Error("zip-deflate: not a zip without a comment");
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL_HEADER) throw new Error("zip-deflate: broken central directory");
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localAt = zip.readUInt32LE(at + 42);
    if (method !== STORED || flags & DATA_DESCRIPTOR_FLAG) throw new Error("zip-deflate: entry not stored plainly");
    if (zip.readUInt32LE(localAt) !== LOCAL_HEADER) throw new Error("zip-deflate: broken local header");
    const dataAt = localAt + LOCAL_HEADER_SIZE + zip.readUInt16LE(localAt + 26) + zip.readUInt16LE(localAt + 28);
    const nameAt = at + CENTRAL_HEADER_SIZE;
    entries.push({
      central: Buffer.from(zip.subarray(at, nameAt)),
      name: zip.subarray(nameAt, nameAt + nameLength),
      extra: zip.subarray(nameAt + nameLength, nameAt + nameLength + extraLength),
      comment: zip.subarray(nameAt + nameLength + extraLength, nameAt + nameLength + extraLength + commentLength),
      data: zip.subarray(dataAt, dataAt + size),
    });
    at = nameAt + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The same zip with every non-empty entry deflated by the native zlib. */
export function deflateStoredZip(zip: Buffer): Buffer {
  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of storedEntries(zip)) {
    const deflate = entry.data.length > 0;
    const data = deflate ? deflateRawSync(entry.data, { level: DEFLATE_LEVEL }) : entry.data;
    const method = deflate ? DEFLATED : STORED;
    const central = entry.central;
    // Version needed 2.0 for deflate; method; compressed size; the new local header's offset.
    central.writeUInt16LE(Math.max(central.readUInt16LE(6), 20), 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(offset, 42);
    const local = Buffer.alloc(LOCAL_HEADER_SIZE);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    // version needed, flags, method, time, date, CRC, sizes: the central record's fields 6..26 are the local header's 4..24
    central.copy(local, 4, 6, 26);
    local.writeUInt16LE(entry.name.length, 26);
    local.writeUInt16LE(0, 28);
    parts.push(local, entry.name, data);
    offset += local.length + entry.name.length + data.length;
    // The central record keeps its extra field and comment (the local one drops the extra field).
    central.writeUInt16LE(entry.name.length, 28);
    centrals.push(central, entry.name, entry.extra, entry.comment);
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.from(zip.subarray(zip.length - END_SIZE));
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}
