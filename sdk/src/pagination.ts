/** One page of a cursor-paginated list. */
export interface Page<T> {
  data: T[];
  has_more: boolean;
  next_cursor: string | null;
}

/**
 * The result of a list call: `await` it for the first page, or `for await` over it for every item
 * across pages (the next page is fetched only when the loop gets there).
 */
export class PagePromise<T, P extends Page<T> = Page<T>> implements PromiseLike<P>, AsyncIterable<T> {
  private first: Promise<P> | undefined;

  constructor(
    private readonly fetchPage: (cursor: string | undefined) => Promise<P>,
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
    this.first ??= this.fetchPage(this.cursor);
    return this.first;
  }

  /** Every page, in order, starting with the first. */
  async *pages(): AsyncGenerator<P> {
    let page = await this.firstPage();
    yield page;
    while (page.has_more && page.next_cursor) {
      page = await this.fetchPage(page.next_cursor);
      yield page;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for await (const page of this.pages()) yield* page.data;
  }
}
