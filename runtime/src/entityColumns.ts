import { defineEntity } from '@mikro-orm/core';

/** The `p` an entity's `properties` callback receives. */
export type PropertyBuilders = typeof defineEntity.properties;

/** The row's key: a UUID. */
export const rowId = (p: PropertyBuilders) => ({ id: p.string().primary().length(36) });

/** Optimistic lock: every flush that changes the row adds one and checks the old value. */
export const optimisticLock = (p: PropertyBuilders) => ({ version: p.integer().version() });

/**
 * When the row was made and last changed. Mapped as `Date`, not `p.type('datetime')`: on
 * SQLite the latter reads back as changed on every flush.
 */
export const timestamps = (p: PropertyBuilders) => ({
  createdAt: p.datetime(),
  updatedAt: p.datetime(),
});

/** A row that mutations change: its lock, the correlation id of the last one, its times. */
export const mutationTrail = (p: PropertyBuilders) => ({
  ...optimisticLock(p),
  correlationId: p.string().length(200),
  ...timestamps(p),
});

/** A row about one employee's local day: the employee's id and the day (ISO date). */
export const employeeDay = (p: PropertyBuilders) => ({
  employeeId: p.string().length(36),
  date: p.string().length(10),
});
