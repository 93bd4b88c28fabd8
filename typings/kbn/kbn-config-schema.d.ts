/*
 * Minimal type mirror of `@kbn/config-schema` (Kibana 8.19 / 9.x).
 *
 * Mirrors (elastic/kibana):
 *   - src/platform/packages/shared/kbn-config-schema/index.ts            (the `schema` object, exported names)
 *   - src/platform/packages/shared/kbn-config-schema/src/types/type.ts   (Type, TypeOptions, UnknownOptions)
 *   - src/platform/packages/shared/kbn-config-schema/src/types/object_type.ts (ObjectType, Props, TypeOf, ObjectResultType)
 *   - src/platform/packages/shared/kbn-config-schema/src/types/{string,number,array,record,union}_type.ts (options)
 *   - src/platform/packages/shared/kbn-config-schema/src/errors/{schema_type_error,validation_error}.ts
 *   (8.x path: packages/kbn-config-schema/...)
 *
 * Runtime notes (from the sources above):
 *   - `schema.object(props, { unknowns })`: 'forbid' is the DEFAULT (unknown keys fail validation),
 *     'ignore' strips them, 'allow' keeps them.
 *   - When used in a route `validate`, a validation failure is turned into a 400 Bad Request by the
 *     router before the handler runs (message like `[request body.field]: expected value of type ...`).
 *
 * Only the members the plugin uses are declared; `oneOf` is declared for 1..10 members
 * (Kibana declares overloads up to 17).
 */
declare module '@kbn/config-schema' {
  import type { Stream } from 'stream';

  /** Options for dealing with unknown keys. Default for objects/records/arrays: 'forbid'. */
  export type OptionsForUnknowns = 'allow' | 'ignore' | 'forbid';

  export interface UnknownOptions {
    unknowns?: OptionsForUnknowns;
  }

  export interface TypeMeta {
    id?: string;
    title?: string;
    description?: string;
    deprecated?: boolean;
  }

  export interface TypeOptions<T> {
    defaultValue?: T | (() => T);
    validate?: (value: T) => string | void;
    meta?: TypeMeta;
  }

  export interface SchemaValidationOptions {
    stripUnknownKeys?: boolean;
  }

  export abstract class Type<V> {
    /** Phantom property carrying the output type; used by `TypeOf`. */
    readonly type: V;
    readonly __isKbnConfigSchemaType: true;
    protected constructor(schema: unknown, options?: TypeOptions<V>);
    /**
     * Validates the provided value against this schema.
     * If valid, the resulting output is returned, otherwise an exception (ValidationError) is thrown.
     */
    validate(
      value: unknown,
      context?: Record<string, unknown>,
      namespace?: string,
      validationOptions?: SchemaValidationOptions
    ): V;
  }

  export type Props = Record<string, Type<any>>;
  export type TypeOrLazyType = Type<any> | (() => Type<any>);

  export type TypeOf<RT extends TypeOrLazyType> = RT extends () => Type<any>
    ? ReturnType<RT>['type']
    : RT extends Type<any>
      ? RT['type']
      : never;

  type OptionalProperties<Base extends Props> = Pick<
    Base,
    {
      [Key in keyof Base]: undefined extends TypeOf<Base[Key]> ? Key : never;
    }[keyof Base]
  >;

  type RequiredProperties<Base extends Props> = Pick<
    Base,
    {
      [Key in keyof Base]: undefined extends TypeOf<Base[Key]> ? never : Key;
    }[keyof Base]
  >;

  export type ObjectResultType<P extends Props> = Readonly<
    { [K in keyof OptionalProperties<P>]?: TypeOf<P[K]> } & {
      [K in keyof RequiredProperties<P>]: TypeOf<P[K]>;
    }
  >;

  export type ObjectTypeOptions<P extends Props = any> = TypeOptions<ObjectResultType<P>> &
    UnknownOptions;

  export class ObjectType<P extends Props = any> extends Type<ObjectResultType<P>> {
    constructor(props: P, options?: ObjectTypeOptions<P>);
    /** Return the schema for this object's underlying properties */
    getPropSchemas(): P;
  }

  export type StringOptions = TypeOptions<string> & {
    minLength?: number;
    maxLength?: number;
    hostname?: boolean;
    coerceFromNumber?: boolean;
  };

  export type NumberOptions = TypeOptions<number> & {
    min?: number;
    max?: number;
    unsafe?: boolean;
  };

  export type ArrayOptions<T> = TypeOptions<T[]> &
    UnknownOptions & {
      minSize?: number;
      maxSize?: number;
    };

  export type RecordOfOptions<K extends string, V> = TypeOptions<Record<K, V>> & UnknownOptions;

  export type UnionTypeOptions<T> = TypeOptions<T>;

  export class SchemaTypeError extends Error {
    readonly path: string[];
    constructor(error: Error | string, path: string[]);
  }

  export class ValidationError extends SchemaTypeError {
    constructor(error: SchemaTypeError, namespace?: string);
  }

  export const schema: {
    any(options?: TypeOptions<any>): Type<any>;
    boolean(options?: TypeOptions<boolean>): Type<boolean>;
    buffer(options?: TypeOptions<Buffer>): Type<Buffer>;
    stream(options?: TypeOptions<Stream>): Type<Stream>;
    string(options?: StringOptions): Type<string>;
    number(options?: NumberOptions): Type<number>;
    literal<T extends string | number | boolean | null>(value: T): Type<T>;
    never(): Type<never>;
    /** Create an optional type */
    maybe<V>(type: Type<V>): Type<V | undefined>;
    nullable<V>(type: Type<V>): Type<V | null>;
    object<P extends Props>(props: P, options?: ObjectTypeOptions<P>): ObjectType<P>;
    arrayOf<T>(itemType: Type<T>, options?: ArrayOptions<T>): Type<T[]>;
    recordOf<K extends string, V>(
      keyType: Type<K>,
      valueType: Type<V>,
      options?: RecordOfOptions<K, V>
    ): Type<Record<K, V>>;
    oneOf<A, B, C, D, E, F, G, H, I, J>(
      types: [
        Type<A>,
        Type<B>,
        Type<C>,
        Type<D>,
        Type<E>,
        Type<F>,
        Type<G>,
        Type<H>,
        Type<I>,
        Type<J>,
      ],
      options?: UnionTypeOptions<A | B | C | D | E | F | G | H | I | J>
    ): Type<A | B | C | D | E | F | G | H | I | J>;
    oneOf<A, B, C, D, E, F, G, H, I>(
      types: [Type<A>, Type<B>, Type<C>, Type<D>, Type<E>, Type<F>, Type<G>, Type<H>, Type<I>],
      options?: UnionTypeOptions<A | B | C | D | E | F | G | H | I>
    ): Type<A | B | C | D | E | F | G | H | I>;
    oneOf<A, B, C, D, E, F, G, H>(
      types: [Type<A>, Type<B>, Type<C>, Type<D>, Type<E>, Type<F>, Type<G>, Type<H>],
      options?: UnionTypeOptions<A | B | C | D | E | F | G | H>
    ): Type<A | B | C | D | E | F | G | H>;
    oneOf<A, B, C, D, E, F, G>(
      types: [Type<A>, Type<B>, Type<C>, Type<D>, Type<E>, Type<F>, Type<G>],
      options?: UnionTypeOptions<A | B | C | D | E | F | G>
    ): Type<A | B | C | D | E | F | G>;
    oneOf<A, B, C, D, E, F>(
      types: [Type<A>, Type<B>, Type<C>, Type<D>, Type<E>, Type<F>],
      options?: UnionTypeOptions<A | B | C | D | E | F>
    ): Type<A | B | C | D | E | F>;
    oneOf<A, B, C, D, E>(
      types: [Type<A>, Type<B>, Type<C>, Type<D>, Type<E>],
      options?: UnionTypeOptions<A | B | C | D | E>
    ): Type<A | B | C | D | E>;
    oneOf<A, B, C, D>(
      types: [Type<A>, Type<B>, Type<C>, Type<D>],
      options?: UnionTypeOptions<A | B | C | D>
    ): Type<A | B | C | D>;
    oneOf<A, B, C>(
      types: [Type<A>, Type<B>, Type<C>],
      options?: UnionTypeOptions<A | B | C>
    ): Type<A | B | C>;
    oneOf<A, B>(types: [Type<A>, Type<B>], options?: UnionTypeOptions<A | B>): Type<A | B>;
    oneOf<A>(types: [Type<A>], options?: UnionTypeOptions<A>): Type<A>;
  };

  export {};
}
