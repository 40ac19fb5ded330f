/** The column builders handed to the callback form of `pgTable`. */
import { customType } from './custom.js';
import { date, interval, time, timestamp } from './datetime.js';
import { bigint, bigserial, integer, serial, smallint, smallserial } from './integer.js';
import { line, point } from './geometric.js';
import { boolean, json, jsonb } from './misc.js';
import { cidr, inet, macaddr, macaddr8 } from './network.js';
import { decimal, doublePrecision, numeric, real } from './numeric.js';
import { char, text, uuid, varchar } from './text.js';

// Built once: the callback form is called once per table.
const builders = {
  bigint,
  bigserial,
  boolean,
  char,
  cidr,
  customType,
  date,
  decimal,
  doublePrecision,
  inet,
  integer,
  interval,
  json,
  jsonb,
  line,
  macaddr,
  macaddr8,
  numeric,
  point,
  real,
  serial,
  smallint,
  smallserial,
  text,
  time,
  timestamp,
  uuid,
  varchar,
};

/**
 * The builders object of `pgTable('t', (t) => ({ id: t.serial() }))`.
 *
 * @example
 * const { integer } = getPgColumnBuilders();
 */
export function getPgColumnBuilders(): PgColumnBuilders {
  return builders;
}

/** The type of {@link getPgColumnBuilders}'s result. */
export type PgColumnBuilders = typeof builders;
