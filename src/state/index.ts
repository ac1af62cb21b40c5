/**
 * The app's state: one instance of each model, wired together here and nowhere else.
 * Views import these instances and call their actions; tests make fresh ones with
 * createAppState().
 */
import { AdviserModel } from './adviser';
import { AssessmentModel } from './assessment';
import { DatabaseModel } from './database';
import { ExchangeModel } from './exchange';
import { PhotosModel } from './photos';
import { RouteModel } from './route';
import { SaveModel } from './save';
import { StatusCountsModel } from './statusCounts';
import { TabSyncModel } from './tabSync';
import { TerrainRecords, TerrainsModel } from './terrains';

export { hrefs, type Route } from './route';
export type { SaveQuestion, SaveStatus, StorageFailure } from './save';
export type { ImportProgress, ImportStatus } from './exchange';
export type { BuildingImport } from './terrains';
export type { ColumnMemory } from '../storage/metaRepository';
export { checkAdviserValue, type Adviser } from './adviser';
export type { DbEvent, StoredPhoto, StoredTerrain } from '../storage/db';
export type { PhotoOutcome, PhotoTotals } from './photos';
export type { TerrainSummary } from '../storage/summary';
export { KEPT_ID, OLD_MEANING_ID } from '../storage/ownValueIds';

export function createAppState(initialPath?: string) {
  const route = new RouteModel(initialPath);
  const records = new TerrainRecords();
  const save = new SaveModel(records);
  const terrains = new TerrainsModel(records, save, route.currentTerrainId);
  const assessment = new AssessmentModel(terrains.current);
  const exchange = new ExchangeModel(terrains, save);
  const statusCounts = new StatusCountsModel(records);
  const tabSync = new TabSyncModel(save, route.currentTerrainId, () => {
    void exchange.refreshMeta();
    void statusCounts.schedule();
  });
  const database = new DatabaseModel();
  const photos = new PhotosModel(terrains);
  const adviser = new AdviserModel();
  return { route, save, terrains, assessment, exchange, tabSync, database, statusCounts, photos, adviser };
}

export type AppState = ReturnType<typeof createAppState>;

export const { route, save, terrains, assessment, exchange, tabSync, database, statusCounts, photos, adviser } = createAppState();

/** Starts what listens to the page: back/forward, flush on leaving, other tabs, the export count, database events, the status counts after writes, photos of deleted buildings. */
export function startApp(state: AppState = { route, save, terrains, assessment, exchange, tabSync, database, statusCounts, photos, adviser }): () => void {
  const stops = [state.route.listen(), state.save.flushOnLeave(), state.tabSync.start(), state.exchange.trackChanges(), state.database.listen(), state.save.onChange(() => void state.statusCounts.schedule()), state.photos.trackRemovals()];
  return () => stops.forEach((stop) => stop());
}
