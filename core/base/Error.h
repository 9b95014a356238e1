#pragma once
#include <QString>

namespace trellis {

/// What went wrong, in the vocabulary of the Matrix `errcode`s (client-server-api, "Standard
/// error response"), so that an error can travel from the kernel to an HTTP answer unchanged.
enum class ErrorCode {
    Unknown,         ///< M_UNKNOWN, 500/400: anything without a better code
    NotJson,         ///< M_NOT_JSON: the bytes are not JSON at all
    BadJson,         ///< M_BAD_JSON: valid JSON of the wrong shape, type or range
    TooLarge,        ///< M_TOO_LARGE: over a size limit
    InvalidParam,    ///< M_INVALID_PARAM: a parameter or identifier with a bad value
    MissingParam,    ///< M_MISSING_PARAM: a required field is absent
    NotFound,        ///< M_NOT_FOUND
    Forbidden,       ///< M_FORBIDDEN
    UnsupportedRoomVersion, ///< M_UNSUPPORTED_ROOM_VERSION
    Io,              ///< M_UNKNOWN, 500: a local file or device failed
    Crypto,          ///< M_UNKNOWN, 500: a cryptographic primitive failed
    Unrecognized,    ///< M_UNRECOGNIZED, 404: no such endpoint
    MethodNotAllowed, ///< M_UNRECOGNIZED, 405: the endpoint exists, the method does not
    MissingToken,    ///< M_MISSING_TOKEN, 401
    UnknownToken,    ///< M_UNKNOWN_TOKEN, 401
    LimitExceeded,   ///< M_LIMIT_EXCEEDED, 429
    RoomInUse,       ///< M_ROOM_IN_USE, 400: a room alias already taken
    InvalidRoomState, ///< M_INVALID_ROOM_STATE, 400
    BadState,        ///< M_BAD_STATE, 400
    BadRequest,      ///< M_UNKNOWN, 400: a request this server cannot serve (e.g. a login type)
    InvalidSignature, ///< M_INVALID_SIGNATURE, 400: a signature that does not verify
};

/// An error: a code, a message that may be shown to users and sent to peers (it never
/// contains local paths or internals), and an optional internal detail for logs.
struct Error
{
    ErrorCode code = ErrorCode::Unknown;
    QString message;
    QString internalDetail;

    /// The Matrix `errcode` string, e.g. "M_BAD_JSON".
    QString errcode() const;
    /// The HTTP status the Client-Server and Federation APIs answer this error with.
    int httpStatus() const;

    static Error notJson(QString message) { return {ErrorCode::NotJson, std::move(message), {}}; }
    static Error badJson(QString message) { return {ErrorCode::BadJson, std::move(message), {}}; }
    static Error tooLarge(QString message) { return {ErrorCode::TooLarge, std::move(message), {}}; }
    static Error invalidParam(QString message)
    {
        return {ErrorCode::InvalidParam, std::move(message), {}};
    }
    static Error missingParam(QString message)
    {
        return {ErrorCode::MissingParam, std::move(message), {}};
    }
    static Error io(QString message, QString internal = {})
    {
        return {ErrorCode::Io, std::move(message), std::move(internal)};
    }
    static Error crypto(QString message) { return {ErrorCode::Crypto, std::move(message), {}}; }
    static Error forbidden(QString message) { return {ErrorCode::Forbidden, std::move(message), {}}; }
    static Error notFound(QString message) { return {ErrorCode::NotFound, std::move(message), {}}; }
    static Error badState(QString message) { return {ErrorCode::BadState, std::move(message), {}}; }

    /// The same error with `context` put in front of its message ("content: ...").
    Error prefixed(const QString &context) const;
};

} // namespace trellis
