// Beside an analytics answer: sentences about the query that the results alone would hide
// (a field the data does not have matches nothing, which otherwise reads as "no data").
export interface WithQueryWarnings {
  warnings?: string[];
}
