// Written by `npm run migration:create`: the migrations of this folder, oldest first.
import { Migration20261204194214_kitTables } from './Migration20261204194214_kitTables';

export const sqlite = [Migration20261204194214_kitTables];
