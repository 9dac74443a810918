/**
 * A style sheet imported for its effect (`import './styles.css'`): Vite puts it on the page; it exports nothing
 * the code reads. Declared so the typecheck can tell such an import from one whose file is missing.
 */
declare module '*.css';
