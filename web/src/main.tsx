import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadConfig } from './config';
import { t } from './i18n';
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

// The API's address is read at runtime so the same build serves every stage.
void loadConfig().then((config) => {
  root.render(
    <StrictMode>
      <App config={config} />
    </StrictMode>,
  );
});
