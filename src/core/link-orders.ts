/**
 * Which client each order belongs to: by ID, else by normalised name, else by a phone written in the
 * client or ID cell — fast enough for a million order lines.
 */
import type { Client, Order } from './model';
import { normalisePhone } from './normalise/phone';
import { normaliseText } from './normalise/text';
import { lazily } from './lazily';

/** What `linkOrders` needs of an order. */
export type OrderClientKeys = Pick<Order, 'clientId' | 'client'>;

/** No client (in the maps of `linkOrders`, which hold small integers only). */
const NO_CLIENT = -1;

/**
 * `resolve(text)` remembered per distinct text. Orders repeat the same few thousand client IDs and
 * names a million times; each is folded, looked up, or parsed as a phone once. The memory is an object
 * without a prototype rather than a Map: V8 interns the strings used as property names, and a lookup
 * by interned string is about twice as fast for the strings a CSV parser slices out of one big text.
 */
function cachedLookup(resolve: (text: string) => number): (text: string) => number {
  const known: Record<string, number> = Object.create(null);
  return (text) => {
    let index = known[text];
    if (index === undefined) {
      index = resolve(text);
      known[text] = index;
    }
    return index;
  };
}

/** Key → index of the first client with that key (empty keys left out). */
function firstIndexBy(clients: readonly Client[], keys: (client: Client) => Array<string | null>): Map<string, number> {
  const map = new Map<string, number>();
  for (let index = 0; index < clients.length; index++) {
    for (const key of keys(clients[index])) if (key && !map.has(key)) map.set(key, index);
  }
  return map;
}

/** The clients by each key orders are linked by, each built when first needed. */
interface ClientIndexes {
  byId: () => Map<string, number>;
  byName: () => Map<string, number>;
  byPhone: () => Map<string, number>;
}

/**
 * The indexes of each list of clients orders were linked to, kept while the list lives: linking to the same
 * list again uses them, and a list given as `alike` to `linkOrders` lends them to clients with the same IDs,
 * names and phones. An order recorded in the panel is linked twice, before it is written (to the list read)
 * and in the read after (to a new list, alike), each time alone, and the indexes of 100,000 clients took
 * 0.1 s to build, the order none.
 */
const indexesOfClients = new WeakMap<readonly Client[], ClientIndexes>();

/** Whether two lists of clients give the same indexes: the same ID, name and phone at every place. */
function linkAlike(a: readonly Client[], b: readonly Client[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i].id !== b[i].id || a[i].name !== b[i].name || a[i].phoneNormalised !== b[i].phoneNormalised) return false;
  }
  return true;
}

function indexesOf(clients: readonly Client[], alike: readonly Client[] | undefined): ClientIndexes {
  const own = indexesOfClients.get(clients);
  if (own) return own;
  const lent = alike && indexesOfClients.get(alike);
  const indexes = lent && linkAlike(alike, clients) ? lent : {
    // IDs are keyed as typed and normalised: most orders carry the exact ID, found without folding.
    byId: lazily(() => firstIndexBy(clients, (client) => (client.id ? [client.id, normaliseText(client.id)] : []))),
    byName: lazily(() => firstIndexBy(clients, (client) => [normaliseText(client.name)])),
    byPhone: lazily(() => firstIndexBy(clients, (client) => [client.phoneNormalised])),
  };
  indexesOfClients.set(clients, indexes);
  return indexes;
}

/**
 * Order → client: by ID, else by normalised name, else by a phone written in the client or ID cell.
 * Each index is built when first needed: a 1C file names clients and carries no IDs, so the ID index
 * (two keys per client) is never built for it, and the phone index only when a name is not found.
 * `alike`, clients linked to before, lends its indexes when it has the same IDs, names and phones.
 */
export function linkOrders(clients: readonly Client[], orders: readonly OrderClientKeys[], phoneRegion: string, alike?: readonly Client[]): (number | null)[] {
  const { byId, byName, byPhone } = indexesOf(clients, alike);
  const phoneLink = (text: string) => {
    const phone = /\d/.test(text) ? normalisePhone(text, phoneRegion) : null;
    return phone ? (byPhone().get(phone) ?? NO_CLIENT) : NO_CLIENT;
  };
  const idLink = cachedLookup((id) => (id ? (byId().get(id) ?? byId().get(normaliseText(id)) ?? NO_CLIENT) : NO_CLIENT));
  const nameOrPhoneLink = cachedLookup((name) => byName().get(normaliseText(name)) ?? phoneLink(name));
  const idPhoneLink = cachedLookup(phoneLink);
  const links: (number | null)[] = new Array(orders.length);
  // The lines of one order or invoice come together: a line naming the previous line's client links as it did.
  // (An order with neither an ID nor a name links to no client, so the start is such an order.)
  let previous: OrderClientKeys = { clientId: '', client: '' };
  let previousLink = NO_CLIENT;
  for (let i = 0; i < orders.length; i++) {
    const order = orders[i];
    const { clientId, client } = order;
    let link = previousLink;
    if (clientId !== previous.clientId || client !== previous.client) {
      link = idLink(clientId);
      if (link === NO_CLIENT) link = nameOrPhoneLink(client);
      if (link === NO_CLIENT) link = idPhoneLink(clientId);
    }
    links[i] = link === NO_CLIENT ? null : link;
    previous = order;
    previousLink = link;
  }
  return links;
}
