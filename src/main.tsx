/**
 * Entry point: start the state's listeners, read the terrains' summaries (the database opens
 * while the shell renders), render the app (in English once its messages are loaded, when that
 * is the saved language); what the list does not need waits until the list is on screen: the
 * status counts in the background and the persistence request after the first frame; the service
 * worker (its precache) and the other views and language `SETTLE_MS` after that (at the latest
 * `LATER_MS` after start, should the database not answer), so a phone's first taps do not queue
 * behind compiling and caching what they do not need yet.
 */
import { render } from 'preact';
import { App, preloadViews } from './app/App';
import { startServiceWorker } from './app/pwa';
import { langLoaded } from './i18n';
import { afterNextFrame } from './state/assessment';
import { exchange, startApp, statusCounts, terrains } from './state';
import './styles.css';

const LATER_MS = 2000;
const SETTLE_MS = 2500;

startApp();
const loaded = terrains.load();
void langLoaded().then(() => render(<App />, document.getElementById('app')!));
void loaded.then(() =>
  afterNextFrame(() => {
    void statusCounts.schedule();
    void exchange.requestPersistence();
  }),
);
void Promise.race([loaded, new Promise((resolve) => setTimeout(resolve, LATER_MS))])
  .then(() => new Promise((resolve) => setTimeout(resolve, SETTLE_MS)))
  .then(() => {
    if (import.meta.env.PROD) startServiceWorker();
    void preloadViews();
  });
