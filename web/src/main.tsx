import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { createApolloClient } from './api/createApolloClient';
import { createSocketStatus } from './api/socketStatus';
import { App } from './app/App';
import { AppContext } from './app/AppContext';
import { createSessionStore } from './auth/sessionStore';
import './app/app.css';

const session = createSessionStore();
const socket = createSocketStatus();
const { client, closeSocket } = createApolloClient(session, socket);
// Signing out forgets everything the last person saw.
session.subscribe(() => {
  if (session.getState().status === 'signed-out') {
    closeSocket();
    void client.clearStore();
  }
});
void session.start();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppContext.Provider value={{ session, socket }}>
      <ApolloProvider client={client}>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </ApolloProvider>
    </AppContext.Provider>
  </StrictMode>,
);
