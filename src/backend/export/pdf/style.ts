// Page margins and the palette every report shares.

export const MARGIN = { top: 46, bottom: 54, left: 44, right: 44 };
export const INK = '#1a1a1a';
export const MUTED = '#5c5c5c';
export const RULE = '#b8b8b8';
export const GRID = '#dddddd';
export const STRIPE = '#f2f4f7';
export const HEADER_FILL = '#e3e7ed';
export const BAR = '#3d6a99';
export const BAR_DARK = '#24456b';
export const HATCH = '#8a3324';
