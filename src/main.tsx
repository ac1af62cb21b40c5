/** Entry point: render the app, start the state's listeners, load terrains, start the service worker. */
import { render } from 'preact';
import { App, preloadViews } from './app/App';
import { startServiceWorker } from './app/pwa';
import { exchange, startApp, terrains } from './state';
import './styles.css';

startApp();
render(<App />, document.getElementById('app')!);
void terrains.load().then(() => exchange.requestPersistence());
preloadViews();
if (import.meta.env.PROD) startServiceWorker();
