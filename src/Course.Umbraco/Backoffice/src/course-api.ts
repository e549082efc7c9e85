import { UMB_AUTH_CONTEXT } from "@umbraco-cms/backoffice/auth";
import type { UmbControllerHost } from "@umbraco-cms/backoffice/controller-api";
import { UmbContextConsumerController } from "@umbraco-cms/backoffice/context-api";

/** The shapes the package's endpoints answer (Course.Core's ChapterPreviewResponse, the moderation page). */
export interface PreviewChapter { index: number; line: number; start: number; end: number | null; time: string; title: string; }
export interface PreviewProblem { line: number; lineText: string; severity: "error" | "warning"; message: string; text: string; }
export interface ChapterPreview { chapters: PreviewChapter[]; problems: PreviewProblem[]; valid: boolean; }
export interface ModeratedComment { id: string; state: string; videoKey: string; videoTitle: string | null; author: string; body: string; at: number | null; created: string; }
export interface ModerationPage { items: ModeratedComment[]; total: number; page: number; pageSize: number; }

/**
 * Calls the package's endpoints on the Umbraco site with the signed-in backoffice user's token, as Umbraco's
 * own Management API clients do.
 */
export class CourseApi {
  #auth?: typeof UMB_AUTH_CONTEXT.TYPE;

  constructor(host: UmbControllerHost) {
    new UmbContextConsumerController(host, UMB_AUTH_CONTEXT, (auth) => { this.#auth = auth; });
  }

  previewChapters(description: string, signal?: AbortSignal): Promise<ChapterPreview> {
    return this.#send("POST", "/umbraco/course/api/chapters/preview", { description }, signal);
  }

  moderationQueue(state: string, page: number): Promise<ModerationPage> {
    return this.#send("GET", `/umbraco/course/api/comments?state=${encodeURIComponent(state)}&page=${page}`);
  }

  moderate(id: string, action: "approve" | "reject" | "delete"): Promise<void> {
    return action === "delete"
      ? this.#send("DELETE", `/umbraco/course/api/comments/${id}`)
      : this.#send("POST", `/umbraco/course/api/comments/${id}/${action}`);
  }

  async #send<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    const token = await this.#auth?.getLatestToken();
    const response = await fetch((this.#auth?.getServerUrl() ?? "") + path, {
      method,
      signal,
      headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      // Problem details name what went wrong; show their title and detail.
      const problem = await response.json().catch(() => ({}));
      throw new Error(problem.detail ?? problem.title ?? `${response.status} ${response.statusText}`);
    }
    return response.status === 204 ? (undefined as T) : response.json();
  }
}
