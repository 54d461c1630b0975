import type { WithResponse } from "./api-promise.js";

/** One page of a cursor-paginated list. */
export interface Page<T> {
  data: T[];
  has_more: boolean;
  next_cursor: string | null;
}

/**
 * The result of a list call: `await` it for the first page, or `for await` over it for every item
 * across pages (the next page is fetched only when the loop gets there). `withResponse()` gives the
 * first page with its HTTP response.
 */
export class PagePromise<T, P extends Page<T> = Page<T>> implements PromiseLike<P>, AsyncIterable<T> {
  private first: Promise<WithResponse<P>> | undefined;

  constructor(
    private readonly fetchPage: (cursor: string | undefined) => Promise<WithResponse<P>>,
    private readonly cursor?: string,
  ) {}

  // biome-ignore lint/suspicious/noThenProperty: a PagePromise is awaitable on purpose
  then<A = P, B = never>(
    onFulfilled?: ((page: P) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.firstPage().then(onFulfilled, onRejected);
  }

  /** The first page (fetched once, however often it is awaited). */
  firstPage(): Promise<P> {
    return this.withResponse().then(({ data }) => data);
  }

  /** The first page and the response it came in (headers such as `RateLimit-Remaining`). */
  withResponse(): Promise<WithResponse<P>> {
    this.first ??= this.fetchPage(this.cursor);
    return this.first;
  }

  /** Every page, in order, starting with the first. */
  async *pages(): AsyncGenerator<P> {
    let page = await this.firstPage();
    yield page;
    while (page.has_more && page.next_cursor) {
      page = (await this.fetchPage(page.next_cursor)).data;
      yield page;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for await (const page of this.pages()) yield* page.data;
  }
}
