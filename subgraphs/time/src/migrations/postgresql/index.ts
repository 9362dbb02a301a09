// Written by `npm run migration:create`: the migrations of this folder, oldest first.
import { Migration20261204194251_initial } from './Migration20261204194251_initial';
import { Migration20261207022541_overlapIndexes } from './Migration20261207022541_overlapIndexes';

export const postgresql = [Migration20261204194251_initial, Migration20261207022541_overlapIndexes];
