import { css, customElement, html, nothing, state } from "@umbraco-cms/backoffice/external/lit";
import { UmbLitElement } from "@umbraco-cms/backoffice/lit-element";
import { CourseApi, type ModerationPage } from "./course-api.js";

/** The comment moderation dashboard (Content section): the queue by state, approve, reject or delete. */
@customElement("course-comment-moderation")
export class CourseCommentModerationElement extends UmbLitElement {
  @state() private state = "pending";
  @state() private page = 1;
  @state() private queue?: ModerationPage;
  @state() private failure?: string;

  #api = new CourseApi(this);

  override connectedCallback() {
    super.connectedCallback();
    this.#load();
  }

  async #load() {
    try {
      this.queue = await this.#api.moderationQueue(this.state, this.page);
      this.failure = undefined;
    } catch (error) {
      this.failure = (error as Error).message;
    }
  }

  async #moderate(id: string, action: "approve" | "reject" | "delete") {
    try {
      await this.#api.moderate(id, action);
    } catch (error) {
      this.failure = (error as Error).message;
    }
    await this.#load();
  }

  #show(state: string) {
    this.state = state;
    this.page = 1;
    this.#load();
  }

  override render() {
    const queue = this.queue;
    const pages = queue ? Math.max(1, Math.ceil(queue.total / queue.pageSize)) : 1;
    return html`
      <h2>Comments</h2>
      <div role="tablist">
        ${["pending", "approved", "rejected"].map((s) => html`
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
          <button ?disabled=${this.page <= 1} @click=${() => { this.page--; this.#load(); }}>Previous</button>
          Page ${this.page} of ${pages}
          <button ?disabled=${this.page >= pages} @click=${() => { this.page++; this.#load(); }}>Next</button>
        </nav>` : nothing}
    `;
  }

  static override styles = css`
    :host { display: block; padding: var(--uui-size-layout-1, 24px); }
    .queue { list-style: none; padding: 0; display: grid; gap: 12px; }
    .queue li { border: 1px solid var(--uui-color-border, #d8d7d9); padding: 12px; border-radius: 4px; }
    .body { white-space: pre-wrap; }
    [aria-selected="true"] { font-weight: bold; }
    .failure { color: var(--uui-color-danger, #d42054); }
  `;
}

export default CourseCommentModerationElement;

declare global {
  interface HTMLElementTagNameMap { "course-comment-moderation": CourseCommentModerationElement; }
}
