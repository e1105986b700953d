import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadConfig } from './config';
import { t } from './i18n';
import { adoptSession } from './session';
import './styles.css';
import './styles/frame.css';
import './styles/market.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
const root = createRoot(container);
root.render(
  <p className="boot" role="status">
    {t('app.loadingConfig')}
  </p>,
);

// The API's address is read at runtime so the same build serves every stage; meanwhile a new tab takes the session
// from the portal's other open tabs.
void Promise.all([loadConfig(), adoptSession()]).then(([config]) => {
  root.render(
    <StrictMode>
      <App config={config} />
    </StrictMode>,
  );
});
