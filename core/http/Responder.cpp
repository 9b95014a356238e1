#include "core/http/Connection.h"
#include "core/http/ResponderState.h"

namespace trellis::http {

void Responder::send(HttpResponse response) const
{
    if (!m_state || m_state->sent)
        return; // only the first answer counts
    m_state->sent = true;
    if (!m_state->connection || m_state->abandoned)
        return; // the client left; nobody to tell
    m_state->onAbandoned = nullptr;
    m_state->response = std::move(response);
    m_state->connection->flush();
}

bool Responder::isOpen() const
{
    return m_state && !m_state->sent && !m_state->abandoned && m_state->connection &&
           m_state->connection->isOpen();
}

void Responder::onAbandoned(std::function<void()> callback) const
{
    if (!m_state || m_state->sent)
        return;
    if (m_state->abandoned || !m_state->connection) {
        // Already gone: tell at once rather than never.
        if (callback)
            callback();
        return;
    }
    m_state->onAbandoned = std::move(callback);
}

} // namespace trellis::http
