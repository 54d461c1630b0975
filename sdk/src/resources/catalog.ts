import type { APIPromise } from "../api-promise.js";
import type { Transport } from "../transport.js";
import type { LintRequest, LintResult, RequestOptions, Template, TemplateList, Usage } from "../types.js";

/** `client.templates`: versioned prompt templates with typed variables. */
export class Templates {
  constructor(private readonly transport: Transport) {}

  /** Every template, latest versions. */
  list(options: RequestOptions = {}): APIPromise<TemplateList> {
    return this.transport.request(
      ({ signal, headers }) => this.transport.api.GET("/v1/templates", { signal, headers }),
      options,
    );
  }

  get(id: string, options: RequestOptions = {}): APIPromise<Template> {
    return this.transport.request(
      ({ signal, headers }) =>
        this.transport.api.GET("/v1/templates/{id}", { params: { path: { id } }, signal, headers }),
      options,
    );
  }
}

/** `client.prompts`: prompt lint (vague spatial words, unknown vocabulary, too many subjects). */
export class Prompts {
  constructor(private readonly transport: Transport) {}

  lint(body: LintRequest, options: RequestOptions = {}): APIPromise<LintResult> {
    return this.transport.request(
      ({ signal, headers }) => this.transport.api.POST("/v1/prompts/lint", { body, signal, headers }),
      options,
    );
  }
}

/** `client.usage`: the calling key's limits, today's usage and the queue depth. */
export class UsageResource {
  constructor(private readonly transport: Transport) {}

  get(options: RequestOptions = {}): APIPromise<Usage> {
    return this.transport.request(
      ({ signal, headers }) => this.transport.api.GET("/v1/usage", { signal, headers }),
      options,
    );
  }
}
