/** Entry point: render the app, start the state's listeners, load the terrains' summaries (their status counts brought up to date in the background), start the service worker. */
import { render } from 'preact';
import { App, preloadViews } from './app/App';
import { startServiceWorker } from './app/pwa';
import { exchange, startApp, statusCounts, terrains } from './state';
import './styles.css';

startApp();
render(<App />, document.getElementById('app')!);
void terrains.load().then(() => {
  void statusCounts.schedule();
  return exchange.requestPersistence();
});
preloadViews();
if (import.meta.env.PROD) startServiceWorker();
