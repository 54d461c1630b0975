/** A parsed body together with the HTTP response it came from (status, headers such as `RateLimit-*`). */
export interface WithResponse<T> {
  data: T;
  response: Response;
}

/**
 * What every single-request method returns: a Promise of the parsed body that can also give the raw
 * response, as openai-node's `APIPromise` does.
 *
 * ```ts
 * const video = await client.videos.get(id);
 * const { data, response } = await client.videos.get(id).withResponse();
 * console.log(response.headers.get("ratelimit-remaining"), data.status);
 * ```
 */
export class APIPromise<T> extends Promise<T> {
  private parsed: Promise<T> | undefined;

  constructor(private readonly responsePromise: Promise<WithResponse<T>>) {
    // The base promise is never observed: `then`, `catch` and `finally` read `responsePromise`.
    super((resolve) => resolve(undefined as T));
  }

  // Derived promises (`.then(...)`) are plain Promises, not APIPromises without a response.
  static override get [Symbol.species]() {
    return Promise;
  }

  /** The parsed body and the `Response` (its body already read; headers and status intact). */
  withResponse(): Promise<WithResponse<T>> {
    return this.responsePromise;
  }

  /** The `Response` alone. */
  asResponse(): Promise<Response> {
    return this.responsePromise.then(({ response }) => response);
  }

  // The rejection handlers take `any`, exactly as `Promise`'s own do, so callers' code types the same.
  // biome-ignore lint/suspicious/noThenProperty: an APIPromise is a Promise on purpose
  override then<A = T, B = never>(
    onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    // biome-ignore lint/suspicious/noExplicitAny: Promise's own signature
    onRejected?: ((reason: any) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.parse().then(onFulfilled, onRejected);
  }

  // biome-ignore lint/suspicious/noExplicitAny: Promise's own signature
  override catch<B = never>(onRejected?: ((reason: any) => B | PromiseLike<B>) | null): Promise<T | B> {
    return this.parse().catch(onRejected);
  }

  override finally(onFinally?: (() => void) | null): Promise<T> {
    return this.parse().finally(onFinally);
  }

  private parse(): Promise<T> {
    this.parsed ??= this.responsePromise.then(({ data }) => data);
    return this.parsed;
  }
}
