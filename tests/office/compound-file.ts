/**
 * Small OLE compound files ([MS-CFB]) built in memory, for the format-sniffing tests.
 */
const FREE = 0xffffffff;
const END = 0xfffffffe;

/** A minimal compound file (512-byte sectors): FAT in sector 0, directory in sector 1, streams after. */
export function compoundFile(streams: { name: string; data: Uint8Array }[]): Uint8Array {
  const sector = 512;
  const dataSectors = streams.map((s) => Math.ceil(s.data.length / sector));
  const total = 2 + dataSectors.reduce((a, b) => a + b, 0);
  const bytes = new Uint8Array(sector * (1 + total));
  const view = new DataView(bytes.buffer);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  view.setUint16(0x1a, 3, true);
  view.setUint16(0x1c, 0xfffe, true);
  view.setUint16(0x1e, 9, true);
  view.setUint16(0x20, 6, true);
  view.setUint32(0x2c, 1, true);
  view.setUint32(0x30, 1, true);
  view.setUint32(0x38, 4096, true);
  view.setUint32(0x3c, END, true);
  view.setUint32(0x44, END, true);
  for (let i = 0; i < 109; i++) view.setUint32(0x4c + i * 4, i === 0 ? 0 : FREE, true);
  const fat = (n: number, v: number) => view.setUint32(sector + n * 4, v, true);
  for (let i = 0; i < sector / 4; i++) fat(i, FREE);
  fat(0, 0xfffffffd);
  fat(1, END);
  const entry = (i: number, name: string, type: number, start: number, size: number) => {
    const off = sector * 2 + i * 128;
    const name16 = Buffer.from(name + "\0", "utf16le");
    bytes.set(name16, off);
    view.setUint16(off + 0x40, name16.length, true);
    view.setUint8(off + 0x42, type);
    view.setUint32(off + 0x44, FREE, true);
    view.setUint32(off + 0x48, FREE, true);
    view.setUint32(off + 0x4c, i === 0 && streams.length ? 1 : FREE, true);
    view.setUint32(off + 0x74, start, true);
    view.setUint32(off + 0x78, size, true);
  };
  entry(0, "Root Entry", 5, END, 0);
  let next = 2;
  streams.forEach((s, i) => {
    entry(i + 1, s.name, 2, next, s.data.length);
    for (let k = 0; k < dataSectors[i]; k++) fat(next + k, k === dataSectors[i] - 1 ? END : next + k + 1);
    bytes.set(s.data, sector * (1 + next));
    next += dataSectors[i];
  });
  return bytes;
}

/** The start of a WordDocument stream (its FIB), with or without the "encrypted" flag. */
export function fib(encrypted: boolean): Uint8Array {
  const data = new Uint8Array(4096);
  const view = new DataView(data.buffer);
  view.setUint16(0, 0xa5ec, true);
  view.setUint16(0x0a, encrypted ? 0x0100 : 0x0000, true);
  return data;
}
