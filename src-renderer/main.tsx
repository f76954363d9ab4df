// Renderer entry: connect the bridge (Electron preload or the preview's HTTP bridge), create the
// actions, render the wizard, then ask the main process what it is looking at.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { createActions } from './app/actions.js';
import { ActionsContext } from './app/context.js';
import { connectBridge } from './bridge/index.js';
import './styles/app.css';

const actions = createActions(connectBridge());
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <ActionsContext.Provider value={actions}>
      <App />
    </ActionsContext.Provider>
  </StrictMode>,
);
void actions.boot();
