// What this browser has watched, per video, kept in localStorage and never sent anywhere: the last
// position (for resume) and the stretches played (for "watched" chapters and the home page's progress).
//   CourseProgress.of(slug) -> { position(seconds, duration), watched(from, to), covered(from, to) -> 0..1,
//                                resumeAt(duration) -> seconds or null, fraction() -> 0..1, stoppedAt() }
//   CourseProgress.clock(seconds) -> "8:20"   (player.js loads after this script and uses it too)
// On the home page it fills every [data-progress-of="slug"] element.
(() => {
  "use strict";
  const key = (slug) => `course:progress:${slug}`;
  const read = (slug) => {
    try {
      const value = JSON.parse(localStorage.getItem(key(slug)) ?? "null");
      return value && Array.isArray(value.spans) ? value : { position: 0, duration: 0, spans: [] };
    } catch {
      return { position: 0, duration: 0, spans: [] };
    }
  };

  // Sorted, non-overlapping [from, to] spans; a new one is merged into those it touches.
  function merge(spans, from, to) {
    const out = [];
    for (const [a, b] of spans) {
      if (b < from - 0.5 || a > to + 0.5) out.push([a, b]);
      else { from = Math.min(from, a); to = Math.max(to, b); }
    }
    out.push([from, to]);
    return out.sort((x, y) => x[0] - y[0]);
  }

  function of(slug) {
    const state = read(slug);
    let lastWrite = 0;
    const write = (force) => {
      const now = Date.now();
      if (!force && now - lastWrite < 1000) return;
      lastWrite = now;
      try { localStorage.setItem(key(slug), JSON.stringify(state)); } catch { /* storage full or off: nothing kept */ }
    };
    const covered = (from, to) => {
      if (!(to > from)) return 0;
      let sum = 0;
      for (const [a, b] of state.spans) sum += Math.max(0, Math.min(b, to) - Math.max(a, from));
      return sum / (to - from);
    };
    return {
      position(seconds, duration) {
        const changed = Math.abs(state.position - seconds) >= 1 || seconds === 0;
        state.position = Math.round(seconds * 10) / 10;
        if (duration > 0) state.duration = duration;
        if (changed) write(seconds === 0);
      },
      watched(from, to) {
        state.spans = merge(state.spans, Math.round(from * 10) / 10, Math.round(to * 10) / 10);
        write(false);
      },
      covered,
      // Not worth resuming a few seconds in, nor the closing seconds of a video already watched.
      resumeAt(duration) {
        const d = duration || state.duration;
        return state.position >= 10 && d > 0 && state.position <= 0.95 * d ? state.position : null;
      },
      fraction: () => (state.duration > 0 ? covered(0, state.duration) : 0),
      stoppedAt: () => state.position,
      flush: () => write(true),
    };
  }

  // Whole seconds as the site writes them (Timestamp): m:ss, or h:mm:ss from an hour.
  const clock = (seconds) => {
    const s = Math.max(0, Math.floor(seconds || 0)), h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = String(s % 60).padStart(2, "0");
    return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${r}` : `${m}:${r}`;
  };
  window.CourseProgress = { of, clock };
  for (const element of document.querySelectorAll("[data-progress-of]")) {
    const progress = of(element.dataset.progressOf);
    const fraction = progress.fraction();
    if (fraction <= 0 && progress.stoppedAt() < 10) continue;
    const percent = Math.min(100, Math.round(fraction * 100));
    const bar = document.createElement("progress");
    bar.max = 100;
    bar.value = percent;
    bar.setAttribute("aria-label", "Watched");
    const text = document.createElement("span");
    text.textContent = `${percent}% watched${progress.resumeAt(0) !== null ? ` · stopped at ${clock(progress.stoppedAt())}` : ""}`;
    element.replaceChildren(bar, text);
    element.hidden = false;
  }
})();
