// The in-page clock for the browser rows. Playwright injects it into every document before the page's own
// scripts (an init script, so the app's Content-Security-Policy does not apply to it), as window.__liseuseBench.
/* global window, document, requestAnimationFrame, MutationObserver, location */
(() => {
  // "Painted": a requestAnimationFrame callback runs just before the frame's style, layout and paint; a message
  // posted from it is delivered as the next task, once that frame has been produced. The usual next-paint probe.
  const afterNextPaint = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      }),
    );

  const visible = (selector) => {
    const element = document.querySelector(selector);
    return element !== null && element.checkVisibility({ visibilityProperty: true, opacityProperty: true });
  };

  /**
   * Resolves with the time (ms since navigation start) of the first paint after which `selector` matches a visible
   * element. Visibility is only checked once a frame has been painted, when layout is clean, so the probe never
   * forces a layout of its own.
   */
  const whenVisible = (selector) =>
    new Promise((resolve) => {
      const untilVisible = async () => {
        for (;;) {
          const painted = await afterNextPaint();
          if (visible(selector)) return resolve(painted);
        }
      };
      if (document.querySelector(selector)) return void untilVisible();
      const observer = new MutationObserver(() => {
        if (!document.querySelector(selector)) return;
        observer.disconnect();
        void untilVisible();
      });
      observer.observe(document, { childList: true, subtree: true });
    });

  const firstSelector = new URLSearchParams(location.search).get('bench-first-visible');
  // Watched from the document's creation when the URL asks for it: ?bench-first-visible=<selector>.
  const first = firstSelector ? whenVisible(firstSelector) : Promise.resolve(null);
  let pending;
  const bench = {
    /** Painted time, in ms from navigation start, of the selector named in ?bench-first-visible=. */
    firstVisible() {
      return first;
    },
    /**
     * Arms a timer for the next click on an element matching `clickSelector`: from the click event's timestamp
     * to the first paint after `selector` is visible. Read it with result().
     */
    arm(clickSelector, selector) {
      pending = new Promise((resolve) => {
        const onClick = (event) => {
          if (!(event.target instanceof window.Element) || !event.target.closest(clickSelector)) return;
          window.removeEventListener('click', onClick, true);
          const start = event.timeStamp;
          void whenVisible(selector).then((painted) => resolve({ start, painted }));
        };
        // Capture on window: runs before any handler of the app's.
        window.addEventListener('click', onClick, true);
      });
    },
    result() {
      return pending;
    },
    /** The Fetch duration of the last request whose URL contains `part`, from Resource Timing. */
    lastRequest(part) {
      const entries = performance.getEntriesByType('resource').filter((e) => e.name.includes(part));
      const entry = entries[entries.length - 1];
      return entry ? { start: entry.startTime, end: entry.responseEnd, bytes: entry.encodedBodySize } : null;
    },
    /**
     * Sends each input as the call `name` over a WebSocket speaking the app's browser-mode protocol (see
     * src/shared/transport.ts and src/renderer/src/lib/api.ts), one after the other; returns each round trip in ms.
     */
    async call(token, name, inputs) {
      const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/api/socket`, ['liseuse.v1', `token.${token}`]);
      await new Promise((resolve, reject) => {
        ws.onopen = resolve;
        ws.onerror = () => reject(new Error('the socket was refused'));
      });
      const durations = [];
      let id = 0;
      for (const input of inputs) {
        const start = performance.now();
        const reply = await new Promise((resolve) => {
          ws.onmessage = (event) => resolve(JSON.parse(event.data));
          ws.send(JSON.stringify({ id: ++id, name, input }));
        });
        durations.push(performance.now() - start);
        if (reply.id !== id || !reply.result.ok) throw new Error(`${name}: ${JSON.stringify(reply).slice(0, 200)}`);
      }
      ws.close();
      return durations;
    },
    /** Sends each body to `path` in turn, as the app's HTTP fallback does, and returns each round trip in ms. */
    async post(path, token, bodies) {
      const durations = [];
      for (const body of bodies) {
        const start = performance.now();
        const response = await fetch(path, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Liseuse-Token': token },
          body: JSON.stringify(body),
        });
        const reply = await response.json();
        durations.push(performance.now() - start);
        if (!reply.ok) throw new Error(`${path}: ${reply.error.code}: ${reply.error.message}`);
      }
      return durations;
    },
  };
  window.__liseuseBench = bench;
})();
