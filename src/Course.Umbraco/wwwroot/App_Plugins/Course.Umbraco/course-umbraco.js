import { css, customElement, html, nothing, property, state } from "@umbraco-cms/backoffice/external/lit";
import { UmbLitElement } from "@umbraco-cms/backoffice/lit-element";
import { UmbChangeEvent } from "@umbraco-cms/backoffice/event";
import { UMB_AUTH_CONTEXT } from "@umbraco-cms/backoffice/auth";
import { UmbContextConsumerController } from "@umbraco-cms/backoffice/context-api";
// src/course-api.ts
/**
* Calls the package's endpoints on the Umbraco site with the signed-in backoffice user's token, as Umbraco's
* own Management API clients do.
*/
var CourseApi = class {
	#auth;
	constructor(host) {
		new UmbContextConsumerController(host, UMB_AUTH_CONTEXT, (auth) => {
			this.#auth = auth;
		});
	}
	previewChapters(description, signal) {
		return this.#send("POST", "/umbraco/course/api/chapters/preview", { description }, signal);
	}
	moderationQueue(state, page) {
		return this.#send("GET", `/umbraco/course/api/comments?state=${encodeURIComponent(state)}&page=${page}`);
	}
	moderate(id, action) {
		return action === "delete" ? this.#send("DELETE", `/umbraco/course/api/comments/${id}`) : this.#send("POST", `/umbraco/course/api/comments/${id}/${action}`);
	}
	async #send(method, path, body, signal) {
		const token = await this.#auth?.getLatestToken();
		const response = await fetch((this.#auth?.getServerUrl() ?? "") + path, {
			method,
			signal,
			headers: {
				Authorization: `Bearer ${token}`,
				...body === void 0 ? {} : { "Content-Type": "application/json" }
			},
			body: body === void 0 ? void 0 : JSON.stringify(body)
		});
		if (!response.ok) {
			const problem = await response.json().catch(() => ({}));
			throw new Error(problem.detail ?? problem.title ?? `${response.status} ${response.statusText}`);
		}
		return response.status === 204 ? void 0 : response.json();
	}
};
// \0@oxc-project+runtime@0.156.0/helpers/esm/decorate.js
function __decorate(decorators, target, key, desc) {
	var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
	if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
	else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
	return c > 3 && r && Object.defineProperty(target, key, r), r;
}
// src/chapters-property-editor.element.ts
var CourseChaptersPropertyEditorElement = class CourseChaptersPropertyEditorElement extends UmbLitElement {
	constructor(..._args) {
		super(..._args);
		this.value = "";
		this.readonly = false;
		this.#api = new CourseApi(this);
	}
	#api;
	#pending;
	#timer;
	connectedCallback() {
		super.connectedCallback();
		this.#schedulePreview(0);
	}
	#onInput(event) {
		this.value = event.target.value;
		this.dispatchEvent(new UmbChangeEvent());
		this.#schedulePreview(300);
	}
	#schedulePreview(delay) {
		clearTimeout(this.#timer);
		this.#timer = window.setTimeout(async () => {
			this.#pending?.abort();
			const request = this.#pending = new AbortController();
			try {
				this.preview = await this.#api.previewChapters(this.value ?? "", request.signal);
				this.failure = void 0;
			} catch (error) {
				if (!request.signal.aborted) this.failure = error.message;
			}
		}, delay);
	}
	render() {
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
	#renderPreview(preview) {
		return html`
      ${preview.problems.length > 0 ? html`<ul class="problems" aria-label="Problems">
            ${preview.problems.map((p) => html`<li class=${p.severity}><strong>Line ${p.line}</strong> ${p.message}<code>${p.lineText}</code></li>`)}
          </ul>` : nothing}
      <ol class="chapters" aria-label="Chapters">
        ${preview.chapters.map((c) => html`<li><time>${c.time}</time> ${c.title}</li>`)}
      </ol>
    `;
	}
	static {
		this.styles = css`
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
};
__decorate([property({ type: String })], CourseChaptersPropertyEditorElement.prototype, "value", void 0);
__decorate([property({
	type: Boolean,
	reflect: true
})], CourseChaptersPropertyEditorElement.prototype, "readonly", void 0);
__decorate([state()], CourseChaptersPropertyEditorElement.prototype, "preview", void 0);
__decorate([state()], CourseChaptersPropertyEditorElement.prototype, "failure", void 0);
CourseChaptersPropertyEditorElement = __decorate([customElement("course-chapters-property-editor")], CourseChaptersPropertyEditorElement);
// src/comment-moderation-dashboard.element.ts
var CourseCommentModerationElement = class CourseCommentModerationElement extends UmbLitElement {
	constructor(..._args) {
		super(..._args);
		this.state = "pending";
		this.page = 1;
		this.#api = new CourseApi(this);
	}
	#api;
	connectedCallback() {
		super.connectedCallback();
		this.#load();
	}
	async #load() {
		try {
			this.queue = await this.#api.moderationQueue(this.state, this.page);
			this.failure = void 0;
		} catch (error) {
			this.failure = error.message;
		}
	}
	async #moderate(id, action) {
		try {
			await this.#api.moderate(id, action);
		} catch (error) {
			this.failure = error.message;
		}
		await this.#load();
	}
	#show(state) {
		this.state = state;
		this.page = 1;
		this.#load();
	}
	render() {
		const queue = this.queue;
		const pages = queue ? Math.max(1, Math.ceil(queue.total / queue.pageSize)) : 1;
		return html`
      <h2>Comments</h2>
      <div role="tablist">
        ${[
			"pending",
			"approved",
			"rejected"
		].map((s) => html`
          <button role="tab" aria-selected=${s === this.state} @click=${() => this.#show(s)}>${s}</button>`)}
      </div>
      ${this.failure ? html`<p class="failure" role="alert">${this.failure}</p>` : nothing}
      ${queue && queue.items.length === 0 ? html`<p>No ${this.state} comments.</p>` : nothing}
      <ul class="queue">
        ${queue?.items.map((c) => html`
          <li>
            <p><strong>${c.author}</strong> on ${c.videoTitle ?? "an unpublished video"}${c.at !== null ? html` at ${c.at} s` : nothing}</p>
            <p class="body">${c.body}</p>
            ${c.state !== "approved" ? html`<button @click=${() => this.#moderate(c.id, "approve")}>Approve</button>` : nothing}
            ${c.state !== "rejected" ? html`<button @click=${() => this.#moderate(c.id, "reject")}>Reject</button>` : nothing}
            <button @click=${() => this.#moderate(c.id, "delete")}>Delete</button>
          </li>`)}
      </ul>
      ${pages > 1 ? html`
        <nav aria-label="Pages">
          <button ?disabled=${this.page <= 1} @click=${() => {
			this.page--;
			this.#load();
		}}>Previous</button>
          Page ${this.page} of ${pages}
          <button ?disabled=${this.page >= pages} @click=${() => {
			this.page++;
			this.#load();
		}}>Next</button>
        </nav>` : nothing}
    `;
	}
	static {
		this.styles = css`
    :host { display: block; padding: var(--uui-size-layout-1, 24px); }
    .queue { list-style: none; padding: 0; display: grid; gap: 12px; }
    .queue li { border: 1px solid var(--uui-color-border, #d8d7d9); padding: 12px; border-radius: 4px; }
    .body { white-space: pre-wrap; }
    [aria-selected="true"] { font-weight: bold; }
    .failure { color: var(--uui-color-danger, #d42054); }
  `;
	}
};
__decorate([state()], CourseCommentModerationElement.prototype, "state", void 0);
__decorate([state()], CourseCommentModerationElement.prototype, "page", void 0);
__decorate([state()], CourseCommentModerationElement.prototype, "queue", void 0);
__decorate([state()], CourseCommentModerationElement.prototype, "failure", void 0);
CourseCommentModerationElement = __decorate([customElement("course-comment-moderation")], CourseCommentModerationElement);
export { CourseChaptersPropertyEditorElement, CourseCommentModerationElement };
