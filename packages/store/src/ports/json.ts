/** Any value JSON can carry; what the store keeps for state, ledger entries and stored responses. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
