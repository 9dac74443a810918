import { useEffect, useState } from 'react';
import { api, type Localized } from '../api.ts';

type Catalogue = Record<string, Localized>;

let catalogue: Promise<Catalogue> | null = null;

/** The platform's error catalogue (`GET /error-codes`), fetched once per page load; empty until it arrives. */
export function useErrorMessages(): Catalogue {
  const [messages, setMessages] = useState<Catalogue>({});
  useEffect(() => {
    let current = true;
    catalogue ??= api<Catalogue>('GET', '/error-codes').catch(() => {
      catalogue = null;
      return {};
    });
    void catalogue.then((loaded) => current && setMessages(loaded));
    return () => {
      current = false;
    };
  }, []);
  return messages;
}
