import { GraphQLError } from 'graphql';

/**
 * A push-fed async iterator for one subscription: the hub pushes, graphql-ws pulls. Unlike an async
 * generator, `return()` (the client's `complete`, or a closed socket) ends it at once even while a
 * `next()` waits, and runs `onClose`. Holding more than `maxBuffered` undelivered items (a client that
 * does not read) fails it with SUBSCRIPTION_OVERFLOW instead of growing without bound.
 */
export class EventStream<T> implements AsyncIterableIterator<T> {
  private readonly buffer: T[] = [];
  private waiting: { resolve: (r: IteratorResult<T>) => void; reject: (e: unknown) => void } | null = null;
  private error: unknown = null;
  private closed = false;
  private drainWaiters: (() => void)[] = [];
  onClose: () => void = () => undefined;
  /** Runs with each item as it is handed to the subscriber, just before it is resolved. */
  onDeliver: (item: T) => void = () => undefined;

  constructor(private readonly maxBuffered: number) {}

  /** Hands an item to the subscriber (dropped once the stream has ended). */
  push(item: T): void {
    if (this.closed || this.error) return;
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = null;
      this.onDeliver(item);
      resolve({ value: item, done: false });
      return;
    }
    this.buffer.push(item);
    if (this.buffer.length > this.maxBuffered) {
      this.fail(new GraphQLError(`The subscriber fell more than ${this.maxBuffered} events behind; subscribe again with resumeAfter set to the last eventId received.`, { extensions: { code: 'SUBSCRIPTION_OVERFLOW', max: this.maxBuffered } }));
    }
  }

  /** Ends the stream with an error, delivered after what is already buffered is dropped. */
  fail(error: unknown): void {
    if (this.closed || this.error) return;
    this.error = error;
    this.buffer.length = 0;
    this.release();
    if (this.waiting) {
      const { reject } = this.waiting;
      this.waiting = null;
      reject(error);
    }
    this.notifyClose();
  }

  private notified = false;

  private notifyClose(): void {
    if (this.notified) return;
    this.notified = true;
    this.onClose();
  }

  /** Resolves once at most half of `maxBuffered` items wait (a replay pauses on it). */
  drained(): Promise<void> {
    if (this.buffer.length <= this.maxBuffered / 2 || this.closed || this.error) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  /** Whether the stream has ended (returned or failed). */
  get ended(): boolean {
    return this.closed || this.error !== null;
  }

  private release(): void {
    for (const resolve of this.drainWaiters.splice(0)) resolve();
  }

  next(): Promise<IteratorResult<T>> {
    if (this.buffer.length) {
      const value = this.buffer.shift()!;
      if (this.buffer.length <= this.maxBuffered / 2) this.release();
      this.onDeliver(value);
      return Promise.resolve({ value, done: false });
    }
    if (this.error) {
      const error = this.error;
      this.error = null;
      this.closed = true;
      return Promise.reject(error);
    }
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  return(): Promise<IteratorResult<T>> {
    if (!this.closed) {
      this.closed = true;
      this.buffer.length = 0;
      this.release();
      this.waiting?.resolve({ value: undefined, done: true });
      this.waiting = null;
      this.notifyClose();
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error: unknown): Promise<IteratorResult<T>> {
    void this.return();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
