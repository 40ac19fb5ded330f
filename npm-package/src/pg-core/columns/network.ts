/**
 * PostgreSQL's network address types: `inet`, `cidr`, `macaddr`, `macaddr8`. Read and written as
 * PostgreSQL's text form (`192.168.0.1/24`, `08:00:2b:01:02:03`), as drizzle does: the server
 * normalises what it stores (`10.0.0.0/8` for a `cidr`, lower-case MAC addresses).
 */
import { initialRuntimeConfig } from '../../column-builder.js';
import { Codec } from '../../column-codec.js';
import { PgColumnBuilder } from './common.js';

/** Type state of a network column. */
export interface PgNetworkConfig<TColumnType extends 'PgInet' | 'PgCidr' | 'PgMacaddr' | 'PgMacaddr8'> {
  dataType: 'string';
  columnType: TColumnType;
  data: string;
  driverParam: string;
  enumValues: undefined;
}

/** Builder of `inet()`. */
export class PgInetBuilder<
  T extends PgNetworkConfig<'PgInet'> = PgNetworkConfig<'PgInet'>,
> extends PgColumnBuilder<T> {}
/** Builder of `cidr()`. */
export class PgCidrBuilder<
  T extends PgNetworkConfig<'PgCidr'> = PgNetworkConfig<'PgCidr'>,
> extends PgColumnBuilder<T> {}
/** Builder of `macaddr()`. */
export class PgMacaddrBuilder<
  T extends PgNetworkConfig<'PgMacaddr'> = PgNetworkConfig<'PgMacaddr'>,
> extends PgColumnBuilder<T> {}
/** Builder of `macaddr8()`. */
export class PgMacaddr8Builder<
  T extends PgNetworkConfig<'PgMacaddr8'> = PgNetworkConfig<'PgMacaddr8'>,
> extends PgColumnBuilder<T> {}

/**
 * `inet`: a host address with an optional netmask.
 *
 * @example
 * ip: inet().notNull()
 */
export function inet(name?: string): PgInetBuilder {
  return new PgInetBuilder(initialRuntimeConfig(name ?? '', 'string', 'PgInet', Codec.text, 'inet'));
}

/**
 * `cidr`: a network (no bits set right of the mask).
 *
 * @example
 * net: cidr()
 */
export function cidr(name?: string): PgCidrBuilder {
  return new PgCidrBuilder(initialRuntimeConfig(name ?? '', 'string', 'PgCidr', Codec.text, 'cidr'));
}

/**
 * `macaddr`: a 6-byte MAC address.
 *
 * @example
 * mac: macaddr()
 */
export function macaddr(name?: string): PgMacaddrBuilder {
  return new PgMacaddrBuilder(initialRuntimeConfig(name ?? '', 'string', 'PgMacaddr', Codec.text, 'macaddr'));
}

/**
 * `macaddr8`: an 8-byte (EUI-64) MAC address.
 *
 * @example
 * mac8: macaddr8()
 */
export function macaddr8(name?: string): PgMacaddr8Builder {
  return new PgMacaddr8Builder(initialRuntimeConfig(name ?? '', 'string', 'PgMacaddr8', Codec.text, 'macaddr8'));
}
