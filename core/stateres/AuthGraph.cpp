#include "core/stateres/AuthGraph.h"

namespace trellis::stateres {

int AuthGraph::node(const EventId &id)
{
    const auto it = m_index.constFind(id);
    if (it != m_index.constEnd())
        return *it;
    const events::Pdu *pdu = m_provider.event(id);
    if (!pdu) {
        if (!m_missing.contains(id))
            m_missing.append(id);
        return -1;
    }
    const int index = int(m_nodes.size());
    m_nodes.push_back(Node{pdu, {}, false});
    m_index.insert(id, index);
    return index;
}

std::span<const int> AuthGraph::authEdges(int index)
{
    if (!m_nodes[size_t(index)].edgesResolved) {
        std::vector<int> edges;
        for (const EventId &auth : m_nodes[size_t(index)].pdu->authEvents()) {
            const int target = node(auth); // may grow m_nodes: index again below
            if (target >= 0)
                edges.push_back(target);
        }
        Node &n = m_nodes[size_t(index)];
        n.edges = std::move(edges);
        n.edgesResolved = true;
    }
    return m_nodes[size_t(index)].edges;
}

Error AuthGraph::missingError() const
{
    QStringList ids;
    for (const EventId &id : m_missing)
        ids.append(id.toString());
    ids.sort();
    return Error{ErrorCode::NotFound,
                 QStringLiteral("state resolution needs events that are not available: %1")
                     .arg(ids.join(QStringLiteral(", "))),
                 {}};
}

void AuthGraph::markAuthChains(const std::vector<int> &starts, std::vector<char> &marks,
                               const std::vector<char> *stop)
{
    std::vector<int> stack;
    const auto push = [&](int n) {
        if (size_t(n) >= marks.size())
            marks.resize(m_nodes.size(), 0);
        const bool stopped = stop && size_t(n) < stop->size() && (*stop)[size_t(n)];
        if (!marks[size_t(n)] && !stopped) {
            marks[size_t(n)] = 1;
            stack.push_back(n);
        }
    };
    for (int start : starts) {
        for (int auth : authEdges(start))
            push(auth);
    }
    while (!stack.empty()) {
        const int n = stack.back();
        stack.pop_back();
        for (int auth : authEdges(n))
            push(auth);
    }
    marks.resize(m_nodes.size(), 0);
}

} // namespace trellis::stateres
