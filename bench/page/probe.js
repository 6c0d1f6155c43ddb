// In-page instrumentation, injected into every page of a bench context with addInitScript
// (before any page script runs). Plain JavaScript on purpose: it runs in the browser as is,
// untouched by tsx/esbuild. Everything lives on `window.__bench`; the harness reads it back.
// Optional behaviour comes from `window.__benchConfig`, set by an earlier init script.
(() => {
  if (window.__bench) return;
  const cfg = window.__benchConfig || {};
  const B = { marks: {}, longtasks: [], typing: [], meter: [], config: cfg };
  window.__bench = B;

  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    B.longtaskUnsupported = true;
  }

  // t0 of a send: the Ctrl/⌘+Enter keydown (event time, i.e. when the input reached the page).
  addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && B.marks.send === undefined) B.marks.send = e.timeStamp;
    },
    true,
  );

  // Paint approximation: called inside a rAF callback, the next task runs after that frame's paint.
  const afterThisFrame = (resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve(performance.now());
    ch.port2.postMessage(0);
  };
  B.afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => afterThisFrame(resolve)));

  /** Checks `pred` once per frame; resolves with the paint time of the first frame where it holds, null on timeout. */
  B.waitFrame = (pred, timeoutMs) =>
    new Promise((resolve) => {
      const t0 = performance.now();
      const tick = () => {
        let ok = false;
        try {
          ok = pred();
        } catch {
          ok = false;
        }
        if (ok) return afterThisFrame(resolve);
        if (performance.now() - t0 > timeoutMs) return resolve(null);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });

  const q = (sel) => document.querySelector(sel);
  const assistants = () => document.querySelectorAll('[data-testid="message"][data-role="assistant"]');
  const norm = (s) => s.replace(/[*_`#|>\-\s]+/g, ' ').trim();
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight;
  };

  /**
   * Opens a conversation from the sidebar like a click would and resolves with the ms from the
   * click to the first painted frame whose last message shows `marker` (null on timeout).
   */
  B.openFromSidebar = (title, marker, timeoutMs) => {
    const row = [...document.querySelectorAll('[data-testid="conversation-item"]')].find((el) => (el.textContent ?? '').includes(title));
    const button = row && row.querySelector('button');
    if (!button) return Promise.resolve(null);
    const start = performance.now();
    button.click();
    return B.waitFrame(() => {
      const all = document.querySelectorAll('[data-testid="message-content"]');
      const last = all[all.length - 1];
      return !!last && visible(last) && (last.textContent ?? '').includes(marker);
    }, timeoutMs).then((t) => (t === null ? null : t - start));
  };

  /** Resolves once the last assistant reply has left `streaming`; marks.tailOk tells whether it ends with `tail`. */
  B.waitReplyDone = (tail, timeoutMs) => {
    const want = norm(tail);
    let badSince;
    return B.waitFrame(() => {
      const all = assistants();
      const last = all[all.length - 1];
      if (!last) return false;
      const status = last.getAttribute('data-status');
      B.marks.replyStatus = status;
      if (status === 'error' || status === 'interrupted') {
        // May be transient (a placeholder saved before its run registers): final only if it lasts 1 s.
        badSince ??= performance.now();
        return performance.now() - badSince > 1000;
      }
      badSince = undefined;
      if (status !== 'done') return false;
      const text = last.querySelector('[data-testid="message-content"]')?.textContent ?? '';
      B.marks.tailOk = norm(text.slice(-600)).includes(want);
      return true;
    }, timeoutMs);
  };

  /**
   * "Fully formatted": the last reply is done and none of its text is waiting to be formatted —
   * no plain-text placeholder for a finished block or for the not-yet-loaded markdown renderer
   * (`data-md-pending`), and every code block highlighted (or known to have nothing to highlight:
   * `data-highlight` is neither `pending` nor `live`). Resolves at that frame's paint.
   */
  B.waitFormatted = (timeoutMs) =>
    B.waitFrame(() => {
      const all = assistants();
      const last = all[all.length - 1];
      if (!last || last.getAttribute('data-status') !== 'done') return false;
      const content = last.querySelector('[data-testid="message-content"]');
      if (!content || !content.querySelector('.md')) return false;
      return !content.querySelector('[data-md-pending], [data-highlight="pending"], [data-highlight="live"]');
    }, timeoutMs);

  /** The last reply shows some of its text (its content holds at least `chars` characters). */
  B.waitReplyText = (chars, timeoutMs) =>
    B.waitFrame(() => {
      const all = assistants();
      const last = all[all.length - 1];
      const text = last?.querySelector('[data-testid="message-content"]')?.textContent ?? '';
      return text.trim().length >= chars;
    }, timeoutMs);

  /** Every assistant reply has left `streaming` and the composer can send again. */
  B.waitAllSettled = (timeoutMs) =>
    B.waitFrame(() => {
      const all = assistants();
      if (all.length === 0 || !q('[data-testid="send-button"]')) return false;
      for (const m of all) if (m.getAttribute('data-status') === 'streaming') return false;
      return true;
    }, timeoutMs);

  /** Long tasks that started in [from, to]: longest, count, total. */
  B.tasks = (from, to) => {
    let max = 0;
    let count = 0;
    let total = 0;
    for (const t of B.longtasks) {
      if (t.start < from || t.start > to) continue;
      max = Math.max(max, t.duration);
      count++;
      total += t.duration;
    }
    return { max, count, total };
  };

  /** rAF loop recording frame times; stopFrames() summarises gaps (dropped = frames missed at 60 Hz). */
  B.startFrames = () => {
    const f = { times: [], on: true };
    B.frames = f;
    const loop = (t) => {
      if (!f.on) return;
      f.times.push(t);
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  };
  B.stopFrames = () => {
    const f = B.frames;
    if (!f || f.times.length < 2) return { frames: 0, dropped: 0, slowFrames: 0, maxGap: 0, span: 0 };
    f.on = false;
    const period = 1000 / 60;
    let dropped = 0;
    let slowFrames = 0;
    let maxGap = 0;
    for (let i = 1; i < f.times.length; i++) {
      const gap = f.times[i] - f.times[i - 1];
      maxGap = Math.max(maxGap, gap);
      const missed = Math.round(gap / period) - 1;
      if (missed > 0) {
        dropped += missed;
        slowFrames++;
      }
    }
    return { frames: f.times.length, dropped, slowFrames, maxGap, span: f.times[f.times.length - 1] - f.times[0] };
  };

  /** The scrollable ancestor of the messages (tagged for later calls). */
  B.scroller = () => {
    let el = q('[data-bench-scroller]');
    if (el) return el;
    el = q('[data-testid="message"]');
    while (el && !(/(auto|scroll)/.test(getComputedStyle(el).overflowY) && el.scrollHeight > el.clientHeight)) el = el.parentElement;
    if (el) el.setAttribute('data-bench-scroller', '');
    return el;
  };
  B.scrollState = () => {
    const el = B.scroller();
    return el
      ? {
          top: el.scrollTop,
          height: el.scrollHeight,
          client: el.clientHeight,
          messages: document.querySelectorAll('[data-testid="message"]').length,
        }
      : null;
  };

  // Page-load watcher: marks when the composer, the first sidebar rows, a marker text in the
  // last message and the token meter first appear (each at paint time, ms from navigation start).
  if (cfg.watch) {
    const w = cfg.watch;
    const pending = {};
    const mark = (name) => {
      if (B.marks[name] !== undefined || pending[name]) return;
      pending[name] = true;
      afterThisFrame((t) => {
        B.marks[name] = t;
      });
    };
    const tick = () => {
      const c = q('[data-testid="composer-input"]');
      if (c && visible(c)) mark('interactive');
      if (w.rows) {
        const r = q('[data-testid="conversation-item"]');
        if (r && visible(r)) mark('rows');
      }
      if (w.marker) {
        const all = document.querySelectorAll('[data-testid="message-content"]');
        const last = all[all.length - 1];
        if (last && visible(last) && (last.textContent ?? '').includes(w.marker)) mark('lastMessage');
      }
      if (w.meter) {
        const m = q('[data-testid="meter-prompt-estimate"]');
        const text = m ? (m.textContent ?? '').trim() : null;
        const prev = B.meter[B.meter.length - 1];
        if (text !== null && (!prev || prev.text !== text)) B.meter.push({ t: performance.now(), text });
      }
      // Once its marks are in, the watcher stops: its per-frame reads (layout, text) must not
      // weigh on what is measured next (e.g. scrolling).
      const done =
        B.marks.interactive !== undefined &&
        (!w.rows || B.marks.rows !== undefined) &&
        (!w.marker || B.marks.lastMessage !== undefined) &&
        !w.meter;
      if (!done && performance.now() < (w.forMs || 20000)) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }

  // Typing latency: keydown in the composer → first painted frame whose value has grown.
  if (cfg.typing) {
    addEventListener(
      'keydown',
      (e) => {
        const el = e.target;
        if (e.key.length !== 1 || e.ctrlKey || e.metaKey || !(el instanceof HTMLTextAreaElement)) return;
        const start = e.timeStamp;
        const before = el.value.length;
        B.waitFrame(() => el.value.length > before, 5000).then((t) => B.typing.push(t === null ? -1 : t - start));
      },
      true,
    );
  }
})();
