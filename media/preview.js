// @ts-check
// The Protokoll preview's webview script. It receives rendered minutes by message, keeps the
// reader's place across updates, and syncs scrolling with the editor without feedback loops:
// scroll events caused by its own scrolling are ignored for a short window.
// Message shapes: client/src/preview/messages.ts.
(function () {
  'use strict';

  /** @type {{ postMessage(message: unknown): void; getState(): any; setState(state: unknown): void }} */
  // @ts-expect-error acquireVsCodeApi is provided by VS Code
  const vscode = acquireVsCodeApi();
  const container = /** @type {HTMLElement} */ (document.getElementById('protokoll-preview'));
  const notice = /** @type {HTMLElement} */ (document.getElementById('protokoll-notice'));

  /** Scroll events before this time (ms, performance.now) were caused by the preview itself. */
  const ECHO_WINDOW_MS = 200;
  let ignoreScrollUntil = 0;
  let settings = {
    scrollEditorWithPreview: true,
    doubleClickToSwitchToEditor: true,
    markEditorSelection: true,
  };
  let state = vscode.getState() || {};
  let hasContent = false;
  /** @type {number | null} */
  let cursorLine = null;
  /** @type {{ line: number, element: HTMLElement, top: number }[] | null} */
  let anchors = null;
  /** The same anchors sorted by line. */
  /** @type {{ line: number, element: HTMLElement, top: number }[] | null} */
  let anchorsByLine = null;

  /** The elements with data-line, first (outermost) per line, in document order, with their tops. */
  function getAnchors() {
    if (anchors) return anchors;
    const seen = new Set();
    const list = [];
    for (const element of container.querySelectorAll('[data-line]')) {
      const line = Number(element.getAttribute('data-line'));
      if (!Number.isFinite(line) || seen.has(line)) continue;
      seen.add(line);
      const top = element.getBoundingClientRect().top + window.scrollY;
      list.push({ line, element: /** @type {HTMLElement} */ (element), top });
    }
    anchors = list;
    anchorsByLine = list.slice().sort((a, b) => a.line - b.line);
    return list;
  }

  function forgetLayout() {
    anchors = null;
    anchorsByLine = null;
  }

  /** The (fractional) source line at the top of the viewport. */
  function lineAtTop() {
    const list = getAnchors();
    if (list.length === 0) return 0;
    const y = window.scrollY + 1;
    // The last anchor whose top is at or above y (tops ascend in document order).
    let low = 0;
    let high = list.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (list[mid].top <= y) low = mid;
      else high = mid - 1;
    }
    const previous = list[low];
    const next = list[low + 1];
    if (!next || next.line <= previous.line || y <= previous.top) return previous.line;
    const fraction = (y - 1 - previous.top) / Math.max(1, next.top - previous.top);
    return previous.line + Math.max(0, Math.min(1, fraction)) * (next.line - previous.line);
  }

  /** Scrolls so that `line` (fractional) is at the top, interpolating between blocks. */
  function scrollToLine(/** @type {number} */ line) {
    getAnchors();
    const list = /** @type {{ line: number, element: HTMLElement, top: number }[]} */ (
      anchorsByLine
    );
    if (list.length === 0) return;
    let low = 0;
    let high = list.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (list[mid].line <= line) low = mid;
      else high = mid - 1;
    }
    // At or above the first block: the very top, so the OJUSTERAT mark and the kind of document
    // above the title stay in view.
    if (line <= list[0].line) {
      scrollProgrammatically(0);
      return;
    }
    const previous = list[low];
    const next = list[low + 1];
    let top = previous.top;
    if (next && line > previous.line) {
      const fraction = Math.min(1, (line - previous.line) / (next.line - previous.line));
      top += fraction * (next.top - previous.top);
    }
    scrollProgrammatically(Math.max(0, top));
  }

  function scrollProgrammatically(/** @type {number} */ top) {
    if (Math.abs(window.scrollY - top) < 1) return;
    ignoreScrollUntil = performance.now() + ECHO_WINDOW_MS;
    window.scrollTo(0, top);
  }

  /** The innermost element standing for a source line: the nearest rendered line at or above. */
  function elementForLine(/** @type {number} */ line) {
    let best = null;
    let bestLine = -1;
    for (const element of container.querySelectorAll('[data-line]')) {
      const l = Number(element.getAttribute('data-line'));
      // Later elements with the same line are nested deeper: prefer them.
      if (l <= line && l >= bestLine) {
        best = element;
        bestLine = l;
      }
    }
    return /** @type {HTMLElement | null} */ (best || container.querySelector('[data-line]'));
  }

  /** While typing: scroll only when the edited block is (partly) out of view. */
  function revealLine(/** @type {number} */ line) {
    const element = elementForLine(line);
    if (!element) return;
    const rect = element.getBoundingClientRect();
    if (rect.top >= 0 && rect.bottom <= window.innerHeight) return;
    const top = window.scrollY + rect.top - window.innerHeight / 3;
    scrollProgrammatically(Math.max(0, top));
  }

  function markCursor() {
    for (const element of container.querySelectorAll('.is-cursor-line'))
      element.classList.remove('is-cursor-line');
    if (cursorLine === null || !settings.markEditorSelection) return;
    const element = elementForLine(cursorLine);
    if (element) element.classList.add('is-cursor-line');
  }

  function saveState(/** @type {object} */ changes) {
    state = Object.assign({}, state, changes);
    vscode.setState(state);
  }

  function render(/** @type {{ uri: string, html: string, reset: boolean }} */ message) {
    const keepLine = message.reset
      ? null
      : hasContent
        ? lineAtTop()
        : typeof state.line === 'number'
          ? state.line
          : null;
    container.innerHTML = message.html;
    container.removeAttribute('aria-busy');
    forgetLayout();
    hasContent = true;
    saveState({ uri: message.uri });
    markCursor();
    if (keepLine === null) scrollProgrammatically(0);
    else scrollToLine(keepLine);
    document.body.setAttribute(
      'data-rendered-version',
      String(/** @type {any} */ (message).version),
    );
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message.type !== 'string') return;
    switch (message.type) {
      case 'render':
        render(message);
        break;
      case 'scrollToLine':
        if (typeof message.line === 'number') scrollToLine(message.line);
        break;
      case 'revealLine':
        if (typeof message.line === 'number') revealLine(message.line);
        break;
      case 'cursorLine':
        cursorLine = typeof message.line === 'number' ? message.line : null;
        markCursor();
        break;
      case 'settings':
        settings = Object.assign({}, settings, message.settings);
        markCursor();
        break;
      case 'notice':
        notice.textContent = message.text || '';
        notice.hidden = !message.text;
        break;
    }
  });

  let scrollFrame = 0;
  window.addEventListener(
    'scroll',
    () => {
      if (performance.now() < ignoreScrollUntil) return;
      if (scrollFrame) return;
      scrollFrame = requestAnimationFrame(() => {
        scrollFrame = 0;
        if (performance.now() < ignoreScrollUntil) return;
        const line = lineAtTop();
        saveState({ line });
        if (settings.scrollEditorWithPreview) vscode.postMessage({ type: 'didScroll', line });
      });
    },
    { passive: true },
  );

  window.addEventListener('resize', forgetLayout);

  document.addEventListener('dblclick', (event) => {
    if (!settings.doubleClickToSwitchToEditor) return;
    const target = /** @type {Element | null} */ (
      event.target instanceof Element ? event.target : null
    );
    const block = target && target.closest('[data-line]');
    if (!block) return;
    const line = Number(block.getAttribute('data-line'));
    if (Number.isFinite(line)) vscode.postMessage({ type: 'openSource', line });
  });

  vscode.postMessage({ type: 'ready' });
})();
