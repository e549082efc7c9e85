import { css, customElement, html, nothing, property, state } from "@umbraco-cms/backoffice/external/lit";
import { UmbLitElement } from "@umbraco-cms/backoffice/lit-element";
import { UmbChangeEvent } from "@umbraco-cms/backoffice/event";
import type { UmbPropertyEditorUiElement } from "@umbraco-cms/backoffice/property-editor";
import { CourseApi, type ChapterPreview } from "./course-api.js";

/**
 * The Course chapters property editor: the description as typed, and beside it the chapters it gives with every
 * problem at its line. The rules are not copied here: the package's endpoint runs Course.Core's parser.
 */
@customElement("course-chapters-property-editor")
export class CourseChaptersPropertyEditorElement extends UmbLitElement implements UmbPropertyEditorUiElement {
  @property({ type: String }) value = "";
  @property({ type: Boolean, reflect: true }) readonly = false;
  @state() private preview?: ChapterPreview;
  @state() private failure?: string;

  #api = new CourseApi(this);
  #pending?: AbortController;
  #timer?: number;

  override connectedCallback() {
    super.connectedCallback();
    this.#schedulePreview(0);
  }

  #onInput(event: InputEvent) {
    this.value = (event.target as HTMLTextAreaElement).value;
    this.dispatchEvent(new UmbChangeEvent());
    this.#schedulePreview(300);
  }

  // While the editor types, ask once they pause; an older answer never replaces a newer one.
  #schedulePreview(delay: number) {
    clearTimeout(this.#timer);
    this.#timer = window.setTimeout(async () => {
      this.#pending?.abort();
      const request = (this.#pending = new AbortController());
      try {
        this.preview = await this.#api.previewChapters(this.value ?? "", request.signal);
        this.failure = undefined;
      } catch (error) {
        if (!request.signal.aborted) this.failure = (error as Error).message;
      }
    }, delay);
  }

  override render() {
    return html`
      <textarea
        .value=${this.value ?? ""}
        ?readonly=${this.readonly}
        rows="14"
        aria-label="Description with a table of contents"
        @input=${this.#onInput}></textarea>
      ${this.failure ? html`<p class="failure" role="alert">The chapters could not be checked: ${this.failure}</p>` : nothing}
      ${this.preview ? this.#renderPreview(this.preview) : nothing}
    `;
  }

  #renderPreview(preview: ChapterPreview) {
    return html`
      ${preview.problems.length > 0
        ? html`<ul class="problems" aria-label="Problems">
            ${preview.problems.map((p) => html`<li class=${p.severity}><strong>Line ${p.line}</strong> ${p.message}<code>${p.lineText}</code></li>`)}
          </ul>`
        : nothing}
      <ol class="chapters" aria-label="Chapters">
        ${preview.chapters.map((c) => html`<li><time>${c.time}</time> ${c.title}</li>`)}
      </ol>
    `;
  }

  static override styles = css`
    :host { display: grid; gap: var(--uui-size-space-3, 9px); }
    textarea { width: 100%; box-sizing: border-box; font: inherit; }
    .problems { margin: 0; padding-left: 1.2em; }
    .problems .error { color: var(--uui-color-danger, #d42054); }
    .problems .warning { color: var(--uui-color-warning-emphasis, #8a6d00); }
    .problems code { display: block; white-space: pre-wrap; color: var(--uui-color-text-alt, #515054); }
    .chapters time { font-variant-numeric: tabular-nums; margin-right: 0.5em; }
    .failure { color: var(--uui-color-danger, #d42054); }
  `;
}

export default CourseChaptersPropertyEditorElement;

declare global {
  interface HTMLElementTagNameMap { "course-chapters-property-editor": CourseChaptersPropertyEditorElement; }
}
