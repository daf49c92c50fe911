// The installers' icons, drawn from code: `node build/icons.ts` writes them into build/ and they are
// committed. The app icon is the brand mark of renderer/public/favicon.svg (a white tick on a blue
// rounded square); each kind of file JuryBox opens gets a page with that square on it, in its own
// colour with its own sign. Shapes are signed distance functions, so every size is drawn afresh
// with smooth edges rather than shrunk from the largest.
//
//   build/icon.png                   1024×1024, electron-builder makes .ico and .icns of it
//   build/icons/<n>x<n>.png          the Linux sizes, 16…512
//   build/file-icons/<ext>.ico|icns  the icons of .jbcontest, .jbenrol, .jbresult, .jbmerged
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeIcns, encodeIco, encodePng, type Bitmap } from './image-files.ts';

type Vec = readonly [number, number];
type Rgb = readonly [number, number, number];
/** Signed distance from a point to a shape, in the icon's unit square: negative inside. */
type Shape = (x: number, y: number) => number;
/** One layer: a shape filled with a colour (a gradient is a colour that depends on the point). */
type Layer = { shape: Shape; colour: Rgb | ((x: number, y: number) => Rgb) };

export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
export const ICO_SIZES = [16, 24, 32, 48, 64, 256];
export const FILE_ICONS = ['jbcontest', 'jbenrol', 'jbresult', 'jbmerged'] as const;
export type FileIcon = (typeof FILE_ICONS)[number];

const BRAND: Rgb = [0x1f, 0x5f, 0xbf];
const WHITE: Rgb = [255, 255, 255];

// ---- shapes ---------------------------------------------------------------------------------------

function roundedBox(x0: number, y0: number, x1: number, y1: number, radius: number): Shape {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const hx = (x1 - x0) / 2 - radius;
  const hy = (y1 - y0) / 2 - radius;
  return (x, y) => {
    const qx = Math.abs(x - cx) - hx;
    const qy = Math.abs(y - cy) - hy;
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
  };
}

function distanceToSegment(x: number, y: number, [ax, ay]: Vec, [bx, by]: Vec): number {
  const ex = bx - ax;
  const ey = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * ex + (y - ay) * ey) / (ex * ex + ey * ey)));
  return Math.hypot(x - ax - ex * t, y - ay - ey * t);
}

/** A stroke along the points, round at the ends and the joins (as the favicon's tick). */
function stroke(points: Vec[], width: number): Shape {
  return (x, y) => {
    let d = Infinity;
    for (let i = 1; i < points.length; i += 1) d = Math.min(d, distanceToSegment(x, y, points[i - 1] as Vec, points[i] as Vec));
    return d - width / 2;
  };
}

/** A closed polygon (any simple one, convex or not): the distance to its nearest edge, signed by the even-odd rule. */
function polygon(points: Vec[]): Shape {
  return (x, y) => {
    let d = Infinity;
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i, i += 1) {
      const [ax, ay] = points[j] as Vec;
      const [bx, by] = points[i] as Vec;
      d = Math.min(d, distanceToSegment(x, y, [ax, ay], [bx, by]));
      if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
    }
    return inside ? -d : d;
  };
}

const ring = (cx: number, cy: number, radius: number, width: number): Shape => (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - radius) - width / 2;
const union =
  (...shapes: Shape[]): Shape =>
  (x, y) => {
    let d = Infinity;
    for (const shape of shapes) d = Math.min(d, shape(x, y));
    return d;
  };
/** The outline of a shape, `width` wide, centred on its edge. */
const outline = (shape: Shape, width: number): Shape => (x, y) => Math.abs(shape(x, y)) - width / 2;
/** A shape drawn in the box [x0, y0]–[x0 + size, y0 + size] from a design in its own unit square. */
const placed = (shape: Shape, x0: number, y0: number, size: number): Shape => (x, y) => shape((x - x0) / size, (y - y0) / size) * size;

// ---- drawing --------------------------------------------------------------------------------------

/** Paints the layers in order, each over the ones before; a pixel's coverage comes from its distance to the edge. */
function render(size: number, layers: Layer[]): Bitmap {
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      const x = (px + 0.5) / size;
      const y = (py + 0.5) / size;
      let [r, g, b, a] = [0, 0, 0, 0];
      for (const { shape, colour } of layers) {
        const cover = Math.max(0, Math.min(1, 0.5 - shape(x, y) * size));
        if (cover === 0) continue;
        const [cr, cg, cb] = typeof colour === 'function' ? colour(x, y) : colour;
        const out = cover + a * (1 - cover);
        r = (cr * cover + r * a * (1 - cover)) / out;
        g = (cg * cover + g * a * (1 - cover)) / out;
        b = (cb * cover + b * a * (1 - cover)) / out;
        a = out;
      }
      rgba.set([Math.round(r), Math.round(g), Math.round(b), Math.round(a * 255)], (py * size + px) * 4);
    }
  }
  return { size, rgba };
}

/** Lighter at the top, darker at the bottom, around the brand colour. */
const shaded =
  (base: Rgb, y0: number, y1: number) =>
  (_x: number, y: number): Rgb => {
    const t = Math.max(0, Math.min(1, (y - y0) / (y1 - y0)));
    return base.map((c) => Math.round(c * (1.18 - 0.3 * t))).map((c) => Math.min(255, c)) as unknown as Rgb;
  };

/** The favicon's tick, in a unit square (its 64-unit path scaled down). */
const TICK = stroke(
  [
    [18 / 64, 34 / 64],
    [27 / 64, 43 / 64],
    [46 / 64, 21 / 64],
  ],
  7 / 64,
);

/** The app icon: the favicon's rounded square and tick, with a margin so it sits among other apps' icons. */
export function appIcon(size: number): Bitmap {
  const margin = 0.06;
  const side = 1 - 2 * margin;
  return render(size, [
    { shape: roundedBox(margin, margin, 1 - margin, 1 - margin, side * (12 / 64)), colour: shaded(BRAND, margin, 1 - margin) },
    { shape: placed(TICK, margin, margin, side), colour: WHITE },
  ]);
}

/** Each file's sign, in a unit square: the tick of the contest, a key, a bar chart of marks, a star of the awards. */
const SIGNS: Record<FileIcon, { colour: Rgb; sign: Shape }> = {
  jbcontest: { colour: BRAND, sign: TICK },
  jbenrol: {
    colour: [0x1e, 0x7b, 0x4f],
    sign: union(ring(0.33, 0.5, 0.14, 0.1), stroke([[0.47, 0.5], [0.8, 0.5]], 0.1), stroke([[0.68, 0.5], [0.68, 0.65]], 0.09), stroke([[0.79, 0.5], [0.79, 0.62]], 0.09)),
  },
  jbresult: {
    colour: [0xb8, 0x52, 0x0a],
    sign: union(stroke([[0.3, 0.76], [0.3, 0.52]], 0.13), stroke([[0.5, 0.76], [0.5, 0.26]], 0.13), stroke([[0.7, 0.76], [0.7, 0.4]], 0.13)),
  },
  jbmerged: {
    colour: [0x6a, 0x3f, 0xa0],
    sign: polygon(Array.from({ length: 10 }, (_, i): Vec => [0.5 + (i % 2 ? 0.15 : 0.34) * Math.sin((i * Math.PI) / 5), 0.54 - (i % 2 ? 0.15 : 0.34) * Math.cos((i * Math.PI) / 5)])),
  },
};

/** A file's icon: a page with a folded corner, lines of text where there is room, and the kind's square and sign. */
export function fileIcon(kind: FileIcon, size: number): Bitmap {
  const [x0, y0, x1, y1, fold] = [0.17, 0.05, 0.83, 0.95, 0.2];
  const line = Math.max(0.02, 1 / size);
  const page = polygon([
    [x0, y0],
    [x1 - fold, y0],
    [x1, y0 + fold],
    [x1, y1],
    [x0, y1],
  ]);
  const corner = polygon([
    [x1 - fold, y0],
    [x1 - fold, y0 + fold],
    [x1, y0 + fold],
  ]);
  const { colour, sign } = SIGNS[kind];
  const badge: [number, number, number] = [0.26, 0.42, 0.48];
  const text: Layer[] =
    size >= 32 ? [0.15, 0.23, 0.31].map((y, i) => ({ shape: stroke([[0.28, y], [i === 0 ? 0.56 : 0.72, y]], Math.max(0.03, 1.2 / size)), colour: [0xb4, 0xbc, 0xc8] as Rgb })) : [];
  return render(size, [
    { shape: page, colour: WHITE },
    ...text,
    { shape: corner, colour: [0xdf, 0xe4, 0xec] },
    { shape: union(outline(page, line), outline(corner, line)), colour: [0x6b, 0x75, 0x85] },
    { shape: roundedBox(badge[0], badge[1], badge[0] + badge[2], badge[1] + badge[2], badge[2] * (12 / 64)), colour: shaded(colour, badge[1], badge[1] + badge[2]) },
    { shape: placed(sign, badge[0], badge[1], badge[2]), colour: WHITE },
  ]);
}

/** Writes every icon under `dir` (the build folder); returns the paths written. */
export function writeIcons(dir: string): string[] {
  const written: string[] = [];
  const write = (path: string, bytes: Buffer) => {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, bytes);
    written.push(path);
  };
  write(join(dir, 'icon.png'), encodePng(appIcon(1024)));
  for (const size of LINUX_SIZES) write(join(dir, 'icons', `${size}x${size}.png`), encodePng(appIcon(size)));
  for (const kind of FILE_ICONS) {
    const pngs = new Map<number, Buffer>();
    const pngOf = (size: number): Buffer => pngs.get(size) ?? pngs.set(size, encodePng(fileIcon(kind, size))).get(size)!;
    write(join(dir, 'file-icons', `${kind}.ico`), encodeIco(ICO_SIZES.map((size) => ({ size, png: pngOf(size) }))));
    write(join(dir, 'file-icons', `${kind}.icns`), encodeIcns(pngOf));
  }
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv[2] ?? fileURLToPath(new URL('.', import.meta.url));
  for (const path of writeIcons(dir)) console.log(path);
}
