// The comment form lives in a same-origin frame on the video page: size the frame to the form, so the page
// scrolls (never the frame) and "Post comment" is never cut off, also after an error message grows it.
(() => {
  const frame = window.frameElement;
  if (!frame) return;
  const fit = () => { frame.style.height = `${Math.ceil(document.documentElement.getBoundingClientRect().height)}px`; };
  new ResizeObserver(fit).observe(document.documentElement);
  fit();
})();
