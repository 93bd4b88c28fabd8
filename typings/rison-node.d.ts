// rison-node ships no types; these are the functions the app uses (js/rison.js).
declare module 'rison-node' {
  type RisonValue = string | number | boolean | null | RisonValue[] | { [key: string]: RisonValue };
  interface RisonParser {
    parse(text: string): RisonValue;
    /** Records the message; the shipped one also console.logs it. */
    error(message: string): undefined;
    message: string | null;
  }
  const rison: {
    encode(value: RisonValue): string;
    /** rison-encodes, then URI-quotes keeping `,:@$/()'!` readable and a space as `+`. */
    encode_uri(value: RisonValue): string;
    decode(text: string): RisonValue;
    parser: {
      new (onError: (message: string) => void): RisonParser;
    };
  };
  export default rison;
}
