import { describe, expect, it } from 'vitest';
import { EventStream } from './event-stream.js';

describe('EventStream', () => {
  it('hands items over in order, to a waiting next() too', async () => {
    const stream = new EventStream<number>(10);
    const waiting = stream.next();
    stream.push(1);
    stream.push(2);
    expect(await waiting).toEqual({ value: 1, done: false });
    expect(await stream.next()).toEqual({ value: 2, done: false });
  });

  it('ends a waiting next() at once on return() and runs onClose once', async () => {
    const stream = new EventStream<number>(10);
    let closed = 0;
    stream.onClose = () => void closed++;
    const waiting = stream.next();
    await stream.return();
    await stream.return();
    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(closed).toBe(1);
    stream.push(3);
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });

  it('fails with SUBSCRIPTION_OVERFLOW once more than maxBuffered items wait, and then ends', async () => {
    const stream = new EventStream<number>(10);
    let closed = 0;
    stream.onClose = () => void closed++;
    for (let i = 0; i < 11; i++) stream.push(i);
    await expect(stream.next()).rejects.toMatchObject({ extensions: { code: 'SUBSCRIPTION_OVERFLOW', max: 10 } });
    expect(await stream.next()).toEqual({ value: undefined, done: true });
    expect(closed).toBe(1);
  });

  it('lets a replay wait until the subscriber has read half of the buffer', async () => {
    const stream = new EventStream<number>(10);
    for (let i = 0; i < 8; i++) stream.push(i);
    let drained = false;
    const wait = stream.drained().then(() => (drained = true));
    await stream.next();
    await stream.next();
    expect(drained).toBe(false);
    await stream.next();
    await wait;
    expect(drained).toBe(true);
  });
});
