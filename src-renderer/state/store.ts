// Small helper shared by the slices: a vanilla zustand store holding plain state, updated only
// through pure transition functions, and resettable to its initial state (tests reset between cases).
import { createStore, type StoreApi } from 'zustand/vanilla';

export interface SliceStore<S> extends StoreApi<S> {
  /** Applies a pure transition `(state, ...args) => state`. */
  apply<A extends unknown[]>(transition: (state: S, ...args: A) => S, ...args: A): void;
  reset(): void;
}

export function createSlice<S extends object>(initial: () => S): SliceStore<S> {
  const store = createStore<S>()(() => initial());
  return Object.assign(store, {
    apply<A extends unknown[]>(transition: (state: S, ...args: A) => S, ...args: A): void {
      store.setState(transition(store.getState(), ...args), true);
    },
    reset(): void {
      store.setState(initial(), true);
    },
  });
}
