import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { disableGlobalCursorStyles } from 'react-resizable-panels';
import { connectToEngine } from './transport/connect';
import { attachStores, createStores } from './store/stores';
import { AppContext } from './app/app-context';
import { App } from './app/App';
import './styles/theme.css';
import './styles/base.css';

// The panel library would otherwise add a <style> element while dragging, which the CSP
// forbids; the resize cursor comes from base.css instead.
disableGlobalCursorStyles();

const client = connectToEngine();
const stores = createStores(client);
// Lives as long as the page: the stores follow the engine until the window closes.
attachStores(client, stores);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <AppContext value={{ client, stores }}>
      <App />
    </AppContext>
  </StrictMode>,
);
