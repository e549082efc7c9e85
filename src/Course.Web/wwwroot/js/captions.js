// Captions and the transcript panel, beside the player (player.js): uses only the player's interface
// (window.coursePlayer: seek, onTime, toggleCaptions, on("captions")) and the <video>'s caption tracks.
// - this script owns the viewer's choice: its captions button, the player's and the C key turn captions on and
//   off in the language picked, used for both the captions and the transcript, and remembered (localStorage
//   "course.captions");
// - the cue being said is marked and kept in sight inside the panel (the page itself never scrolls), unless
//   the viewer has just scrolled the panel themselves;
// - a click (or Enter) on a line seeks there; the find box marks matches and steps through them.
(() => {
  "use strict";
  const panel = document.querySelector("[data-transcript]");
  const player = window.coursePlayer;
  if (!panel || !player) return;

  const video = document.querySelector("[data-player] video");
  const body = panel.querySelector("[data-transcript-body]");
  const tracks = [...panel.querySelectorAll("[data-transcript-track]")];
  const toggle = panel.querySelector("[data-captions-toggle]");
  const picker = panel.querySelector("[data-captions-language]");
  panel.querySelector("[data-transcript-controls]").hidden = false;

  // --- the viewer's choice, remembered ---
  const storageKey = "course.captions";
  const remembered = (() => {
    try { return JSON.parse(localStorage.getItem(storageKey)) ?? {}; } catch { return {}; }
  })();
  const languages = tracks.map((t) => t.dataset.transcriptTrack);
  const choice = {
    on: remembered.on === true,
    language: languages.find((l) => l.toLowerCase() === String(remembered.language ?? "").toLowerCase()) ?? languages[0],
  };
  function remember() {
    try { localStorage.setItem(storageKey, JSON.stringify(choice)); } catch { /* private mode: not remembered */ }
  }

  function captionTracks() {
    return video ? [...video.textTracks].filter((t) => t.kind === "captions" || t.kind === "subtitles") : [];
  }

  function apply() {
    for (const track of captionTracks()) {
      track.mode = choice.on && track.language.toLowerCase() === choice.language.toLowerCase() ? "showing" : "disabled";
    }
    toggle?.setAttribute("aria-pressed", String(choice.on));
    for (const track of tracks) track.hidden = track.dataset.transcriptTrack !== choice.language;
    if (picker) picker.value = choice.language;
    current = null;
    follow(lastTime, true);
    find();
  }

  function setCaptions(on) {
    choice.on = on;
    remember();
    apply();
  }

  toggle?.addEventListener("click", () => setCaptions(!choice.on));
  picker?.addEventListener("change", () => { choice.language = picker.value; remember(); apply(); });
  // The player's captions button and C key call this, so they turn on the language picked, not the player's guess.
  player.toggleCaptions = () => setCaptions(!choice.on);
  player.on("captions", (track) => {
    const on = Boolean(track);
    if (on === choice.on && (!track || track.language === choice.language)) return;
    choice.on = on;
    if (track) choice.language = languages.find((l) => l.toLowerCase() === track.language.toLowerCase()) ?? choice.language;
    remember();
    apply();
  });

  // --- the line being said ---
  let current = null;
  let lastTime = Number(document.querySelector("[data-player]")?.dataset.start) || 0;
  let viewerScrolledAt = 0;
  const cuesOf = () => [...panel.querySelectorAll(`[data-transcript-track="${CSS.escape(choice.language)}"] .cue`)];

  // The viewer scrolling the panel pauses following for a while, so it never fights them.
  for (const type of ["wheel", "touchmove"]) body.addEventListener(type, () => { viewerScrolledAt = Date.now(); }, { passive: true });
  body.addEventListener("keydown", (event) => {
    if (["ArrowUp", "ArrowDown", "PageUp", "PageDown", "Home", "End", " "].includes(event.key)) viewerScrolledAt = Date.now();
  });

  function reveal(cue) {
    if (Date.now() - viewerScrolledAt < 4000) return;
    const box = body.getBoundingClientRect();
    const at = cue.getBoundingClientRect();
    // Only the panel scrolls (scrollTop), never the page.
    if (at.top < box.top || at.bottom > box.bottom) body.scrollTop += at.top - box.top - (box.height - at.height) / 3;
  }

  function follow(seconds, force) {
    lastTime = seconds;
    const cues = cuesOf();
    const cue = cues.findLast((c) => Number(c.dataset.cueStart) <= seconds + 0.05 && seconds < Number(c.dataset.cueEnd))
      ?? cues.findLast((c) => Number(c.dataset.cueStart) <= seconds + 0.05) ?? null;
    if (cue === current && !force) return;
    current?.classList.remove("current");
    current?.removeAttribute("aria-current");
    current = cue;
    if (!cue) return;
    cue.classList.add("current");
    cue.setAttribute("aria-current", "true");
    reveal(cue);
  }
  player.onTime((seconds) => follow(seconds, false));

  body.addEventListener("click", (event) => {
    const cue = event.target.closest("a.cue, a.transcript-time");
    if (!cue || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    const line = cue.classList.contains("cue") ? cue : cue.parentElement.querySelector(".cue");
    const seconds = Number(line.dataset.cueStart);
    viewerScrolledAt = 0;
    follow(seconds, true);
    player.seek(seconds);
  });

  // --- find in the transcript ---
  const query = panel.querySelector("[data-transcript-query]");
  const count = panel.querySelector("[data-transcript-count]");
  let matches = [];
  let at = -1;

  function clearMarks() {
    for (const cue of panel.querySelectorAll(".cue[data-text]")) {
      cue.textContent = cue.dataset.text;
      delete cue.dataset.text;
    }
  }

  function find() {
    clearMarks();
    matches = [];
    at = -1;
    const wanted = query.value.trim().toLowerCase();
    if (wanted.length > 0) {
      for (const cue of cuesOf()) {
        const text = cue.textContent;
        const lower = text.toLowerCase();
        let from = 0;
        let index = lower.indexOf(wanted);
        if (index < 0) continue;
        cue.dataset.text = text;
        cue.textContent = "";
        while (index >= 0) {
          cue.append(text.slice(from, index));
          const mark = document.createElement("mark");
          mark.textContent = text.slice(index, index + wanted.length);
          cue.append(mark);
          matches.push(mark);
          from = index + wanted.length;
          index = lower.indexOf(wanted, from);
        }
        cue.append(text.slice(from));
      }
    }
    count.textContent = wanted.length === 0 ? "" : matches.length === 0 ? "no match" : `${matches.length} found`;
    if (matches.length > 0) step(1);
  }

  function step(direction) {
    if (matches.length === 0) return;
    matches[at]?.classList.remove("found");
    at = (at + direction + matches.length) % matches.length;
    const mark = matches[at];
    mark.classList.add("found");
    count.textContent = `${at + 1} of ${matches.length}`;
    viewerScrolledAt = Date.now();
    const box = body.getBoundingClientRect();
    const place = mark.getBoundingClientRect();
    if (place.top < box.top || place.bottom > box.bottom) body.scrollTop += place.top - box.top - box.height / 3;
  }

  query.addEventListener("input", find);
  query.form.addEventListener("submit", (event) => { event.preventDefault(); step(1); });
  query.addEventListener("keydown", (event) => {
    if (event.key === "Enter") { event.preventDefault(); step(event.shiftKey ? -1 : 1); }
  });
  for (const button of panel.querySelectorAll("[data-transcript-step]")) {
    button.addEventListener("click", () => step(Number(button.dataset.transcriptStep)));
  }

  // Tracks load lazily: apply once the browser has listed them, and again when each one arrives.
  video?.textTracks.addEventListener("addtrack", apply);
  apply();
})();
