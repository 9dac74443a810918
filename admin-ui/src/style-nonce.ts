/**
 * The page's Content-Security-Policy allows no inline style but one carrying the nonce the server
 * gave this page (in its `csp-nonce` meta element). antd and the rc-components it is built on write
 * their styles into `<style>` elements at run time, and some (the scroll locker of every modal and
 * drawer, the scrollbar measure of tables) offer no way to pass a nonce; so every `<style>` element
 * this page's own scripts create gets it. Markup injected from elsewhere still gets none.
 * Imported first, before anything that writes a style.
 */
const nonce = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce;

if (nonce) {
  const createElement = document.createElement;
  document.createElement = function (this: Document, tagName: string, options?: ElementCreationOptions) {
    const element = createElement.call(this, tagName, options);
    if (element instanceof HTMLStyleElement) element.nonce = nonce;
    return element;
  } as typeof document.createElement;
}

export {};
