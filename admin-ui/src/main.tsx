import './style-nonce.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
// antd's styles for the first screens, built ahead with the theme (antd-style-sheet.ts), before the workbench's own.
import 'virtual:antd-first-screens.css';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
