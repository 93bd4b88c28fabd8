/*
 * Minimal type mirror of `@kbn/datemath` (Kibana 8.19 / 9.x) — only `parse`.
 *
 * Mirrors (elastic/kibana): src/platform/packages/shared/kbn-datemath/index.ts (8.x:
 * packages/kbn-datemath), the parser also published on npm as `@elastic/datemath`.
 * `parse(text, { roundUp?, forceNow?, momentInstance? })` returns a moment, or undefined for
 * malformed date math.
 */
declare module '@kbn/datemath' {
  import type { Moment } from 'moment';

  interface DateMath {
    parse(
      text: string,
      options?: { roundUp?: boolean; forceNow?: Date; momentInstance?: unknown }
    ): Moment | undefined;
  }
  const dateMath: DateMath;
  export default dateMath;
}
