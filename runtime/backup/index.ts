export { backup, restore } from './backup.ts';
