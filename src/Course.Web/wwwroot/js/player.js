// Course player: one small interface over every kind of source, the controls of the HTML5 player,
// keyboard shortcuts, practice loops and resume. Chapter and time links stay real links (?t=SECONDS):
// this script only makes them act in place instead of reloading the page.
//
// Adapter (one per source kind: HTML5 <video>, YouTube's IFrame API, Vimeo's postMessage API):
//   seek(seconds) play() pause() paused() time() duration() rate() setRate(r) muted() setMuted(b)
//   onTime(callback(seconds))   on playback progress and after every seek
// window.coursePlayer, for other scripts (captions, transcript), ready when this script has run:
//   seek(seconds, { play })  play()  pause()  time()  duration()  chapters  currentChapter()
//   on("time", cb(seconds))   on("chapter", cb(chapter or null))   on("loop", cb({ start, end, loop } or null))
//   media        the <video> element (file sources), else null
//   controls     the controls element (file sources), else null: add buttons to its .control-row
//   shortcut(key, handler)   one more keyboard shortcut (event.key), with the same "not while typing" rule
//   captionTracks()  the <video>'s caption and subtitle tracks;  setCaptions(track or null)  shows one
//   toggleCaptions()  what the captions button and the C key call, always through the api: a script that keeps
//                     the viewer's choice of language (captions.js) replaces it; this one turns on the track last
//                     shown, else the one in the browser's languages, else the first
// A chapter is { index, start, end, title, item (its <li> in the chapter list), thumbnail (url or "") }.
(() => {
  "use strict";
  const root = document.querySelector("[data-player]");
  if (!root) return;
  const element = root.querySelector("video, iframe");
  if (!element) return;

  const start = Number(root.dataset.start) || 0;
  const slug = root.dataset.video || location.pathname;

  const clock = window.CourseProgress.clock;

  // ---- Adapters -------------------------------------------------------------------------------

  function html5Adapter(video) {
    // Seeking needs the metadata; before that, remember the wish and apply it on loadedmetadata.
    let pending = start;
    const apply = () => {
      if (pending !== null && video.readyState >= 1) {
        if (Math.abs(video.currentTime - pending) > 0.5) video.currentTime = pending;
        pending = null;
      }
    };
    video.addEventListener("loadedmetadata", apply);
    apply();
    return {
      seek(seconds) { pending = seconds; apply(); },
      play() { return video.play().catch(() => { /* autoplay refused: the position is still set */ }); },
      pause() { video.pause(); },
      paused: () => video.paused,
      time: () => (pending ?? video.currentTime),
      duration: () => video.duration,
      rate: () => video.playbackRate,
      setRate(r) { video.playbackRate = r; },
      muted: () => video.muted,
      setMuted(b) { video.muted = b; },
      onTime(callback) {
        video.addEventListener("timeupdate", () => callback(video.currentTime));
        video.addEventListener("seeked", () => callback(video.currentTime));
      },
    };
  }

  function youTubeAdapter(iframe) {
    let player = null;
    const listeners = [];
    const whenReady = new Promise((resolve) => {
      const previous = window.onYouTubeIframeAPIReady;
      window.onYouTubeIframeAPIReady = () => {
        previous?.();
        player = new YT.Player(iframe, { events: { onReady: () => resolve(player) } });
      };
      const script = document.createElement("script");
      script.src = "https://www.youtube.com/iframe_api";
      document.head.append(script);
    });
    // The IFrame API has no time event: poll while the page is open.
    whenReady.then(() => setInterval(() => listeners.forEach((cb) => cb(player.getCurrentTime())), 250));
    return {
      seek(seconds) { whenReady.then((p) => p.seekTo(seconds, true)); },
      play() { whenReady.then((p) => p.playVideo()); },
      pause() { whenReady.then((p) => p.pauseVideo()); },
      paused: () => !player || player.getPlayerState() !== 1,
      time: () => player?.getCurrentTime() ?? start,
      duration: () => player?.getDuration() ?? NaN,
      rate: () => player?.getPlaybackRate() ?? 1,
      setRate(r) { whenReady.then((p) => p.setPlaybackRate(r)); },
      muted: () => player?.isMuted() ?? false,
      setMuted(b) { whenReady.then((p) => (b ? p.mute() : p.unMute())); },
      onTime(callback) { listeners.push(callback); },
    };
  }

  function vimeoAdapter(iframe) {
    const origin = "https://player.vimeo.com";
    const post = (method, value) => iframe.contentWindow?.postMessage(JSON.stringify({ method, value }), origin);
    const listeners = [];
    const state = { time: start, duration: NaN, paused: true, rate: 1, muted: false };
    window.addEventListener("message", (event) => {
      if (event.origin !== origin) return;
      const data = typeof event.data === "string" ? JSON.parse(event.data) : event.data;
      if (data.event === "ready") ["timeupdate", "play", "pause"].forEach((name) => post("addEventListener", name));
      if (data.event === "play") state.paused = false;
      if (data.event === "pause") state.paused = true;
      if (data.event === "timeupdate") {
        state.time = data.data.seconds;
        state.duration = data.data.duration;
        listeners.forEach((cb) => cb(state.time));
      }
    });
    return {
      seek(seconds) { state.time = seconds; post("setCurrentTime", seconds); },
      play() { post("play"); },
      pause() { post("pause"); },
      paused: () => state.paused,
      time: () => state.time,
      duration: () => state.duration,
      rate: () => state.rate,
      setRate(r) { state.rate = r; post("setPlaybackRate", r); },
      muted: () => state.muted,
      setMuted(b) { state.muted = b; post("setMuted", b); },
      onTime(callback) { listeners.push(callback); },
    };
  }

  const adapters = { file: html5Adapter, youtube: youTubeAdapter, vimeo: vimeoAdapter };
  const player = adapters[root.dataset.kind]?.(element);
  if (!player) return;
  const media = element instanceof HTMLVideoElement ? element : null;

  // ---- Chapters and events --------------------------------------------------------------------

  const knownDuration = () => {
    const d = player.duration();
    return Number.isFinite(d) && d > 0 ? d : Number(root.dataset.duration) || 0;
  };
  const chapters = [...document.querySelectorAll(".chapters li.chapter[data-chapter-start]")].map((item, index, all) => ({
    index,
    start: Number(item.dataset.chapterStart),
    get end() {
      if (item.dataset.chapterEnd) return Number(item.dataset.chapterEnd);
      return index + 1 < all.length ? Number(all[index + 1].dataset.chapterStart) : knownDuration();
    },
    title: item.querySelector(".chapter-title")?.textContent.trim() ?? "",
    item,
    thumbnail: item.querySelector("img.chapter-thumbnail")?.getAttribute("src") ?? "",
  }));
  const chapterAt = (seconds) => chapters.findLast((c) => c.start <= seconds + 0.25) ?? null;

  const events = new EventTarget();
  const emit = (name, detail) => events.dispatchEvent(new CustomEvent(name, { detail }));
  const shortcuts = new Map();

  // ---- Practice loop: ?t=A&end=B plays A..B and pauses at B; &loop=1 repeats -------------------

  let range = null;
  function setRange(next) {
    range = next && next.end > next.start ? next : null;
    emit("loop", range);
  }
  if (root.dataset.end) setRange({ start, end: Number(root.dataset.end), loop: root.dataset.loop === "true" });

  function keepInRange(seconds) {
    if (!range || player.paused() || seconds < range.end - 0.05) return;
    if (range.loop) {
      seek(range.start);
    } else {
      player.pause();
      player.seek(range.end);
      setRange(null);
    }
  }

  // ---- Resume: where this browser stopped, per video; nothing leaves the browser -----------------

  const store = window.CourseProgress?.of(slug) ?? null;
  // The last position seen and when: playback from there to the next one counts as watched.
  let lastTick = start, lastTickAt = performance.now();
  function remember(seconds) {
    if (!store) return;
    // Only steady playback counts as watched: never more than the clock and the speed allow, so a seek's jump does not.
    const now = performance.now();
    const playable = ((now - lastTickAt) / 1000) * player.rate() + 1;
    if (!player.paused() && seconds > lastTick && seconds - lastTick <= playable) store.watched(lastTick, seconds);
    lastTick = seconds;
    lastTickAt = now;
    store.position(seconds, knownDuration());
  }

  function markWatched() {
    if (!store) return;
    for (const chapter of chapters) {
      const watched = store.covered(chapter.start, chapter.end) >= 0.9;
      if (watched === chapter.item.classList.contains("watched")) continue;
      chapter.item.classList.toggle("watched", watched);
      const mark = chapter.item.querySelector(".chapter-watched");
      if (mark) mark.hidden = !watched;
    }
  }

  // ---- The current chapter in the list, the address, and listeners -------------------------------

  // Scrolls only the chapter list (never the page) so the current chapter is in sight.
  function reveal(item) {
    const list = item.closest(".chapters");
    if (!list || list.scrollHeight <= list.clientHeight) return;
    const box = list.getBoundingClientRect();
    const at = item.getBoundingClientRect();
    if (at.top < box.top || at.bottom > box.bottom) list.scrollTop += at.top - box.top - (box.height - at.height) / 2;
  }

  let current = null;
  function markCurrent(seconds, updateAddress) {
    const chapter = chapterAt(seconds);
    if (chapter === current) return;
    current?.item.classList.remove("current");
    current?.item.querySelector(".chapter-link")?.removeAttribute("aria-current");
    current = chapter;
    emit("chapter", chapter);
    if (!chapter) return;
    chapter.item.classList.add("current");
    const link = chapter.item.querySelector(".chapter-link");
    link.setAttribute("aria-current", "true");
    reveal(chapter.item);
    // The address always names the chapter being watched, so copying it shares that moment. The state
    // says this script wrote it, so a reload resumes where the viewer was rather than at the chapter.
    if (updateAddress && !range) history.replaceState({ courseAddress: true }, "", link.getAttribute("href"));
  }

  player.onTime((seconds) => {
    keepInRange(seconds);
    markCurrent(seconds, true);
    remember(seconds);
    markWatched();
    emit("time", seconds);
  });

  function seek(seconds, { play = false } = {}) {
    const d = knownDuration();
    const to = Math.max(0, d > 0 ? Math.min(seconds, d) : seconds);
    lastTick = to;
    lastTickAt = performance.now();
    player.seek(to);
    markCurrent(to, false);
    emit("time", to);
    if (play) player.play();
  }

  const api = {
    kind: root.dataset.kind,
    media,
    controls: null,
    chapters,
    seek,
    play: () => player.play(),
    pause: () => player.pause(),
    paused: () => player.paused(),
    time: () => player.time(),
    duration: knownDuration,
    currentChapter: () => current,
    loop: () => range,
    setLoop: setRange,
    on(name, callback) { events.addEventListener(name, (event) => callback(event.detail)); },
    onTime(callback) { api.on("time", callback); },
    shortcut(key, handler) { shortcuts.set(key, handler); },
    captionTracks: () => (media ? [...media.textTracks].filter((t) => t.kind === "captions" || t.kind === "subtitles") : []),
    setCaptions(track) {
      for (const t of api.captionTracks()) t.mode = t === track ? "showing" : "disabled";
      // Kept at once: the tracks' "change" event comes later, after an off that follows may already have run.
      if (track) lastCaptions = track;
      emit("captions", track);
    },
    toggleCaptions() {
      const tracks = api.captionTracks();
      if (tracks.length === 0) return;
      api.setCaptions(tracks.some((t) => t.mode === "showing") ? null : preferredCaptions(tracks));
    },
  };
  window.coursePlayer = api;

  // Whoever shows a track (this script, another, the browser's menu), turning captions back on brings that one back.
  let lastCaptions = null;
  media?.textTracks.addEventListener("change", () => {
    lastCaptions = api.captionTracks().find((t) => t.mode === "showing") ?? lastCaptions;
  });
  function preferredCaptions(tracks) {
    if (tracks.includes(lastCaptions)) return lastCaptions;
    const language = (tag) => tag.toLowerCase();
    const primary = (tag) => language(tag).split("-")[0];
    for (const wanted of navigator.languages ?? []) {
      const track = tracks.find((t) => language(t.language) === language(wanted)) ?? tracks.find((t) => primary(t.language) === primary(wanted));
      if (track) return track;
    }
    return tracks[0];
  }

  // ---- Chapter navigation ------------------------------------------------------------------------

  function nextChapter() {
    const next = chapters.find((c) => c.start > player.time() + 0.25);
    if (next) seek(next.start);
  }
  function previousChapter() {
    const t = player.time();
    const here = chapterAt(t);
    if (!here) return;
    // More than 3 s in: back to this chapter's start, as a music player's "previous" does.
    const target = t - here.start > 3 || here.index === 0 ? here : chapters[here.index - 1];
    seek(target.start);
  }

  const speeds = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2];
  function changeSpeed(step) {
    const at = speeds.findIndex((s) => s >= player.rate() - 0.01);
    player.setRate(speeds[Math.min(speeds.length - 1, Math.max(0, (at < 0 ? 3 : at) + step))]);
  }

  function fullscreen() {
    if (document.fullscreenElement) document.exitFullscreen?.();
    else root.requestFullscreen?.().catch(() => {});
  }

  // ---- The HTML5 player's controls ---------------------------------------------------------------

  const icons = {
    play: "M8 5v14l11-7z",
    pause: "M6 5h4v14H6zm8 0h4v14h-4z",
    previous: "M6 6h2v12H6zm3.5 6 8.5 6V6z",
    next: "M16 6h2v12h-2zM6 18l8.5-6L6 6z",
    volume: "M3 9v6h4l5 5V4L7 9zm13.5 3A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4z",
    muted: "M3 9v6h4l5 5V4L7 9zm13.6 3 2.9-2.9-1.4-1.4-2.9 2.9-2.9-2.9-1.4 1.4 2.9 2.9-2.9 2.9 1.4 1.4 2.9-2.9 2.9 2.9 1.4-1.4z",
    fullscreen: "M5 5h5v2H7v3H5zm9 0h5v5h-2V7h-3zM5 14h2v3h3v2H5zm12 0h2v5h-5v-2h3z",
  };
  const svg = (name) =>
    `<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><path d="${icons[name]}"/></svg>`;

  function buildControls(video) {
    video.controls = false;
    const controls = document.createElement("div");
    controls.className = "player-controls";
    controls.innerHTML = `
      <div class="seekbar">
        <div class="seek-track" aria-hidden="true"><div class="seek-loop" hidden></div><div class="seek-fill"></div></div>
        <input class="seek-range" type="range" min="0" step="any" value="0" aria-label="Seek">
        <div class="seek-markers" aria-hidden="true"></div>
      </div>
      <div class="control-row">
        <button type="button" class="ctl-play" aria-label="Play">${svg("play")}</button>
        <button type="button" class="ctl-previous" aria-label="Previous chapter" title="Previous chapter (Shift+P)">${svg("previous")}</button>
        <button type="button" class="ctl-next" aria-label="Next chapter" title="Next chapter (Shift+N)">${svg("next")}</button>
        <button type="button" class="ctl-mute" aria-label="Mute" title="Mute (M)">${svg("volume")}</button>
        <span class="ctl-time"><span class="ctl-now">0:00</span> / <span class="ctl-total"></span></span>
        <span class="ctl-chapter"></span>
        <label class="ctl-speed"><span class="visually-hidden">Speed</span>
          <select>${speeds.map((s) => `<option value="${s}"${s === 1 ? " selected" : ""}>${s}×</option>`).join("")}</select></label>
        <button type="button" class="ctl-captions" aria-pressed="false" title="Captions (C)" hidden>CC<span class="visually-hidden"> captions</span></button>
        <button type="button" class="ctl-practice" aria-expanded="false">Loop</button>
        <button type="button" class="ctl-fullscreen" aria-label="Full screen" title="Full screen (F)">${svg("fullscreen")}</button>
      </div>
      <div class="practice" hidden>
        <button type="button" data-loop-from>From <span>0:00</span></button>
        <button type="button" data-loop-to>To <span>–</span></button>
        <label><input type="checkbox" data-loop-repeat> Repeat</label>
        <button type="button" data-loop-copy>Copy link</button>
        <button type="button" data-loop-clear>Clear</button>
        <a class="practice-link" data-loop-link href="${location.pathname}" hidden></a>
      </div>
      <p class="resume-note" role="status" hidden></p>`;
    root.append(controls);
    root.classList.add("has-controls");
    const $ = (selector) => controls.querySelector(selector);

    // Seek bar: one range input for pointer and keyboard. The chapter markers over it are ticks, not targets (chapters
    // 15 s apart are 4 px apart on a phone: too close to tap apart); the range shows the tip of the chapter under the
    // pointer, or the current one while focused from the keyboard, and a press near a tick starts that chapter.
    // Keyboard users reach chapters by the chapter list, Shift+N/P, and the range's value text.
    const seekRange = $(".seek-range"), fill = $(".seek-fill"), loopBand = $(".seek-loop"), markers = $(".seek-markers");
    const percent = (seconds) => `${(100 * seconds) / (knownDuration() || 1)}%`;
    function layout() {
      const d = knownDuration();
      seekRange.max = String(d || 0);
      $(".ctl-total").textContent = clock(d);
      markers.replaceChildren(...chapters.map((chapter) => {
        const marker = document.createElement("span");
        marker.className = "seek-marker";
        marker.dataset.chapterStart = String(chapter.start);
        marker.style.left = percent(chapter.start);
        const tip = document.createElement("span");
        tip.className = "seek-tip";
        if (chapter.thumbnail) {
          const img = document.createElement("img");
          img.src = chapter.thumbnail; img.alt = ""; img.width = 160; img.height = 90; img.loading = "lazy";
          tip.append(img);
        }
        const title = document.createElement("strong");
        title.textContent = chapter.title;
        const time = document.createElement("time");
        time.textContent = clock(chapter.start);
        tip.append(title, time);
        // Tips near the ends stay inside the player.
        const at = chapter.start / (d || 1);
        if (at < 0.2) tip.classList.add("tip-start"); else if (at > 0.8) tip.classList.add("tip-end");
        marker.append(tip);
        return marker;
      }));
      showLoop(range);
    }

    let pointed = null;   // { chapter, near: within a tick's reach } under the pointer, while it is over the bar
    let pressed = false;
    function pointAt(event) {
      const box = seekRange.getBoundingClientRect();
      const d = knownDuration();
      if (!d || !box.width) return;
      const seconds = ((event.clientX - box.left) / box.width) * d;
      const reach = (6 / box.width) * d;  // 6 px either side of a tick
      const near = chapters.find((c) => Math.abs(c.start - seconds) <= reach) ?? null;
      pointed = { chapter: near ?? chapterAt(seconds), near };
      showTip();
    }
    // One tip at a time: the pointed chapter's, else the current one's while the range has keyboard focus.
    function showTip() {
      const keyboard = document.activeElement === seekRange && seekRange.matches(":focus-visible");
      const chapter = pointed?.chapter ?? (keyboard ? current : null);
      for (const marker of markers.children) marker.classList.toggle("tip-shown", chapter !== null && marker.dataset.chapterStart === String(chapter.start));
    }
    seekRange.addEventListener("pointermove", pointAt);
    seekRange.addEventListener("pointerdown", (event) => { pressed = true; pointAt(event); });
    for (const type of ["pointerup", "pointercancel"]) seekRange.addEventListener(type, () => { pressed = false; });
    seekRange.addEventListener("pointerleave", () => { pointed = null; pressed = false; showTip(); });
    seekRange.addEventListener("focus", showTip);
    seekRange.addEventListener("blur", showTip);
    api.on("chapter", showTip);
    seekRange.addEventListener("input", () => {
      if (pressed && pointed?.near) seekRange.value = String(pointed.near.start);
      seek(Number(seekRange.value));
    });

    // Play, time, chapter title.
    const playButton = $(".ctl-play");
    const toggle = () => (player.paused() ? player.play() : player.pause());
    playButton.addEventListener("click", toggle);
    video.addEventListener("click", toggle);
    const showPlaying = () => {
      const paused = video.paused;
      playButton.innerHTML = svg(paused ? "play" : "pause");
      playButton.setAttribute("aria-label", paused ? "Play" : "Pause");
      playButton.title = `${paused ? "Play" : "Pause"} (K)`;
      root.classList.toggle("paused", paused);
    };
    video.addEventListener("play", showPlaying);
    video.addEventListener("pause", showPlaying);
    showPlaying();
    const showTime = (seconds) => {
      $(".ctl-now").textContent = clock(seconds);
      if (document.activeElement !== seekRange) seekRange.value = String(seconds);
      seekRange.setAttribute("aria-valuetext", `${clock(seconds)} of ${clock(knownDuration())}${current ? `, ${current.title}` : ""}`);
      fill.style.width = percent(seconds);
    };
    api.on("time", showTime);
    showTime(start);
    const chapterTitle = $(".ctl-chapter");
    const showChapter = (chapter) => { chapterTitle.textContent = chapter?.title ?? ""; chapterTitle.title = chapter?.title ?? ""; };
    api.on("chapter", showChapter);
    showChapter(current);

    $(".ctl-previous").addEventListener("click", previousChapter);
    $(".ctl-next").addEventListener("click", nextChapter);

    const muteButton = $(".ctl-mute");
    const showMuted = () => {
      muteButton.innerHTML = svg(video.muted ? "muted" : "volume");
      muteButton.setAttribute("aria-label", video.muted ? "Unmute" : "Mute");
    };
    muteButton.addEventListener("click", () => player.setMuted(!video.muted));
    video.addEventListener("volumechange", showMuted);
    showMuted();

    const speed = $(".ctl-speed select");
    speed.setAttribute("aria-label", "Playback speed");
    speed.addEventListener("change", () => player.setRate(Number(speed.value)));
    video.addEventListener("ratechange", () => {
      const r = video.playbackRate;
      if (!speeds.includes(r)) speed.append(new Option(`${r}×`, String(r)));
      speed.value = String(r);
    });

    // Captions: the button appears once the video has caption or subtitle tracks, and turns them on and off.
    const captionsButton = $(".ctl-captions");
    const showCaptions = () => {
      const tracks = api.captionTracks();
      captionsButton.hidden = tracks.length === 0;
      const on = tracks.some((t) => t.mode === "showing");
      // The name stays "CC captions" (it holds the visible text, for voice control); aria-pressed says whether they are on.
      captionsButton.setAttribute("aria-pressed", String(on));
    };
    captionsButton.addEventListener("click", () => api.toggleCaptions());
    video.textTracks.addEventListener("addtrack", showCaptions);
    video.textTracks.addEventListener("removetrack", showCaptions);
    video.textTracks.addEventListener("change", showCaptions);
    showCaptions();

    $(".ctl-fullscreen").addEventListener("click", fullscreen);

    // Practice loop: set either end from the current time, repeat or not, copy the link.
    const practice = $(".practice"), practiceButton = $(".ctl-practice");
    practiceButton.addEventListener("click", () => {
      practice.hidden = !practice.hidden;
      practiceButton.setAttribute("aria-expanded", String(!practice.hidden));
    });
    let draft = { start: range?.start ?? null, end: range?.end ?? null, loop: range?.loop ?? true };
    const linkOf = (r) => `${location.origin}${location.pathname}?t=${Math.floor(r.start)}&end=${Math.ceil(r.end)}${r.loop ? "&loop=1" : ""}`;
    function showLoop(r) {
      loopBand.hidden = !r;
      if (r) { loopBand.style.left = percent(r.start); loopBand.style.width = percent(r.end - r.start); }
      practiceButton.classList.toggle("active", Boolean(r));
      if (r) draft = { ...r };
      $("[data-loop-from] span").textContent = draft.start === null ? "–" : clock(draft.start);
      $("[data-loop-to] span").textContent = draft.end === null ? "–" : clock(draft.end);
      $("[data-loop-repeat]").checked = draft.loop;
      const link = $("[data-loop-link]");
      link.hidden = !r;
      if (r) { link.href = linkOf(r); link.textContent = linkOf(r); }
    }
    api.on("loop", showLoop);
    const applyDraft = () => {
      if (draft.start !== null && draft.end !== null && draft.end > draft.start) setRange({ ...draft });
      else showLoop(range);
    };
    $("[data-loop-from]").addEventListener("click", () => {
      draft.start = Math.floor(player.time());
      if (draft.end !== null && draft.end <= draft.start) draft.end = null;
      applyDraft();
    });
    $("[data-loop-to]").addEventListener("click", () => { draft.end = Math.ceil(player.time()); applyDraft(); });
    $("[data-loop-repeat]").addEventListener("change", (event) => { draft.loop = event.target.checked; applyDraft(); });
    $("[data-loop-clear]").addEventListener("click", () => { draft = { start: null, end: null, loop: true }; setRange(null); });
    $("[data-loop-copy]").addEventListener("click", async (event) => {
      if (!range) return;
      const button = event.currentTarget;
      try {
        await navigator.clipboard.writeText(linkOf(range));
        button.textContent = "Link copied";
      } catch {
        button.textContent = "Copy the link below";
      }
      setTimeout(() => { button.textContent = "Copy link"; }, 2500);
    });

    layout();
    video.addEventListener("loadedmetadata", layout);
    api.controls = controls;
    return controls;
  }
  if (media) buildControls(media);

  // ---- Keyboard ------------------------------------------------------------------------------------

  const typing = (target) =>
    target instanceof Element &&
    (target.isContentEditable || target.closest("textarea, select, input:not([type=range]):not([type=checkbox]):not([type=button])"));
  const byKey = {
    " ": () => (player.paused() ? player.play() : player.pause()),
    k: () => (player.paused() ? player.play() : player.pause()),
    j: () => seek(player.time() - 10),
    l: () => seek(player.time() + 10),
    ArrowLeft: () => seek(player.time() - 5),
    ArrowRight: () => seek(player.time() + 5),
    N: nextChapter,
    P: previousChapter,
    "<": () => changeSpeed(-1),
    ">": () => changeSpeed(+1),
    f: fullscreen,
    m: () => player.setMuted(!player.muted()),
    c: () => api.toggleCaptions(),
  };
  for (let digit = 0; digit <= 9; digit++) byKey[String(digit)] = () => seek((knownDuration() * digit) / 10);
  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    // Space on a button or link presses it; the shortcut would press play a second time.
    if (event.key === " " && event.target instanceof Element && event.target.closest("button, a, summary")) return;
    const handler = shortcuts.get(event.key) ?? byKey[event.key];
    if (!handler) return;
    event.preventDefault();
    handler();
  });

  // ---- Media Session: the chapter's title on the lock screen and in the browser's media controls -------

  if ("mediaSession" in navigator && media) {
    const videoTitle = root.dataset.title || document.title;
    const artwork = media.poster ? [{ src: new URL(media.poster, location.href).href }] : [];
    api.on("chapter", (chapter) => {
      navigator.mediaSession.metadata = new MediaMetadata({ title: chapter?.title || videoTitle, artist: "Course", album: videoTitle, artwork });
    });
    const actions = {
      previoustrack: previousChapter,
      nexttrack: nextChapter,
      seekbackward: () => seek(player.time() - 10),
      seekforward: () => seek(player.time() + 10),
      seekto: (details) => seek(details.seekTime),
    };
    for (const [action, handler] of Object.entries(actions)) {
      try { navigator.mediaSession.setActionHandler(action, handler); } catch { /* not supported here */ }
    }
  }

  // ---- Links that act in place: chapters, times, "loop this chapter" --------------------------------

  document.addEventListener("click", (event) => {
    const link = event.target.closest("a[data-seek]");
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    const seconds = Number(link.dataset.seek);
    if (link.dataset.loopEnd) {
      setRange({ start: seconds, end: Number(link.dataset.loopEnd), loop: true });
      history.pushState(null, "", link.getAttribute("href"));
    } else {
      if (range && (seconds < range.start || seconds >= range.end)) setRange(null);
      history.pushState(null, "", `${location.pathname}?t=${seconds}`);
    }
    seek(seconds, { play: true });
    root.scrollIntoView({ block: "nearest", behavior: "smooth" });
  });

  // ---- Start: a practice range plays at once; otherwise resume where this browser stopped --------------

  markCurrent(start, false);
  markWatched();
  const resumable = root.dataset.resume === "true" || history.state?.courseAddress === true;
  const resumeAt = resumable && !range && store ? store.resumeAt(knownDuration()) : null;
  if (resumeAt !== null) {
    seek(resumeAt);
    const note = api.controls?.querySelector(".resume-note");
    if (note) {
      note.innerHTML = `Resumed at ${clock(resumeAt)} · <button type="button" class="resume-start-over">Start over</button>`;
      note.hidden = false;
      note.querySelector("button").addEventListener("click", () => {
        note.hidden = true;
        store.position(0, knownDuration());
        seek(0);
        history.replaceState(null, "", location.pathname);
      });
    }
  }
  if (range) player.play();
  addEventListener("pagehide", () => { store?.position(player.time(), knownDuration()); store?.flush(); });
})();
