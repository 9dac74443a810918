import { PlatformError } from '../../engine/index.ts';

/**
 * Sends a verification code to a mobile number: the city's SMS gateway in production, given to
 * the public site when the server starts. `showsCodeOnPage` is true only for the demo sender,
 * which sends nothing and lets the page show the code, in demo mode only.
 */
export interface SmsSender {
  readonly showsCodeOnPage: boolean;
  send(mobile: string, code: string): Promise<void>;
}

/** Demo mode's sender: sends nothing; the sign-up page shows the code instead. */
export const demoSmsSender: SmsSender = { showsCodeOnPage: true, send: async () => {} };

/** Production with no gateway configured: no code can be sent, so no one can sign up (fails closed). */
export const missingSmsSender: SmsSender = {
  showsCodeOnPage: false,
  send: async () => {
    throw new PlatformError('SMS_UNAVAILABLE');
  },
};
