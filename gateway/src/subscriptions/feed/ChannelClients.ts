import type { SubscriptionEvent } from '../SubscriptionField';
import type { FeedClient, FeedRoute } from './EventFeed';

type RouteOf = FeedRoute['of'];

/**
 * The clients of one channel, each filed under its route's key, so that an event goes to the
 * clients of its key and to those that hear everything, not past every client of the subject.
 */
export class ChannelClients {
  private readonly everyEvent = new Set<FeedClient>();
  private readonly routed = new Map<RouteOf, Map<unknown, Set<FeedClient>>>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(client: FeedClient): void {
    const group = this.groupOf(client, true)!;
    if (group.has(client)) return;
    group.add(client);
    this.count += 1;
  }

  /** False when the client was not there. */
  delete(client: FeedClient): boolean {
    const group = this.groupOf(client, false);
    if (!group?.delete(client)) return false;
    this.count -= 1;
    if (group.size === 0 && group !== this.everyEvent) {
      const { of, key } = client.route!;
      const byKey = this.routed.get(of)!;
      byKey.delete(key);
      if (byKey.size === 0) this.routed.delete(of);
    }
    return true;
  }

  /** The clients `event` may concern, each once. */
  *for(event: SubscriptionEvent): Generator<FeedClient> {
    yield* this.everyEvent;
    for (const [of, byKey] of this.routed) {
      const group = byKey.get(of(event));
      if (group) yield* group;
    }
  }

  private groupOf(client: FeedClient, create: boolean): Set<FeedClient> | undefined {
    const route = client.route;
    if (!route || route.key === undefined) return this.everyEvent;
    let byKey = this.routed.get(route.of);
    if (!byKey && create) this.routed.set(route.of, (byKey = new Map()));
    let group = byKey?.get(route.key);
    if (!group && create) byKey!.set(route.key, (group = new Set()));
    return group;
  }
}
