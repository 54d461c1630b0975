import type { Transport } from "../transport.js";
import type { LintRequest, LintResult, RequestOptions, Template, TemplateList, Usage } from "../types.js";

/** `client.templates`: versioned prompt templates with typed variables. */
export class Templates {
  constructor(private readonly transport: Transport) {}

  /** Every template, latest versions. */
  async list(options: RequestOptions = {}): Promise<TemplateList> {
    const { data } = await this.transport.call(
      ({ signal, headers }) => this.transport.api.GET("/v1/templates", { signal, headers }),
      options,
    );
    return data;
  }

  async get(id: string, options: RequestOptions = {}): Promise<Template> {
    const { data } = await this.transport.call(
      ({ signal, headers }) =>
        this.transport.api.GET("/v1/templates/{id}", { params: { path: { id } }, signal, headers }),
      options,
    );
    return data;
  }
}

/** `client.prompts`: prompt lint (vague spatial words, unknown vocabulary, too many subjects). */
export class Prompts {
  constructor(private readonly transport: Transport) {}

  async lint(body: LintRequest, options: RequestOptions = {}): Promise<LintResult> {
    const { data } = await this.transport.call(
      ({ signal, headers }) => this.transport.api.POST("/v1/prompts/lint", { body, signal, headers }),
      options,
    );
    return data;
  }
}

/** `client.usage`: the calling key's limits, today's usage and the queue depth. */
export class UsageResource {
  constructor(private readonly transport: Transport) {}

  async get(options: RequestOptions = {}): Promise<Usage> {
    const { data } = await this.transport.call(
      ({ signal, headers }) => this.transport.api.GET("/v1/usage", { signal, headers }),
      options,
    );
    return data;
  }
}
