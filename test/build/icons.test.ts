import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { appIcon, FILE_ICONS, fileIcon, ICO_SIZES, LINUX_SIZES } from '../../build/icons.ts';
import { repoRoot } from '../helpers/cli.ts';
import { decodePng, readIcns, readIco, type DecodedPng } from '../helpers/icon-files.ts';

const build = (path: string): Buffer => readFileSync(join(repoRoot, 'build', path));

/** The share of a picture's pixels that are fully transparent. */
const transparent = (png: DecodedPng): number => {
  let clear = 0;
  for (let i = 3; i < png.rgba.length; i += 4) if (png.rgba[i] === 0) clear += 1;
  return clear / (png.width * png.height);
};

/** The pixel at (x, y) as [r, g, b, a]. */
const pixel = (png: DecodedPng, x: number, y: number): number[] => [...png.rgba.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 4)];

describe('the installers’ icons', () => {
  it('has a 1024×1024 app icon for electron-builder to make .ico and .icns of, a blue square with a white tick', () => {
    const icon = decodePng(build('icon.png'));
    assert.deepEqual([icon.width, icon.height], [1024, 1024]);
    // The brand square fills the middle, corners stay clear, the tick runs through it in white.
    assert.deepEqual(pixel(icon, 0, 0), [0, 0, 0, 0]);
    const [r = 0, g = 0, b = 0, a = 0] = pixel(icon, 200, 512);
    assert.ok(b > 150 && r < 80 && g < 130 && a === 255, `not the brand blue: ${[r, g, b, a]}`);
    assert.deepEqual(pixel(icon, 441, 666), [255, 255, 255, 255]);
  });

  it('has every Linux size, 16 to 512, each a square PNG of its own size', () => {
    for (const size of LINUX_SIZES) {
      const png = decodePng(build(`icons/${size}x${size}.png`));
      assert.deepEqual([png.width, png.height], [size, size], `${size}x${size}.png`);
      assert.ok(transparent(png) < 0.3, `${size}x${size}.png is mostly empty`);
    }
    assert.deepEqual(LINUX_SIZES, [16, 24, 32, 48, 64, 128, 256, 512]);
  });

  it('has an .ico for each file type with PNGs of 16 to 256 pixels, each the size its entry states', () => {
    for (const kind of FILE_ICONS) {
      const images = readIco(build(`file-icons/${kind}.ico`));
      assert.deepEqual(images.map((i) => i.size), ICO_SIZES, kind);
      for (const { size, png } of images) assert.deepEqual([png.width, png.height], [size, size], `${kind}.ico ${size}`);
    }
  });

  it('has an .icns for each file type, every element from 16 to 1024 pixels (and the @2x ones) a PNG of its size', () => {
    const expected: Record<string, number> = { icp4: 16, icp5: 32, icp6: 64, ic07: 128, ic08: 256, ic09: 512, ic10: 1024, ic11: 32, ic12: 64, ic13: 256, ic14: 512 };
    for (const kind of FILE_ICONS) {
      const elements = readIcns(build(`file-icons/${kind}.icns`));
      assert.deepEqual([...elements.keys()].sort(), Object.keys(expected).sort(), kind);
      for (const [type, png] of elements) assert.deepEqual([png.width, png.height], [expected[type], expected[type]], `${kind}.icns ${type}`);
    }
  });

  it('tells the four file types apart by colour', () => {
    const colours = FILE_ICONS.map((kind) => {
      const large = readIcns(build(`file-icons/${kind}.icns`)).get('ic08');
      assert.ok(large);
      // Left of the sign, inside the coloured square (build/icons.ts puts it at 0.26–0.74, 0.42–0.90).
      return pixel(large, Math.round(0.3 * 256), Math.round(0.86 * 256)).join(',');
    });
    assert.equal(new Set(colours).size, 4, colours.join(' / '));
  });

  it('are what build/icons.ts draws now: run `npm run icons` after changing a drawing', () => {
    for (const size of [16, 32, 64]) {
      assert.deepEqual(decodePng(build(`icons/${size}x${size}.png`)).rgba, appIcon(size).rgba, `icons/${size}x${size}.png`);
    }
    for (const kind of FILE_ICONS) {
      const small = readIco(build(`file-icons/${kind}.ico`)).filter((i) => i.size <= 32);
      for (const { size, png } of small) assert.deepEqual(png.rgba, fileIcon(kind, size).rgba, `${kind}.ico ${size}`);
    }
  });
});
