/** E-mails: compared trimmed and in lower case; a `mailto:` prefix and surrounding brackets are dropped. */

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]{2,}$/u;

/** The comparable form of an e-mail, or null when the text is empty or not an address. */
export function normaliseEmail(raw: unknown): string | null {
  if (raw === null || raw === undefined) return null;
  const text = String(raw)
    .trim()
    .replace(/^mailto:/i, '')
    .replace(/^<(.*)>$/, '$1')
    .trim()
    .toLowerCase();
  if (!text || !EMAIL.test(text)) return null;
  return text;
}
