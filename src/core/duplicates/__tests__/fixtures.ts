import { NO_CONSENT } from '../../consent';
import { NO_HISTORY, type Client } from '../../model';
import { asReadByBase } from '../../../bench/labelled-client';

/** A client with the given fields, the rest empty, normalised the way readBase does. */
export function client(fields: Partial<Client>, row = 2): Client {
  const base: Client = {
    row, id: `К-${row}`, name: '', type: '', contact: '', phone: '', phoneNormalised: null, email: '', emailNormalised: null,
    inn: '', city: '', cityNormalised: '', industry: '', source: '', manager: '', status: '', service: '',
    firstContact: null, birthday: null, nextContact: null, channel: '', consent: NO_CONSENT, refusalReason: '', comment: '', history: NO_HISTORY,
  };
  return asReadByBase([{ ...base, ...fields }])[0];
}

/** Clients in rows 2, 3, … */
export function clients(...fields: Array<Partial<Client>>): Client[] {
  return fields.map((f, i) => client(f, i + 2));
}
