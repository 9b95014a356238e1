#include "core/base/Error.h"

namespace trellis {

QString Error::errcode() const
{
    switch (code) {
    case ErrorCode::NotJson:
        return QStringLiteral("M_NOT_JSON");
    case ErrorCode::BadJson:
        return QStringLiteral("M_BAD_JSON");
    case ErrorCode::TooLarge:
        return QStringLiteral("M_TOO_LARGE");
    case ErrorCode::InvalidParam:
        return QStringLiteral("M_INVALID_PARAM");
    case ErrorCode::MissingParam:
        return QStringLiteral("M_MISSING_PARAM");
    case ErrorCode::NotFound:
        return QStringLiteral("M_NOT_FOUND");
    case ErrorCode::Forbidden:
        return QStringLiteral("M_FORBIDDEN");
    case ErrorCode::UnsupportedRoomVersion:
        return QStringLiteral("M_UNSUPPORTED_ROOM_VERSION");
    case ErrorCode::Unrecognized:
    case ErrorCode::MethodNotAllowed:
        return QStringLiteral("M_UNRECOGNIZED");
    case ErrorCode::MissingToken:
        return QStringLiteral("M_MISSING_TOKEN");
    case ErrorCode::UnknownToken:
        return QStringLiteral("M_UNKNOWN_TOKEN");
    case ErrorCode::LimitExceeded:
        return QStringLiteral("M_LIMIT_EXCEEDED");
    case ErrorCode::RoomInUse:
        return QStringLiteral("M_ROOM_IN_USE");
    case ErrorCode::InvalidRoomState:
        return QStringLiteral("M_INVALID_ROOM_STATE");
    case ErrorCode::BadState:
        return QStringLiteral("M_BAD_STATE");
    case ErrorCode::InvalidSignature:
        return QStringLiteral("M_INVALID_SIGNATURE");
    case ErrorCode::Unknown:
    case ErrorCode::Io:
    case ErrorCode::Crypto:
    case ErrorCode::BadRequest:
        break;
    }
    return QStringLiteral("M_UNKNOWN");
}

int Error::httpStatus() const
{
    switch (code) {
    case ErrorCode::NotJson:
    case ErrorCode::BadJson:
    case ErrorCode::InvalidParam:
    case ErrorCode::MissingParam:
    case ErrorCode::UnsupportedRoomVersion:
    case ErrorCode::RoomInUse:
    case ErrorCode::InvalidRoomState:
    case ErrorCode::BadState:
    case ErrorCode::BadRequest:
    case ErrorCode::InvalidSignature:
        return 400;
    case ErrorCode::Unrecognized:
        return 404;
    case ErrorCode::MethodNotAllowed:
        return 405;
    case ErrorCode::MissingToken:
    case ErrorCode::UnknownToken:
        return 401;
    case ErrorCode::LimitExceeded:
        return 429;
    case ErrorCode::TooLarge:
        return 413;
    case ErrorCode::NotFound:
        return 404;
    case ErrorCode::Forbidden:
        return 403;
    case ErrorCode::Unknown:
    case ErrorCode::Io:
    case ErrorCode::Crypto:
        break;
    }
    return 500;
}

Error Error::prefixed(const QString &context) const
{
    return {code, context + QStringLiteral(": ") + message, internalDetail};
}

} // namespace trellis
