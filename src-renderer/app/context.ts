// React access to the wizard's actions and slices (the actions are created once, at start-up).
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { SliceStore } from '../state/store.js';
import type { WizardActions } from './actions.js';

export const ActionsContext = createContext<WizardActions | null>(null);

export function useActions(): WizardActions {
  const actions = useContext(ActionsContext);
  if (!actions) throw new Error('useActions outside <ActionsContext.Provider>');
  return actions;
}

export function useSlice<S extends object, T>(store: SliceStore<S>, select: (state: S) => T): T {
  return useStore(store, select);
}
