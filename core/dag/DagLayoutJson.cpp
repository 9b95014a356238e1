#include "core/dag/DagLayoutJson.h"

#include "core/json/QtStrings.h"

namespace trellis::dag {
namespace {

json::Value nodeJson(const DagNode &node)
{
    json::Object object;
    object.insert("id", json::toUtf8(node.id));
    object.insert("row", node.row);
    object.insert("lane", node.lane);
    object.insert("depth", node.depth);
    object.insert("ts", node.ts);
    json::Array flags;
    for (const QString &name : dagFlagNames(node.flags))
        flags.push_back(json::toUtf8(name));
    object.insert("flags", std::move(flags));
    if (!node.flags.testFlag(DagFlag::Missing)) {
        object.insert("type", json::toUtf8(node.type));
        object.insert("sender", json::toUtf8(node.sender));
        object.insert("state", node.isState);
    }
    return object;
}

json::Value edgeJson(const DagEdge &edge)
{
    json::Object object;
    object.insert("from", edge.fromRow);
    object.insert("to", edge.toRow);
    json::Array path;
    for (const DagPoint &point : edge.path())
        path.push_back(json::Array{point.row, point.lane});
    object.insert("path", std::move(path));
    return object;
}

} // namespace

QStringList dagFlagNames(DagFlags flags)
{
    QStringList names;
    if (flags.testFlag(DagFlag::ForwardExtremity))
        names.append(QStringLiteral("forward_extremity"));
    if (flags.testFlag(DagFlag::Outlier))
        names.append(QStringLiteral("outlier"));
    if (flags.testFlag(DagFlag::Rejected))
        names.append(QStringLiteral("rejected"));
    if (flags.testFlag(DagFlag::SoftFailed))
        names.append(QStringLiteral("soft_failed"));
    if (flags.testFlag(DagFlag::Missing))
        names.append(QStringLiteral("missing"));
    return names;
}

json::Value dagLayoutToJson(const DagLayout &layout)
{
    json::Array nodes;
    nodes.reserve(layout.nodes().size());
    for (const DagNode &node : layout.nodes())
        nodes.push_back(nodeJson(node));
    json::Array edges;
    edges.reserve(layout.edges().size());
    for (const DagEdge &edge : layout.edges())
        edges.push_back(edgeJson(edge));
    json::Object object;
    object.insert("rows", layout.rowCount());
    object.insert("lanes", layout.laneCount());
    object.insert("nodes", std::move(nodes));
    object.insert("edges", std::move(edges));
    return object;
}

} // namespace trellis::dag
