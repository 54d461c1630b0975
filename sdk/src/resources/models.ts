import type { Transport } from "../transport.js";
import type { Model, ModelList, RequestOptions } from "../types.js";

/**
 * `client.models`: the served models and what each can make — sizes, frame counts and durations,
 * steps, guidance, the vocabulary a prompt must stay inside, and example prompts.
 */
export class Models {
  constructor(private readonly transport: Transport) {}

  /** Every served model, the default (what a request without `model` gets) first. */
  async list(options: RequestOptions = {}): Promise<ModelList> {
    const { data } = await this.transport.call(
      ({ signal, headers }) => this.transport.api.GET("/v1/models", { signal, headers }),
      options,
    );
    return data;
  }

  /** One model; `NotFoundError` (its message names the served ids) when there is none. */
  async get(id: string, options: RequestOptions = {}): Promise<Model> {
    const { data } = await this.transport.call(
      ({ signal, headers }) => this.transport.api.GET("/v1/models/{id}", { params: { path: { id } }, signal, headers }),
      options,
    );
    return data;
  }
}
