/*
 * EUI's icon registry (@elastic/eui lib/components/icon/icon_map.js), which EUI ships without a
 * declaration: the map from every icon name EUI knows to its file. Used by public/lib/icons.test.ts.
 */
declare module '@elastic/eui/lib/components/icon/icon_map' {
  export const typeToPathMap: Record<string, string>;
}
