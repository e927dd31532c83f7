// Remembers the window's size and position, and puts it back only where a display can still show it.

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Bounds;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1100, height: 800 };
const MIN = { width: 360, height: 480 };

export function parseWindowState(raw: string | undefined): WindowState | undefined {
  if (!raw) return undefined;
  try {
    const value = JSON.parse(raw) as Partial<WindowState>;
    const b = value.bounds;
    if (!b || ![b.x, b.y, b.width, b.height].every((n) => Number.isFinite(n))) return undefined;
    return { bounds: { x: b.x, y: b.y, width: b.width, height: b.height }, maximized: value.maximized === true };
  } catch {
    return undefined;
  }
}

/** Saved bounds if most of the window's title bar lands on a display's work area; otherwise none (the OS centres it). */
export function restoreBounds(saved: WindowState | undefined, workAreas: Bounds[]): Partial<Bounds> & { width: number; height: number } {
  if (!saved) return { ...DEFAULT_SIZE };
  const width = Math.max(MIN.width, saved.bounds.width);
  const height = Math.max(MIN.height, saved.bounds.height);
  const titleBar = { x: saved.bounds.x, y: saved.bounds.y, width, height: 40 };
  const visible = workAreas.some((area) => overlap(titleBar, area) >= titleBar.width * titleBar.height * 0.5);
  return visible ? { x: saved.bounds.x, y: saved.bounds.y, width, height } : { width, height };
}

function overlap(a: Bounds, b: Bounds): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}
