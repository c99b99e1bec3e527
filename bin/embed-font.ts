import fontkit from '@pdf-lib/fontkit';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Makes the fonts the order PDF embeds (`lib/documents/fonts/`): DejaVu Sans Condensed, book and
 * bold, cut down to the characters an order prints, each written as a TypeScript module that holds
 * the TTF in base64. A module because the function that renders orders is bundled by esbuild with
 * no loader for binary files and is also run by tsx and vitest: TypeScript is what all three load.
 *
 *   npx tsx bin/embed-font.ts [font directory, default /usr/share/fonts/truetype/dejavu]
 *
 * The source fonts come from Debian's fonts-dejavu-extra (`apt-get install fonts-dejavu-extra`).
 * Run it again only to change the character set; the output is committed, with the licence beside it.
 *
 * The subset is made with fontkit's own subsetter (the one pdf-lib embeds with), which writes only
 * the tables a PDF needs (glyf, loca, hmtx, head, hhea, maxp and the hinting programs); this script
 * adds what a standalone font also needs: a cmap for the kept characters, OS/2, post (format 3, no
 * glyph names) and a name table. Left out: kerning (GPOS, kern), ligatures (GSUB) and MATH.
 */

const sourceDir = process.argv[2] ?? '/usr/share/fonts/truetype/dejavu';
const outDir = path.resolve(import.meta.dirname, '..', 'lib', 'documents', 'fonts');

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * Basic Latin, Latin-1 and Latin Extended-A (every Czech and Slovak letter, and those of the other
 * Central European languages), the spacing accents of Windows-1250, and the punctuation Czech
 * typography and `Intl` number and date formats use: dashes, „Czech“ and “English” quotes,
 * ellipsis, bullet, thin and narrow no-break spaces, minus, euro, per mille, trade mark.
 */
export const codePoints: readonly number[] = [
  ...range(0x20, 0x7e),
  ...range(0xa0, 0xff),
  ...range(0x100, 0x17f),
  ...[0x2c6, 0x2c7, 0x2d8, 0x2d9, 0x2da, 0x2db, 0x2dc, 0x2dd],
  ...[0x2009, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x202f, 0x2030, 0x2039, 0x203a],
  ...[0x20ac, 0x2122, 0x2212],
];

interface FontSpec {
  file: string;
  module: string;
  exportName: string;
  family: string;
  style: string;
  postscriptName: string;
}

const fonts: FontSpec[] = [
  {
    file: 'DejaVuSansCondensed.ttf',
    module: 'dejavu-sans-condensed.ts',
    exportName: 'dejaVuSansCondensed',
    family: 'OrderDesk Sans',
    style: 'Book',
    postscriptName: 'OrderDeskSans-Book',
  },
  {
    file: 'DejaVuSansCondensed-Bold.ttf',
    module: 'dejavu-sans-condensed-bold.ts',
    exportName: 'dejaVuSansCondensedBold',
    family: 'OrderDesk Sans',
    style: 'Bold',
    postscriptName: 'OrderDeskSans-Bold',
  },
];

// ---- sfnt reading and writing --------------------------------------------------------------

/** The font's tables, each a copy of its own (not a view into a Buffer's pool). */
const readTables = (bytes: Uint8Array): Map<string, Uint8Array> => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = new Map<string, Uint8Array>();
  for (let i = 0; i < view.getUint16(4); i++) {
    const record = 12 + i * 16;
    const tag = String.fromCharCode(...bytes.subarray(record, record + 4));
    const offset = view.getUint32(record + 8);
    tables.set(tag, Uint8Array.prototype.slice.call(bytes, offset, offset + view.getUint32(record + 12)));
  }
  return tables;
};

const padded = (data: Uint8Array): Uint8Array => {
  const out = new Uint8Array(Math.ceil(data.length / 4) * 4);
  out.set(data);
  return out;
};

const checksum = (data: Uint8Array): number => {
  const words = padded(data);
  const view = new DataView(words.buffer);
  let sum = 0;
  for (let i = 0; i < words.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
};

/** An sfnt (TrueType) file of these tables, with its directory, checksums and head.checkSumAdjustment. */
const writeFont = (tables: Map<string, Uint8Array>): Uint8Array => {
  const tags = [...tables.keys()].sort();
  const head = tables.get('head')!;
  new DataView(head.buffer, head.byteOffset).setUint32(8, 0);
  const entrySelector = Math.floor(Math.log2(tags.length));
  const searchRange = 2 ** entrySelector * 16;
  let offset = 12 + tags.length * 16;
  const size = offset + tags.reduce((total, tag) => total + padded(tables.get(tag)!).length, 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x00010000);
  view.setUint16(4, tags.length);
  view.setUint16(6, searchRange);
  view.setUint16(8, entrySelector);
  view.setUint16(10, tags.length * 16 - searchRange);
  let headOffset = 0;
  tags.forEach((tag, i) => {
    const data = tables.get(tag)!;
    const record = 12 + i * 16;
    for (let c = 0; c < 4; c++) out[record + c] = tag.charCodeAt(c);
    view.setUint32(record + 4, checksum(data));
    view.setUint32(record + 8, offset);
    view.setUint32(record + 12, data.length);
    out.set(data, offset);
    if (tag === 'head') headOffset = offset;
    offset += padded(data).length;
  });
  view.setUint32(headOffset + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
};

// ---- the tables this script makes ----------------------------------------------------------

/** cmap with one format 4 subtable (BMP), referenced as Unicode (0/3) and Windows Unicode (3/1). */
const cmapTable = (glyphOf: ReadonlyMap<number, number>): Uint8Array => {
  const segments: { start: number; end: number; delta: number }[] = [];
  for (const [codePoint, glyph] of [...glyphOf].sort(([a], [b]) => a - b)) {
    const last = segments.at(-1);
    if (last && codePoint === last.end + 1 && glyph - codePoint === last.delta) last.end = codePoint;
    else segments.push({ start: codePoint, end: codePoint, delta: glyph - codePoint });
  }
  segments.push({ start: 0xffff, end: 0xffff, delta: 1 });
  const segCount = segments.length;
  const length = 16 + segCount * 8;
  const out = new Uint8Array(20 + length);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0);
  view.setUint16(2, 2);
  [
    [0, 3],
    [3, 1],
  ].forEach(([platform, encoding], i) => {
    view.setUint16(4 + i * 8, platform!);
    view.setUint16(6 + i * 8, encoding!);
    view.setUint32(8 + i * 8, 20);
  });
  const sub = 20;
  const entrySelector = Math.floor(Math.log2(segCount));
  const searchRange = 2 * 2 ** entrySelector;
  view.setUint16(sub, 4);
  view.setUint16(sub + 2, length);
  view.setUint16(sub + 4, 0);
  view.setUint16(sub + 6, segCount * 2);
  view.setUint16(sub + 8, searchRange);
  view.setUint16(sub + 10, entrySelector);
  view.setUint16(sub + 12, segCount * 2 - searchRange);
  const ends = sub + 14;
  const starts = ends + segCount * 2 + 2;
  const deltas = starts + segCount * 2;
  const rangeOffsets = deltas + segCount * 2;
  segments.forEach((segment, i) => {
    view.setUint16(ends + i * 2, segment.end);
    view.setUint16(starts + i * 2, segment.start);
    view.setUint16(deltas + i * 2, segment.delta & 0xffff);
    view.setUint16(rangeOffsets + i * 2, 0);
  });
  return out;
};

/** The source's OS/2 with the first and last character index of the subset. */
const os2Table = (source: Uint8Array, kept: readonly number[]): Uint8Array => {
  const out = source.slice();
  const view = new DataView(out.buffer);
  view.setUint16(64, Math.min(...kept));
  view.setUint16(66, Math.min(0xffff, Math.max(...kept)));
  return out;
};

/** post format 3: the source's metrics (italic angle, underline), no glyph names. */
const postTable = (source: Uint8Array): Uint8Array => {
  const out = source.slice(0, 32);
  new DataView(out.buffer).setUint32(0, 0x00030000);
  return out;
};

/** A name table's Windows (3/1/0x409) records by name id. */
const namesOf = (table: Uint8Array): Map<number, string> => {
  const view = new DataView(table.buffer, table.byteOffset, table.byteLength);
  const stringOffset = view.getUint16(4);
  const names = new Map<number, string>();
  for (let i = 0; i < view.getUint16(2); i++) {
    const r = 6 + i * 12;
    const [platform, encoding, language, nameId, length, offset] = [0, 2, 4, 6, 8, 10].map((o) => view.getUint16(r + o));
    if (platform !== 3 || encoding !== 1 || language !== 0x409) continue;
    const bytes = table.subarray(stringOffset + offset!, stringOffset + offset! + length!);
    let text = '';
    for (let c = 0; c < bytes.length; c += 2) text += String.fromCharCode((bytes[c]! << 8) | bytes[c + 1]!);
    names.set(nameId!, text);
  }
  return names;
};

/** Windows (3/1/0x409) name records: the source's copyright and version, this subset's own names. */
const nameTable = (source: Uint8Array, spec: FontSpec): Uint8Array => {
  const original = namesOf(source);
  const names = new Map<number, string>([
    [0, `${original.get(0) ?? ''} Subset made from DejaVu Sans Condensed by bin/embed-font.ts.`.trim()],
    [1, spec.family],
    [2, spec.style],
    [3, `${spec.postscriptName};${original.get(5) ?? ''}`],
    [4, `${spec.family} ${spec.style}`],
    [5, `${original.get(5) ?? 'Version 1.0'}; subset`],
    [6, spec.postscriptName],
  ]);
  const records = [...names].sort(([a], [b]) => a - b);
  const strings = records.map(([, text]) => {
    const bytes = new Uint8Array(text.length * 2);
    for (let c = 0; c < text.length; c++) {
      bytes[c * 2] = text.charCodeAt(c) >> 8;
      bytes[c * 2 + 1] = text.charCodeAt(c) & 0xff;
    }
    return bytes;
  });
  const header = 6 + records.length * 12;
  const out = new Uint8Array(header + strings.reduce((total, s) => total + s.length, 0));
  const outView = new DataView(out.buffer);
  outView.setUint16(0, 0);
  outView.setUint16(2, records.length);
  outView.setUint16(4, header);
  let offset = 0;
  records.forEach(([nameId], i) => {
    const r = 6 + i * 12;
    [3, 1, 0x409, nameId, strings[i]!.length, offset].forEach((value, o) => outView.setUint16(r + o * 2, value));
    out.set(strings[i]!, header + offset);
    offset += strings[i]!.length;
  });
  return out;
};

// ---- subsetting ----------------------------------------------------------------------------

const encodeSubset = (subset: ReturnType<fontkit.Font['createSubset']>): Promise<Uint8Array> =>
  new Promise((resolve) => {
    const parts: Uint8Array[] = [];
    subset
      .encodeStream()
      .on('data', (bytes: Uint8Array) => parts.push(bytes))
      .on('end', () => resolve(new Uint8Array(Buffer.concat(parts))));
  });

const subsetFont = async (spec: FontSpec) => {
  const sourceBytes = new Uint8Array(fs.readFileSync(path.join(sourceDir, spec.file)));
  const font = fontkit.create(sourceBytes);
  const subset = font.createSubset();
  const glyphOf = new Map<number, number>();
  const missing: number[] = [];
  for (const codePoint of codePoints) {
    if (!font.hasGlyphForCodePoint(codePoint)) {
      missing.push(codePoint);
      continue;
    }
    glyphOf.set(codePoint, subset.includeGlyph(font.glyphForCodePoint(codePoint).id));
  }
  const source = readTables(sourceBytes);
  const tables = readTables(await encodeSubset(subset));
  tables.set('cmap', cmapTable(glyphOf));
  tables.set('OS/2', os2Table(source.get('OS/2')!, [...glyphOf.keys()]));
  tables.set('post', postTable(source.get('post')!));
  tables.set('name', nameTable(source.get('name')!, spec));
  const bytes = writeFont(tables);
  verify(font, bytes, [...glyphOf.keys()], spec);
  const glyphs = new DataView(tables.get('maxp')!.buffer).getUint16(4);
  return { bytes, sourceSize: sourceBytes.length, glyphs, kept: glyphOf.size, missing, version: namesOf(source.get('name')!).get(5) };
};

/** Every kept character maps to a glyph with the source's advance and outline. */
const verify = (source: fontkit.Font, bytes: Uint8Array, kept: readonly number[], spec: FontSpec) => {
  const subset = fontkit.create(bytes);
  for (const codePoint of kept) {
    const want = source.glyphForCodePoint(codePoint);
    const got = subset.glyphForCodePoint(codePoint);
    const what = `${spec.file} U+${codePoint.toString(16).padStart(4, '0')}`;
    if (got.id === 0) throw new Error(`${what}: no glyph in the subset`);
    if (got.advanceWidth !== want.advanceWidth) throw new Error(`${what}: advance ${got.advanceWidth}, source ${want.advanceWidth}`);
    if (got.path.toSVG() !== want.path.toSVG()) throw new Error(`${what}: outline differs from the source`);
  }
  if (subset.postscriptName !== spec.postscriptName) throw new Error(`${spec.file}: name table not read back`);
};

const hex = (codePoint: number) => `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;

for (const spec of fonts) {
  const { bytes, sourceSize, glyphs, kept, missing, version } = await subsetFont(spec);
  const base64 = Buffer.from(bytes).toString('base64');
  const module = [
    `// Generated by bin/embed-font.ts: do not edit. ${spec.family} ${spec.style}, a subset of`,
    `// DejaVu Sans Condensed${spec.style === 'Bold' ? ' Bold' : ''} (${version}) to ${kept} characters (${glyphs} glyphs, ${bytes.length} bytes of TTF).`,
    '// Licence: LICENSE-DejaVu.txt beside this file (Bitstream Vera licence; DejaVu changes are public domain).',
    `export const ${spec.exportName} = '${base64}';`,
    '',
  ].join('\n');
  fs.writeFileSync(path.join(outDir, spec.module), module);
  console.log(
    `${spec.module}: ${kept} characters, ${glyphs} glyphs, TTF ${bytes.length} bytes (source ${sourceSize}), module ${module.length} bytes` +
      (missing.length > 0 ? `; not in the source: ${missing.map(hex).join(' ')}` : ''),
  );
}
