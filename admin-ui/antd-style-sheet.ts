import { createCache, extractStyle, StyleProvider } from '@ant-design/cssinjs';
import { ConfigProvider } from 'antd';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import type { Plugin } from 'vite';
import { workbenchConfig } from './src/theme.ts';
import { firstScreenSpecimens } from './antd-specimens.tsx';

/**
 * The styles antd would build in the browser for the first screens' components, built here instead, with the
 * workbench's theme: the components are rendered once on the server side into a style cache of their own, and
 * the cache is written out as CSS. The sheet ends with antd's record of which styles it holds
 * (`.data-ant-cssinjs-cache-path`), which antd reads in the browser before it builds any style: a style on
 * record is taken as loaded, one that is not is built as before.
 */
function antdStyleSheet(): string {
  const cache = createCache();
  renderToString(createElement(StyleProvider, { cache }, createElement(ConfigProvider, workbenchConfig, firstScreenSpecimens())));
  return extractStyle(cache, { plain: true, types: ['style'] });
}

/** The module a page imports to have the sheet: `import 'virtual:antd-first-screens.css'`, before its own CSS. */
const MODULE_ID = 'virtual:antd-first-screens.css';

/**
 * Serves antdStyleSheet() as a CSS module, built each time vite builds (and once per dev server start): the sheet
 * is never committed, so it cannot drift from the antd release or the theme it was built with.
 */
export function antdFirstScreenStyles(): Plugin {
  return {
    name: 'antd-first-screen-styles',
    resolveId: (source) => (source === MODULE_ID ? `\0${MODULE_ID}` : undefined),
    load: (id) => (id === `\0${MODULE_ID}` ? antdStyleSheet() : undefined),
  };
}
