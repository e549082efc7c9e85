// Course player. One interface - { seek(seconds), onTime(callback) } - with an adapter per kind of
// source (HTML5 <video>, YouTube's IFrame API, Vimeo's postMessage API), and the chapter list that
// drives it. Chapter and time links are real links (?t=SECONDS): this script only makes them jump
// in place instead of reloading the page.
(() => {
  "use strict";
  const root = document.querySelector("[data-player]");
  if (!root) return;

  const start = Number(root.dataset.start) || 0;
  const chapterItems = [...document.querySelectorAll("[data-chapter-start]")];

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
      seek(seconds) {
        pending = seconds;
        apply();
        video.play().catch(() => { /* autoplay refused: the position is still set */ });
      },
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
    whenReady.then(() => setInterval(() => listeners.forEach((cb) => cb(player.getCurrentTime())), 500));
    return {
      seek(seconds) { whenReady.then((p) => { p.seekTo(seconds, true); p.playVideo(); }); },
      onTime(callback) { listeners.push(callback); },
    };
  }

  function vimeoAdapter(iframe) {
    const origin = "https://player.vimeo.com";
    const post = (method, value) => iframe.contentWindow?.postMessage(JSON.stringify({ method, value }), origin);
    const listeners = [];
    window.addEventListener("message", (event) => {
      if (event.origin !== origin) return;
      const data = typeof event.data === "string" ? JSON.parse(event.data) : event.data;
      if (data.event === "ready") post("addEventListener", "timeupdate");
      if (data.event === "timeupdate") listeners.forEach((cb) => cb(data.data.seconds));
    });
    return {
      seek(seconds) { post("setCurrentTime", seconds); post("play"); },
      onTime(callback) { listeners.push(callback); },
    };
  }

  const element = root.querySelector("video, iframe");
  if (!element) return;
  const adapters = { file: html5Adapter, youtube: youTubeAdapter, vimeo: vimeoAdapter };
  const player = adapters[root.dataset.kind]?.(element);
  if (!player) return;
  window.coursePlayer = player;

  // Scrolls only the chapter list (never the page) so the current chapter is in sight.
  function reveal(item) {
    const list = item.closest(".chapters");
    if (!list) return;
    const box = list.getBoundingClientRect();
    const at = item.getBoundingClientRect();
    if (at.top < box.top || at.bottom > box.bottom) list.scrollTop += at.top - box.top - (box.height - at.height) / 2;
  }

  let current = null;
  function markCurrent(seconds, updateAddress) {
    const item = chapterItems.findLast((li) => Number(li.dataset.chapterStart) <= seconds + 0.25) ?? null;
    if (item === current) return;
    current?.classList.remove("current");
    current?.querySelector(".chapter-link")?.removeAttribute("aria-current");
    current = item;
    if (!item) return;
    item.classList.add("current");
    const link = item.querySelector(".chapter-link");
    link.setAttribute("aria-current", "true");
    reveal(item);
    // The address always names the chapter being watched, so copying it shares that moment.
    if (updateAddress) history.replaceState(history.state, "", link.getAttribute("href"));
  }

  // Playback and the player's own controls move the mark and the address too, not only chapter links.
  player.onTime((seconds) => markCurrent(seconds, true));
  markCurrent(start, false);

  document.addEventListener("click", (event) => {
    const link = event.target.closest("a[data-seek]");
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    const seconds = Number(link.dataset.seek);
    history.pushState(null, "", `${location.pathname}?t=${seconds}`);
    markCurrent(seconds, false);
    player.seek(seconds);
    root.scrollIntoView({ block: "nearest", behavior: "smooth" });
  });
})();
