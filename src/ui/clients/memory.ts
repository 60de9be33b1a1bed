/** The key under which the panel remembers which client's card is open. */
export const CARD_MEMORY_KEY = 'clients.card';
