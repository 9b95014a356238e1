#pragma once
#include "core/auth/AuthRule.h"

#include <QString>

namespace trellis::auth {

/// The outcome of checking one event against a set of auth events or a room state.
struct AuthVerdict
{
    AuthRule failedRule = AuthRule::None; ///< which rule of the room version rejected it
    QString reason;                       ///< developer English, shown in the DAG view

    bool allowed() const { return failedRule == AuthRule::None; }
    static AuthVerdict allow() { return {}; }
    static AuthVerdict reject(AuthRule rule, QString why) { return {rule, std::move(why)}; }
};

} // namespace trellis::auth
