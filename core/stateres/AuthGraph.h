#pragma once
#include "core/base/Error.h"
#include "core/stateres/EventProvider.h"

#include <QHash>
#include <QList>
#include <span>
#include <vector>

namespace trellis::stateres {

/// The auth-event graph of the events a resolution touches, with dense indices so that walks
/// over big rooms use vectors instead of hash sets. Nodes are created as walks reach them;
/// events the provider does not know are recorded as missing.
class AuthGraph
{
public:
    explicit AuthGraph(const EventProvider &provider) : m_provider(provider) {}

    /// The node for `id`, or -1 if the provider does not know the event.
    int node(const EventId &id);
    const events::Pdu &pdu(int node) const { return *m_nodes[size_t(node)].pdu; }
    const EventId &eventId(int node) const { return m_nodes[size_t(node)].pdu->eventId(); }
    /// The nodes of the event's auth events (those the provider knows). The span stays valid
    /// while nodes are added (it points into the edge list's own buffer).
    std::span<const int> authEdges(int node);
    int size() const { return int(m_nodes.size()); }
    const QList<EventId> &missing() const { return m_missing; }
    /// M_NOT_FOUND naming the missing events.
    Error missingError() const;

    /// Marks every node in the auth chains of `starts` (not the starts themselves unless they
    /// are reached) in `marks`, skipping nodes already marked in `stop`.
    void markAuthChains(const std::vector<int> &starts, std::vector<char> &marks,
                        const std::vector<char> *stop = nullptr);

private:
    struct Node
    {
        const events::Pdu *pdu = nullptr;
        std::vector<int> edges;
        bool edgesResolved = false;
    };

    const EventProvider &m_provider;
    QHash<EventId, int> m_index;
    std::vector<Node> m_nodes;
    QList<EventId> m_missing;
};

} // namespace trellis::stateres
