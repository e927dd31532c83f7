// Keeps the app in its window: no link leaves it and no new window opens. Electron enforces the same in the main
// process (will-navigate, setWindowOpenHandler); this is what holds in browser mode, where only the page can.

export function keepAppInItsWindow(win: Window): void {
  win.open = () => null;
  const stopLeaving = (event: MouseEvent): void => {
    const link = (event.target as Element | null)?.closest?.('a[href]');
    if (!(link instanceof HTMLAnchorElement)) return;
    const sameApp = new URL(link.href, win.location.href).origin === win.location.origin;
    // In-page links (the skip link) stay allowed; anything that would leave or open a window does not.
    if (!sameApp || link.target === '_blank' || event.type === 'auxclick') event.preventDefault();
  };
  win.document.addEventListener('click', stopLeaving, true);
  win.document.addEventListener('auxclick', stopLeaving, true);
}
