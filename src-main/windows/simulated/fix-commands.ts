// Simulated fix commands (wusa, DISM, certutil -addstore, sc start, restarts…): owned by the fixes area.
import type { SimulatedCommandHandler } from './dispatcher.js';

export const fixCommandHandlers: SimulatedCommandHandler[] = [];
