/**
 * Phones as Russian small firms type them: `8 (912) 345-67-89`, `+7 912 345 67 89`, `9123456789`,
 * `тел. 8-912-345-67-89 доб. 12`. The canonical form is E.164 (`+79123456789`).
 */
import { getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/** A Russian trunk prefix 8 before a ten-digit national number stands for +7. */
function russianTrunkToInternational(digits: string): string | null {
  if (digits.length === 11 && digits.startsWith('8')) return `+7${digits.slice(1)}`;
  return null;
}

/** Cut an extension (`доб. 12`, `вн. 12`, `ext 12`, `#12`) off the end; it is not part of the number. */
export function withoutExtension(text: string): string {
  return text.replace(/\s*(?:доб\.?|добавочный|вн\.?|ext\.?|extension|x|#)\s*\d{1,6}\s*$/i, '');
}

/** Characters a phone may be typed with besides its digits. */
const PHONE_PUNCTUATION = /^[\d\s()+\-.]+$/;

/**
 * Russian mobile numbers (+7 9xx, every one of them valid) are most of a base: they are recognised
 * from their digits alone, which is some hundred times faster than a full parse.
 */
function russianMobile(text: string, digits: string): string | null {
  if (!PHONE_PUNCTUATION.test(text)) return null;
  if (digits.length === 10 && digits[0] === '9' && !text.startsWith('+')) return `+7${digits}`;
  if (digits.length === 11 && digits[1] === '9' && (digits[0] === '7' || (digits[0] === '8' && !text.startsWith('+')))) return `+7${digits.slice(1)}`;
  return null;
}

/**
 * E.164 form of a phone, or null when the text holds no valid number.
 * `region` (ISO 3166 alpha-2) applies to numbers written without a country code.
 */
export function normalisePhone(raw: unknown, region = 'RU'): string | null {
  if (raw === null || raw === undefined) return null;
  const text = withoutExtension(String(raw).trim());
  if (!text) return null;
  const digits = text.replace(/\D/g, '');
  if (digits.length < 5 || digits.length > 15) return null;
  const country = region.toUpperCase() as CountryCode;
  if (country === 'RU') {
    const mobile = russianMobile(text.trim(), digits);
    if (mobile) return mobile;
  }
  const candidates: string[] = [];
  if (text.trim().startsWith('+')) candidates.push(`+${digits}`);
  if (country === 'RU') {
    const trunk = russianTrunkToInternational(digits);
    if (trunk) candidates.push(trunk);
    if (digits.length === 11 && digits.startsWith('7')) candidates.push(`+${digits}`);
  }
  candidates.push(text);
  for (const candidate of candidates) {
    const parsed = parsePhoneNumberFromString(candidate, country);
    if (parsed && parsed.isValid()) return parsed.number;
  }
  return null;
}

/** Digits of a phone for loose matching (search, typo checks): `+7 (912) 345` → `7912345`. */
export function phoneDigits(raw: unknown): string {
  return raw === null || raw === undefined ? '' : String(raw).replace(/\D/g, '');
}

const prefixes = new Map<string, string>();

/** `+7` for RU: how E.164 numbers of the region begin; '' for a region libphonenumber does not know. */
export function callingCodePrefix(region: string): string {
  let prefix = prefixes.get(region);
  if (prefix === undefined) {
    try {
      prefix = `+${getCountryCallingCode(region.toUpperCase() as CountryCode)}`;
    } catch {
      prefix = '';
    }
    prefixes.set(region, prefix);
  }
  return prefix;
}

/**
 * The national significant number of an E.164 number (`+375291234567` → `291234567`): how the number is
 * written at home without its trunk prefix.
 */
export function nationalNumber(e164: string): string | null {
  return parsePhoneNumberFromString(e164)?.nationalNumber ?? null;
}
