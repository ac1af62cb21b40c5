/**
 * The database notice (src/state/database.ts): when another tab wants a newer database
 * version ("blocking") or the browser closes the connection ("terminated"), the page says
 * so, as a code in the state and Dutch (or English) words in the view. On fake-indexeddb.
 */
import 'fake-indexeddb/auto';
import { forceCloseDatabase, IDBFactory } from 'fake-indexeddb';
import { unwrap } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLang } from '../../src/i18n';
import { createAppState, type AppState } from '../../src/state';
import { closeDatabase, DB_NAME, DB_VERSION, openDatabase } from '../../src/storage/db';
import { databaseNoticeText } from '../../src/ui/stateText';

let app: AppState;
let stop: () => void;

beforeEach(async () => {
  await closeDatabase();
  globalThis.indexedDB = new IDBFactory();
  app = createAppState('/');
  stop = app.database.listen();
});

afterEach(async () => {
  stop();
  setLang('nl');
  await closeDatabase();
});

/** What the browser does when it closes a connection itself (fake-indexeddb types the argument as the class). */
const browserCloses = (db: Awaited<ReturnType<typeof openDatabase>>): void => forceCloseDatabase(unwrap(db) as unknown as Parameters<typeof forceCloseDatabase>[0]);

/** Another tab opens the database at a newer version; resolves once its upgrade went through. */
function newerVersionElsewhere(): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION + 1);
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
  });
}

describe('database notices', () => {
  it('another tab wants a newer version: this page lets it go and tells the user to close or reload', async () => {
    await openDatabase();
    expect(app.database.event.value).toBeNull();
    await newerVersionElsewhere(); // would stay blocked if this page kept its connection
    expect(app.database.event.value).toBe('blocking');
    expect(databaseNoticeText(app.database.event.value!)).toMatch(/^In een ander tabblad is een nieuwere versie van deze app geopend.*Sluit dit tabblad of laad het opnieuw/);
    await setLang('en');
    expect(databaseNoticeText(app.database.event.value!)).toMatch(/^A newer version of this app was opened in another tab/);

    app.database.dismiss();
    expect(app.database.event.value).toBeNull();
  });

  it('the browser closes the connection: the notice says to reload; after stop() nothing is heard', async () => {
    const db = await openDatabase();
    browserCloses(db);
    expect(app.database.event.value).toBe('terminated');
    expect(databaseNoticeText('terminated')).toMatch(/^De browser heeft de verbinding met de opgeslagen gegevens verbroken.*Laad de pagina opnieuw/);

    app.database.dismiss();
    stop();
    browserCloses(await openDatabase()); // reopened on next use
    expect(app.database.event.value).toBeNull();
  });
});
