// Backoffice: the pictures of a video file, made in the editor's browser when the video form is saved —
// a poster and a frame at each chapter's start, drawn from a <video> onto a canvas as JPEG and sent with
// the form (field "Pictures"). The server keeps them beside the file; it never needs a video tool itself.
// Without script, or for YouTube and Vimeo sources, the form is saved without pictures.
(() => {
  "use strict";
  const form = document.getElementById("video-form");
  const upload = form?.querySelector("input[type=file][name=Upload]");
  const source = form?.querySelector("input[name='Form.Source']");
  const pictures = form?.querySelector("input[type=file][name=Pictures]");
  if (!form || !upload || !source || !pictures) return;

  const width = 480;
  const chapterStarts = () =>
    [...new Set([...document.querySelectorAll("#chapter-preview .preview-chapters li[data-start]")].map((li) => Number(li.dataset.start)))];

  const once = (target, event) => new Promise((resolve, reject) => {
    target.addEventListener(event, resolve, { once: true });
    target.addEventListener("error", () => reject(new Error(`the video could not be read (${event})`)), { once: true });
  });

  async function frames(address, starts) {
    const video = document.createElement("video");
    video.muted = true;
    video.preload = "auto";
    video.src = address;
    await once(video, "loadeddata");
    const canvas = document.createElement("canvas");
    canvas.width = Math.min(width, video.videoWidth || width);
    canvas.height = Math.round((canvas.width * (video.videoHeight || 9)) / (video.videoWidth || 16));
    const context = canvas.getContext("2d");
    const files = [];
    const still = async (seconds, name) => {
      // Half a second in: the chapter's own picture rather than the previous one's last frame.
      video.currentTime = Math.max(0, Math.min(seconds + 0.5, video.duration - 0.1));
      await once(video, "seeked");
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.75));
      if (blob) files.push(new File([blob], name, { type: "image/jpeg" }));
    };
    await still(0, "poster.jpg");
    for (const start of starts) await still(start, `chapter-${start}.jpg`);
    video.removeAttribute("src");
    video.load();
    return files;
  }

  let sending = false;
  form.addEventListener("submit", async (event) => {
    if (sending) return;
    const file = upload.files?.[0];
    const address = file ? URL.createObjectURL(file) : source.value.startsWith("/media/") ? source.value : null;
    if (!address) return;
    event.preventDefault();
    const button = event.submitter;
    if (button) button.disabled = true;
    try {
      // A slow or unreadable video never blocks saving: after 30 s the form goes without pictures.
      const made = await Promise.race([frames(address, chapterStarts()), new Promise((resolve) => setTimeout(() => resolve([]), 30_000))]);
      const transfer = new DataTransfer();
      made.forEach((picture) => transfer.items.add(picture));
      pictures.files = transfer.files;
    } catch {
      pictures.value = "";
    } finally {
      if (file) URL.revokeObjectURL(address);
      if (button) button.disabled = false;
      sending = true;
      form.requestSubmit(button ?? undefined);
    }
  });
})();
