/** Entry point: render the app, load terrains, start autosave flushing and the service worker. */
import { render } from 'preact';
import { App, preloadViews } from './app/App';
import { startServiceWorker } from './app/pwa';
import { startRouter } from './app/router';
import { loadTerrains, requestPersistentStorage, startAutosaveFlush } from './state/terrainStore';
import { startExchangeTracking } from './state/exchange';
import { startTabSync } from './state/tabSync';
import './styles.css';

startRouter();
startAutosaveFlush();
startTabSync();
startExchangeTracking();
render(<App />, document.getElementById('app')!);
void loadTerrains().then(() => requestPersistentStorage());
preloadViews();
if (import.meta.env.PROD) startServiceWorker();
