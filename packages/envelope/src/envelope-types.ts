/** A JSON object as the decoders return it: string keys, values of any JSON type. */
export type JsonObject = { [key: string]: unknown };

/** The `Header` of a request. `RequestID` is optional: the gateway makes one when absent. */
export interface RequestHeader {
  RequestID?: string;
  [key: string]: unknown;
}

/**
 * The `Header` of a response. Open: the gateway adds keys such as `SessionID` and `DialogID`,
 * and they are kept.
 */
export interface ResponseHeader {
  /** 0 for success; anything else, negative values included, is an error. */
  Code: number;
  /** Empty on success; on error a class, a colon and text: `InternalError.DataNotExist:记录不存在`. */
  Message: string;
  /** The gateway's id for this call: quote it to support. */
  RequestID: string;
  SessionID?: string;
  DialogID?: string;
  [key: string]: unknown;
}

/** A request envelope as {@link encodeRequest} builds it. */
export interface EncodedRequest<P extends object = JsonObject> {
  Header: { RequestID: string };
  Payload: P;
}

/** A request envelope as {@link decodeRequest} reads it (for servers and the mock gateway). */
export interface DecodedRequest {
  Header: RequestHeader;
  Payload: JsonObject;
}

/** A successful response envelope as {@link decodeResponse} returns it. */
export interface DecodedResponse<P extends object = JsonObject> {
  Header: ResponseHeader & { Code: 0 };
  /** An object; `{}` when the gateway sent no `Payload` or `null`. */
  Payload: P;
}
