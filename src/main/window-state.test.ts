import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, parseWindowState, restoreBounds, type Bounds, type WindowState } from './window-state';

const PRIMARY: Bounds = { x: 0, y: 0, width: 1920, height: 1040 };
const RIGHT: Bounds = { x: 1920, y: 0, width: 1920, height: 1040 };
const saved = (bounds: Bounds, maximized = false): WindowState => ({ bounds, maximized });

describe('restoreBounds', () => {
  it('keeps saved bounds that are on a visible display', () => {
    expect(restoreBounds(saved({ x: 100, y: 80, width: 1200, height: 900 }), [PRIMARY])).toEqual({ x: 100, y: 80, width: 1200, height: 900 });
  });

  it('keeps a position on the second display while it is connected', () => {
    const onRight = saved({ x: 2100, y: 50, width: 1000, height: 700 });
    expect(restoreBounds(onRight, [PRIMARY, RIGHT])).toEqual({ x: 2100, y: 50, width: 1000, height: 700 });
  });

  it('drops the position, keeping the size, when that display is gone', () => {
    const onRight = saved({ x: 2100, y: 50, width: 1000, height: 700 });
    expect(restoreBounds(onRight, [PRIMARY])).toEqual({ width: 1000, height: 700 });
  });

  it('drops the position when the title bar would be mostly off screen', () => {
    // Only 200 of 1000 pixels of the title bar land on the display.
    expect(restoreBounds(saved({ x: 1720, y: 100, width: 1000, height: 700 }), [PRIMARY])).toEqual({ width: 1000, height: 700 });
    // Above the top of the display: the title bar cannot be grabbed.
    expect(restoreBounds(saved({ x: 100, y: -300, width: 1000, height: 700 }), [PRIMARY])).toEqual({ width: 1000, height: 700 });
  });

  it('keeps a window whose title bar is mostly visible, even if its body runs off the bottom', () => {
    expect(restoreBounds(saved({ x: 1000, y: 900, width: 1200, height: 900 }), [PRIMARY])).toEqual({ x: 1000, y: 900, width: 1200, height: 900 });
  });

  it('enforces the minimum size', () => {
    expect(restoreBounds(saved({ x: 10, y: 10, width: 100, height: 50 }), [PRIMARY])).toEqual({ x: 10, y: 10, width: 360, height: 480 });
    expect(restoreBounds(saved({ x: 10, y: 10, width: -500, height: 0 }), [PRIMARY])).toEqual({ x: 10, y: 10, width: 360, height: 480 });
  });

  it('with no saved state, or no display at all, lets the OS place a default-size window', () => {
    expect(restoreBounds(undefined, [PRIMARY])).toEqual(DEFAULT_SIZE);
    expect(restoreBounds(saved({ x: 10, y: 10, width: 800, height: 600 }), [])).toEqual({ width: 800, height: 600 });
  });
});

describe('parseWindowState', () => {
  it('reads what the app saved', () => {
    expect(parseWindowState(JSON.stringify({ bounds: { x: 1, y: 2, width: 800, height: 600 }, maximized: true }))).toEqual({
      bounds: { x: 1, y: 2, width: 800, height: 600 },
      maximized: true,
    });
  });

  it('drops unknown fields and treats a non-boolean maximized as false', () => {
    expect(parseWindowState(JSON.stringify({ bounds: { x: 1, y: 2, width: 800, height: 600, z: 9 }, maximized: 'yes', extra: 1 }))).toEqual({
      bounds: { x: 1, y: 2, width: 800, height: 600 },
      maximized: false,
    });
  });

  it.each<[string, string | undefined]>([
    ['undefined', undefined],
    ['an empty file', ''],
    ['not JSON', '{bounds:'],
    ['null', 'null'],
    ['a number', '42'],
    ['a string', '"bounds"'],
    ['an array', '[1, 2, 3, 4]'],
    ['no bounds', '{"maximized": true}'],
    ['bounds not an object', '{"bounds": "0,0,800,600"}'],
    ['a missing coordinate', '{"bounds": {"x": 0, "y": 0, "width": 800}}'],
    ['a coordinate as a string', '{"bounds": {"x": "0", "y": 0, "width": 800, "height": 600}}'],
    ['a null coordinate', '{"bounds": {"x": null, "y": 0, "width": 800, "height": 600}}'],
    ['an overflowing number', '{"bounds": {"x": 1e999, "y": 0, "width": 800, "height": 600}}'],
  ])('rejects %s', (_label, raw) => {
    expect(parseWindowState(raw)).toBeUndefined();
  });
});
