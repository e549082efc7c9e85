// Backoffice: the live chapter preview of the video form, and confirmations before deleting.
// Without script the page still works: saving shows the same preview, rendered by the server.
(() => {
  "use strict";

  const confirmForms = document.querySelectorAll("form[data-confirm]");
  confirmForms.forEach((form) => form.addEventListener("submit", (event) => {
    if (!window.confirm(form.dataset.confirm)) event.preventDefault();
  }));

  const target = document.getElementById("chapter-preview");
  const description = document.querySelector("[data-preview-description]");
  if (!target || !description) return;
  const duration = document.querySelector("[data-preview-duration]");
  const url = target.dataset.previewUrl;
  const waitMs = 300;
  let timer = 0;
  let latest = 0;

  const element = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  // Mirrors _ChapterPreview.cshtml.
  const render = (preview) => {
    const errors = preview.problems.filter((p) => p.severity === "error").length;
    const summary = element("p", "preview-summary",
      `Chapters: ${preview.chapters.length} · errors: ${errors} · warnings: ${preview.problems.length - errors}`);
    const problems = element("ol", "preview-problems");
    for (const problem of preview.problems) {
      const item = element("li", `problem ${problem.severity}`);
      item.dataset.line = problem.line;
      item.append(element("span", "line-number", `line ${problem.line}`), " ",
        element("code", "line-text", problem.lineText), " ", element("span", "message", problem.message));
      problems.append(item);
    }
    const chapters = element("ol", "preview-chapters");
    for (const chapter of preview.chapters) {
      const item = element("li");
      item.dataset.line = chapter.line;
      item.dataset.start = chapter.start;
      item.append(element("time", "", chapter.time), ` ${chapter.title} `,
        element("span", "meta", chapter.line > 0 ? `line ${chapter.line}` : "implied"));
      chapters.append(item);
    }
    target.replaceChildren(summary, problems, chapters);
  };

  const refresh = async () => {
    const request = ++latest;
    const seconds = Number.parseInt(duration?.value ?? "", 10);
    try {
      const response = await fetch(url, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ description: description.value, duration: Number.isNaN(seconds) ? null : seconds }),
      });
      // An answer to an older keystroke that arrives late is dropped.
      if (!response.ok || request !== latest) return;
      render(await response.json());
    } catch {
      // Offline or signed out: the server's preview on save still tells the editor.
    }
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, waitMs);
  };
  description.addEventListener("input", schedule);
  duration?.addEventListener("input", schedule);
})();
