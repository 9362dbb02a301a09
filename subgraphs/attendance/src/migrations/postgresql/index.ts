// Written by `npm run migration:create`: the migrations of this folder, oldest first.
import { Migration20261204194251_initial } from './Migration20261204194251_initial';

export const postgresql = [Migration20261204194251_initial];
