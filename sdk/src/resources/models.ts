import type { APIPromise } from "../api-promise.js";
import type { Transport } from "../transport.js";
import type { Model, ModelList, RequestOptions } from "../types.js";

/**
 * `client.models`: the served models and what each can make — sizes, frame counts and durations,
 * steps, guidance, the vocabulary a prompt must stay inside, and example prompts.
 */
export class Models {
  constructor(private readonly transport: Transport) {}

  /** Every served model, the default (what a request without `model` gets) first. */
  list(options: RequestOptions = {}): APIPromise<ModelList> {
    return this.transport.request(
      ({ signal, headers }) => this.transport.api.GET("/v1/models", { signal, headers }),
      options,
    );
  }

  /** One model; `NotFoundError` (its message names the served ids) when there is none. */
  get(id: string, options: RequestOptions = {}): APIPromise<Model> {
    return this.transport.request(
      ({ signal, headers }) => this.transport.api.GET("/v1/models/{id}", { params: { path: { id } }, signal, headers }),
      options,
    );
  }
}
